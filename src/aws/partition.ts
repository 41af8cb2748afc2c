/** The AWS partitions this library supports. */
export const AWS_PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'] as const;
export type AwsPartition = (typeof AWS_PARTITIONS)[number];

/** The partition a region code belongs to, or undefined for a code that names none. */
export function partitionForRegion(region: string): AwsPartition | undefined {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (/^[a-z]{2}-[a-z]+-\d{1,2}$/.test(region)) return 'aws';
  return undefined;
}

/** The DNS suffix of a partition: EKS issuers and service endpoints end with it. */
export function partitionDnsSuffix(partition: AwsPartition): string {
  return partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/** The audience IRSA tokens carry; the same in every partition, China included. */
export const IRSA_AUDIENCE = 'sts.amazonaws.com';

/** The service principal of EKS Pod Identity. */
export const POD_IDENTITY_SERVICE_PRINCIPAL = 'pods.eks.amazonaws.com';
