import { Problem } from './problem';
import { isToken } from './token';

// Commercial (us-east-1, ap-southeast-5), China (cn-north-1) and GovCloud (us-gov-west-1): the
// partitions this library builds ARNs for. The ISO partitions (us-iso-east-1) are not among them.
const AWS_REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d{1,2}$/;

/** An AWS region code. */
export function awsRegionRule(field: string, value: unknown): Problem[] {
  if (isToken(value)) return [];
  if (typeof value !== 'string' || !AWS_REGION.test(value)) {
    return [{ field, value, rule: 'is not an AWS region code of the aws, aws-cn or aws-us-gov partition (for example us-east-1, cn-north-1, us-gov-west-1)' }];
  }
  return [];
}
