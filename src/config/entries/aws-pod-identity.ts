import { z } from 'zod';
import { awsPodIdentityProblems } from '../../aws/pod-identity-validation';
import { stackCommonShape, stringMap } from '../common-schema';
import { EntryKind } from './entry-kind';

export const awsPodIdentityEntrySchema = z.strictObject({
  ...stackCommonShape,
  cloud: z.literal('aws'),
  identity: z.literal('pod-identity'),
  // The associations are made in this cluster: required here, unlike for IRSA.
  clusterName: z.string(),
  region: z.string(),
  bucketName: z.string(),
  controlPlaneNamespaces: z.array(z.string()),
  accountId: z.string().optional(),
  partition: z.enum(['aws', 'aws-cn', 'aws-us-gov']).optional(),
  roleName: z.string().optional(),
  rolePath: z.string().optional(),
  permissionsBoundaryArn: z.string().optional(),
  allowDeleteObject: z.boolean().optional(),
  kmsKeyArn: z.string().optional(),
  restrictToNamespaces: z.boolean().optional(),
  installAgentAddon: z.boolean().optional(),
  trustPolicyMaxLength: z.number().optional(),
  tags: stringMap.optional(),
});
export type AwsPodIdentityEntry = z.infer<typeof awsPodIdentityEntrySchema>;

export const awsPodIdentityEntryKind: EntryKind<AwsPodIdentityEntry> = {
  cloud: 'aws',
  identity: 'pod-identity',
  schema: awsPodIdentityEntrySchema,
  problems: (entry, prefix) => awsPodIdentityProblems(entry, prefix),
  // The same what/scope as IRSA: an IRSA and a Pod Identity stack may not create one role twice.
  accountScopedNames: (entry) =>
    entry.accountId === undefined
      ? []
      : [{ what: 'IAM role name', scope: `AWS account ${entry.accountId}`, name: entry.roleName ?? 'spaces-billing', field: 'roleName' }],
};
