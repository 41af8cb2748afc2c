import { z } from 'zod';
import { awsIrsaProblems } from '../../aws/irsa-validation';
import { stackCommonShape, stringMap } from '../common-schema';
import { EntryKind } from './entry-kind';

export const awsIrsaEntrySchema = z.strictObject({
  ...stackCommonShape,
  cloud: z.literal('aws'),
  identity: z.literal('irsa'),
  region: z.string(),
  bucketName: z.string(),
  controlPlaneNamespaces: z.array(z.string()).optional(),
  namespacePattern: z.string().optional(),
  oidcIssuerUrl: z.string().optional(),
  oidcProviderArn: z.string().optional(),
  createOidcProvider: z.boolean().optional(),
  accountId: z.string().optional(),
  partition: z.enum(['aws', 'aws-cn', 'aws-us-gov']).optional(),
  roleName: z.string().optional(),
  rolePath: z.string().optional(),
  permissionsBoundaryArn: z.string().optional(),
  allowDeleteObject: z.boolean().optional(),
  kmsKeyArn: z.string().optional(),
  trustPolicyMaxLength: z.number().optional(),
  tags: stringMap.optional(),
});
export type AwsIrsaEntry = z.infer<typeof awsIrsaEntrySchema>;

export const awsIrsaEntryKind: EntryKind<AwsIrsaEntry> = {
  cloud: 'aws',
  identity: 'irsa',
  schema: awsIrsaEntrySchema,
  problems: (entry, prefix) => awsIrsaProblems(entry, prefix),
  accountScopedNames: (entry) =>
    entry.accountId === undefined
      ? []
      : [{ what: 'IAM role name', scope: `AWS account ${entry.accountId}`, name: entry.roleName ?? 'spaces-billing', field: 'roleName' }],
};
