import { Problem } from './problem';
import { isToken } from './token';

/**
 * An input ARN must be in the stack's partition (and, where given, its
 * region and account): IAM cannot grant across partitions, and S3 uses a
 * KMS key only in the bucket's region.
 */
export function arnPlacementRule(
  field: string,
  value: unknown,
  expected: { partition?: string; region?: string; accountId?: string },
): Problem[] {
  if (typeof value !== 'string' || isToken(value)) return [];
  const [, partition, , region, account] = value.split(':');
  const problems: Problem[] = [];
  if (expected.partition !== undefined && partition !== expected.partition) {
    problems.push({ field, value, rule: `is in partition "${partition}", not the stack's "${expected.partition}"` });
  } else if (expected.region !== undefined && region !== expected.region) {
    problems.push({ field, value, rule: `is in region "${region}", not the bucket's "${expected.region}": S3 uses a KMS key only in the bucket's region` });
  } else if (expected.accountId !== undefined && account !== expected.accountId) {
    problems.push({ field, value, rule: `is in account "${account}", not accountId "${expected.accountId}"` });
  }
  return problems;
}
