import { z } from 'zod';
import { awsIrsaProblems } from '../../aws/irsa-validation';
import { stackCommonShape } from '../common-schema';
import { awsBillingRoleShape, awsRoleScopedNames } from './aws-role';
import { EntryKind } from './entry-kind';

export const awsIrsaEntrySchema = z.strictObject({
  ...stackCommonShape,
  ...awsBillingRoleShape,
  cloud: z.literal('aws'),
  identity: z.literal('irsa'),
  controlPlaneNamespaces: z.array(z.string()).optional(),
  namespacePattern: z.string().optional(),
  oidcIssuerUrl: z.string().optional(),
  oidcProviderArn: z.string().optional(),
  createOidcProvider: z.boolean().optional(),
});
export type AwsIrsaEntry = z.infer<typeof awsIrsaEntrySchema>;

export const awsIrsaEntryKind: EntryKind<AwsIrsaEntry> = {
  cloud: 'aws',
  identity: 'irsa',
  schema: awsIrsaEntrySchema,
  problems: (entry, prefix) => awsIrsaProblems(entry, prefix),
  accountScopedNames: awsRoleScopedNames,
};
