import { z } from 'zod';
import { awsPodIdentityProblems } from '../../aws/pod-identity-validation';
import { stackCommonShape } from '../common-schema';
import { awsBillingRoleShape, awsRoleScopedNames } from './aws-role';
import { EntryKind } from './entry-kind';

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

export const awsPodIdentityEntryKind: EntryKind<AwsPodIdentityEntry> = {
  cloud: 'aws',
  identity: 'pod-identity',
  schema: awsPodIdentityEntrySchema,
  problems: (entry, prefix) => awsPodIdentityProblems(entry, prefix),
  accountScopedNames: awsRoleScopedNames,
};
