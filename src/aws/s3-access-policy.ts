import { BILLING_COMPONENT, WorkloadComponent } from '../component';
import { AwsPartition } from './partition';
import { PolicyDocument, PolicyStatement } from './policy-document';

export interface S3AccessPolicyOptions {
  readonly partition: AwsPartition;
  readonly bucketName: string;
  /** Adds `s3:DeleteObject` on the bucket's objects. */
  readonly allowDeleteObject?: boolean;
  /** Adds the KMS actions on this key, for buckets encrypted with SSE-KMS. */
  readonly kmsKeyArn?: string;
  readonly component?: WorkloadComponent;
}

export function s3BucketArn(partition: AwsPartition, bucketName: string): string {
  return `arn:${partition}:s3:::${bucketName}`;
}

/**
 * The least-privilege S3 policy of the component: object actions on the
 * bucket's objects only (never on the bucket ARN alone), bucket actions on
 * the bucket only, KMS actions on one key only.
 */
export function s3AccessPolicy(options: S3AccessPolicyOptions): PolicyDocument {
  const component = options.component ?? BILLING_COMPONENT;
  const bucketArn = s3BucketArn(options.partition, options.bucketName);
  const objectActions = [...component.s3ObjectActions, ...(options.allowDeleteObject ? ['s3:DeleteObject'] : [])];
  const statements: PolicyStatement[] = [
    { Sid: 'ObjectAccess', Effect: 'Allow', Action: objectActions, Resource: `${bucketArn}/*` },
    { Sid: 'BucketAccess', Effect: 'Allow', Action: [...component.s3BucketActions], Resource: bucketArn },
  ];
  if (options.kmsKeyArn !== undefined) {
    statements.push({ Sid: 'KmsKeyAccess', Effect: 'Allow', Action: [...component.kmsActions], Resource: options.kmsKeyArn });
  }
  return { Version: '2012-10-17', Statement: statements };
}
