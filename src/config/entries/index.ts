import { Cloud, EntryKind } from './entry-kind';
import { awsIrsaEntryKind } from './aws-irsa';
import { awsPodIdentityEntryKind } from './aws-pod-identity';
import { gcpImpersonationEntryKind, gcpPrincipalEntryKind } from './gcp';
import { azureWorkloadIdentityEntryKind } from './azure-workload-identity';

/** Every kind of stack entry, keyed `<cloud>/<identity>`. */
export const ENTRY_KINDS: Readonly<Record<string, EntryKind<any>>> = Object.fromEntries(
  [awsIrsaEntryKind, awsPodIdentityEntryKind, gcpPrincipalEntryKind, gcpImpersonationEntryKind, azureWorkloadIdentityEntryKind].map((kind) => [`${kind.cloud}/${kind.identity}`, kind]),
);

export function identitiesOf(cloud: Cloud): string[] {
  return Object.values(ENTRY_KINDS)
    .filter((k) => k.cloud === cloud)
    .map((k) => k.identity);
}

export type { Cloud, EntryKind, AccountScopedName } from './entry-kind';
