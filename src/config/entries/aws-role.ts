import { z } from 'zod';
import { AWS_PARTITIONS } from '../../aws/partition';
import { stringMap } from '../common-schema';
import { AccountScopedName } from './entry-kind';

/** Config keys every AWS billing role has, IRSA and Pod Identity alike (the props of AwsBillingRoleInput). */
export const awsBillingRoleShape = {
  region: z.string(),
  bucketName: z.string(),
  accountId: z.string().optional(),
  partition: z.enum(AWS_PARTITIONS).optional(),
  roleName: z.string().optional(),
  rolePath: z.string().optional(),
  permissionsBoundaryArn: z.string().optional(),
  allowDeleteObject: z.boolean().optional(),
  kmsKeyArn: z.string().optional(),
  trustPolicyMaxLength: z.number().optional(),
  tags: stringMap.optional(),
};

/**
 * IAM role names are unique per account, regardless of case: IRSA and Pod Identity stacks share
 * this scope, so two of them may not create one role. Without an account ID
 * the account is only known at apply time, and nothing is compared.
 */
export function awsRoleScopedNames(entry: { accountId?: string; roleName?: string }): AccountScopedName[] {
  if (entry.accountId === undefined) return [];
  return [{ what: 'IAM role name', scope: `AWS account ${entry.accountId}`, name: entry.roleName ?? 'spaces-billing', field: 'roleName', caseInsensitive: true }];
}
