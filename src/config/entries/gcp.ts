import { z } from 'zod';
import type { GcpBillingIdentityProps } from '../../constructs/gcp-billing-identity';
import { gcpBillingIdentityProblems } from '../../gcp/validation';
import { Problem, joinField } from '../../rules/problem';
import { gcpRegionRule } from '../../rules/gcp-region';
import { stackCommonShape } from '../common-schema';
import { AccountScopedName, EntryKind } from './entry-kind';

/** Keys of both GCP identities; `identity` is the construct's `mode`. */
const gcpEntryShape = {
  ...stackCommonShape,
  cloud: z.literal('gcp'),
  projectId: z.string(),
  region: z.string(),
  /** The GKE cluster's location (region or zone), with kubernetesFromCluster. */
  clusterLocation: z.string().optional(),
  projectNumber: z.string().optional(),
  bucketName: z.string(),
  controlPlaneNamespaces: z.array(z.string()),
  serviceAccountId: z.string().optional(),
  role: z.string().optional(),
  bindingScope: z.enum(['bucket', 'project']).optional(),
  createBucket: z.boolean().optional(),
  bucketLocation: z.string().optional(),
};

export const gcpPrincipalEntrySchema = z.strictObject({ ...gcpEntryShape, identity: z.literal('principal') });
export const gcpImpersonationEntrySchema = z.strictObject({ ...gcpEntryShape, identity: z.literal('impersonation') });
export type GcpPrincipalEntry = z.infer<typeof gcpPrincipalEntrySchema>;
export type GcpImpersonationEntry = z.infer<typeof gcpImpersonationEntrySchema>;
export type GcpEntry = GcpPrincipalEntry | GcpImpersonationEntry;

/** The rules of a GCP entry: the construct's, plus the stack's region and cluster location. */
function gcpEntryProblems(entry: GcpEntry, prefix: string): Problem[] {
  const { clusterLocation } = entry;
  const problems = [
    ...gcpBillingIdentityProblems(gcpIdentityProps(entry), prefix),
    ...gcpRegionRule(joinField(prefix, 'region'), entry.region),
    ...gcpRegionRule(joinField(prefix, 'clusterLocation'), clusterLocation, { allowZone: true }),
  ];
  if (entry.kubernetesFromCluster === true && clusterLocation === undefined) {
    problems.push({ field: joinField(prefix, 'clusterLocation'), value: undefined, rule: 'is required with kubernetesFromCluster: true (the region or zone of the GKE cluster)' });
  }
  return problems;
}

/** The construct props of an entry: its keys, with `identity` as the `mode`. */
export function gcpIdentityProps(entry: GcpEntry): GcpBillingIdentityProps {
  return {
    mode: entry.identity,
    projectId: entry.projectId,
    projectNumber: entry.projectNumber,
    bucketName: entry.bucketName,
    controlPlaneNamespaces: entry.controlPlaneNamespaces,
    serviceAccountId: entry.serviceAccountId,
    role: entry.role,
    bindingScope: entry.bindingScope,
    createBucket: entry.createBucket,
    bucketLocation: entry.bucketLocation,
  };
}

/** Two stacks creating the same bucket would fight over it: bucket names are global. */
function bucketNames(entry: GcpEntry): AccountScopedName[] {
  return entry.createBucket ? [{ what: 'Cloud Storage bucket', scope: 'Cloud Storage (bucket names are global)', name: entry.bucketName, field: 'bucketName' }] : [];
}

export const gcpPrincipalEntryKind: EntryKind<GcpPrincipalEntry> = {
  cloud: 'gcp',
  identity: 'principal',
  schema: gcpPrincipalEntrySchema,
  problems: gcpEntryProblems,
  accountScopedNames: bucketNames,
};

export const gcpImpersonationEntryKind: EntryKind<GcpImpersonationEntry> = {
  cloud: 'gcp',
  identity: 'impersonation',
  schema: gcpImpersonationEntrySchema,
  problems: gcpEntryProblems,
  accountScopedNames: (entry) => [
    { what: 'Google service account ID', scope: `GCP project ${entry.projectId}`, name: entry.serviceAccountId ?? 'billing-sa', field: 'serviceAccountId' },
    ...bucketNames(entry),
  ],
};
