import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { BILLING_COMPONENT } from '../../component';
import { AwsPartition } from '../../aws/partition';
import { policyJson } from '../../aws/policy-document';
import { s3AccessPolicy } from '../../aws/s3-access-policy';

/** The props every AWS billing identity shares, IRSA and Pod Identity alike. */
export interface AwsBillingRoleOptions {
  readonly bucketName: string;
  readonly allowDeleteObject?: boolean;
  readonly kmsKeyArn?: string;
  readonly roleName?: string;
  readonly rolePath?: string;
  readonly permissionsBoundaryArn?: string;
  readonly tags?: Record<string, string>;
}

export interface AwsBillingRoleProps extends AwsBillingRoleOptions {
  readonly trustPolicyJson: string;
  readonly partition: AwsPartition;
  /** How the component gets the role, for the role's description. */
  readonly mechanism: string;
}

/** The default role name of both AWS identities. */
export const DEFAULT_BILLING_ROLE_NAME = 'spaces-billing';

/**
 * The IAM role and its inline S3 policy, shared by the IRSA and the Pod
 * Identity constructs so that both grant exactly the same access. An inline
 * policy lives and dies with the role: nothing else can attach it.
 */
export class AwsBillingRole extends Construct {
  public readonly role: IamRole;
  public readonly policy: IamRolePolicy;

  constructor(scope: Construct, id: string, props: AwsBillingRoleProps) {
    super(scope, id);
    this.role = new IamRole(this, 'Role', {
      name: props.roleName ?? DEFAULT_BILLING_ROLE_NAME,
      path: props.rolePath,
      description: `Upbound Spaces billing (${BILLING_COMPONENT.serviceAccountName}) through ${props.mechanism}`,
      assumeRolePolicy: props.trustPolicyJson,
      permissionsBoundary: props.permissionsBoundaryArn,
      tags: props.tags,
    });
    this.policy = new IamRolePolicy(this, 'S3Access', {
      name: 'spaces-billing-s3',
      role: this.role.id,
      policy: policyJson(
        s3AccessPolicy({ partition: props.partition, bucketName: props.bucketName, allowDeleteObject: props.allowDeleteObject, kmsKeyArn: props.kmsKeyArn }),
      ),
    });
  }
}
