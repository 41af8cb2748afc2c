import { z } from 'zod';
import { awsPodIdentityProblems } from '../../aws/pod-identity-validation';
import { stackCommonShape } from '../common-schema';
import { awsBillingRoleShape, awsRoleScopedNames } from './aws-role';
import { BILLING_COMPONENT } from '../../component';
import { AccountScopedName, EntryKind } from './entry-kind';

export const awsPodIdentityEntrySchema = z.strictObject({
  ...stackCommonShape,
  ...awsBillingRoleShape,
  cloud: z.literal('aws'),
  identity: z.literal('pod-identity'),
  // The associations are made in this cluster: required here, unlike for IRSA.
  clusterName: z.string(),
  controlPlaneNamespaces: z.array(z.string()),
  restrictToNamespaces: z.boolean().optional(),
  installAgentAddon: z.boolean().optional(),
});
export type AwsPodIdentityEntry = z.infer<typeof awsPodIdentityEntrySchema>;

/** EKS keeps one Pod Identity association per service account: two stacks may not both make one. */
function associationNames(entry: AwsPodIdentityEntry): AccountScopedName[] {
  const cluster = `EKS cluster ${entry.clusterName} in ${entry.region}${entry.accountId !== undefined ? ` of account ${entry.accountId}` : ''}`;
  return entry.controlPlaneNamespaces.map((ns) => ({
    what: 'Pod Identity association',
    scope: cluster,
    name: `${ns}/${BILLING_COMPONENT.serviceAccountName}`,
    field: 'controlPlaneNamespaces',
  }));
}

export const awsPodIdentityEntryKind: EntryKind<AwsPodIdentityEntry> = {
  cloud: 'aws',
  identity: 'pod-identity',
  schema: awsPodIdentityEntrySchema,
  problems: (entry, prefix) => awsPodIdentityProblems(entry, prefix),
  accountScopedNames: (entry) => [...awsRoleScopedNames(entry), ...associationNames(entry)],
};
