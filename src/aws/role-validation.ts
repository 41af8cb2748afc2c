import { Problem, joinField } from '../rules/problem';
import { arnPlacementRule } from '../rules/arn-placement';
import { arnRule } from '../rules/aws-arn';
import { isToken } from '../rules/token';
import { partitionForRegion } from './partition';
import { awsPartitionRule } from '../rules/aws-partition';
import { awsRegionRule } from '../rules/aws-region';
import { awsAccountIdRule } from '../rules/aws-account-id';
import { iamRoleNameRule } from '../rules/iam-role-name';
import { iamRolePathRule } from '../rules/iam-role-path';
import { s3BucketNameRule } from '../rules/s3-bucket-name';

/** The props every AWS billing role shares (IRSA and Pod Identity). */
export interface AwsBillingRoleInput {
  readonly bucketName?: unknown;
  readonly region?: unknown;
  readonly partition?: unknown;
  readonly accountId?: unknown;
  readonly roleName?: unknown;
  readonly rolePath?: unknown;
  readonly permissionsBoundaryArn?: unknown;
  readonly kmsKeyArn?: unknown;
}

/** Problems in the props every AWS billing role shares. */
export function awsBillingRoleProblems(input: AwsBillingRoleInput, prefix = ''): Problem[] {
  const f = (name: string) => joinField(prefix, name);
  const region = typeof input.region === 'string' && !isToken(input.region) ? input.region : undefined;
  const partition = typeof input.partition === 'string' ? input.partition : region !== undefined ? partitionForRegion(region) : undefined;
  return [
    ...s3BucketNameRule(f('bucketName'), input.bucketName),
    ...awsRegionRule(f('region'), input.region),
    ...awsPartitionRule(f('partition'), input.partition, typeof input.region === 'string' ? input.region : undefined),
    ...awsAccountIdRule(f('accountId'), input.accountId),
    ...iamRoleNameRule(f('roleName'), input.roleName),
    ...iamRolePathRule(f('rolePath'), input.rolePath),
    ...arnRule(f('permissionsBoundaryArn'), input.permissionsBoundaryArn, 'IAM policy'),
    ...arnRule(f('kmsKeyArn'), input.kmsKeyArn, 'KMS key'),
    ...arnPlacementRule(f('permissionsBoundaryArn'), input.permissionsBoundaryArn, { partition }),
    ...arnPlacementRule(f('kmsKeyArn'), input.kmsKeyArn, { partition, region }),
  ];
}
