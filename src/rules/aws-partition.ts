import { AWS_PARTITIONS, partitionForRegion } from '../aws/partition';
import { Problem } from './problem';

/** An AWS partition this library supports, consistent with the region. */
export function awsPartitionRule(field: string, value: unknown, region?: string): Problem[] {
  if (value === undefined) return [];
  if (typeof value !== 'string' || !(AWS_PARTITIONS as readonly string[]).includes(value)) {
    return [{ field, value, rule: `is not a supported AWS partition: use one of ${AWS_PARTITIONS.join(', ')}` }];
  }
  if (typeof region === 'string') {
    const expected = partitionForRegion(region);
    if (expected && expected !== value) {
      return [{ field, value, rule: `does not match region "${region}", which is in partition "${expected}"` }];
    }
  }
  return [];
}
