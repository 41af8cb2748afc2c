import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { policyJson } from '../../aws/policy-document';
import { S3AccessPolicyOptions, s3AccessPolicy } from '../../aws/s3-access-policy';

export interface AwsBillingRoleProps {
  readonly trustPolicyJson: string;
  readonly s3: S3AccessPolicyOptions;
  readonly roleName: string;
  readonly rolePath?: string;
  readonly permissionsBoundaryArn?: string;
  readonly description: string;
  readonly tags?: Record<string, string>;
}

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
      name: props.roleName,
      path: props.rolePath,
      description: props.description,
      assumeRolePolicy: props.trustPolicyJson,
      permissionsBoundary: props.permissionsBoundaryArn,
      tags: props.tags,
    });
    this.policy = new IamRolePolicy(this, 'S3Access', {
      name: 'spaces-billing-s3',
      role: this.role.id,
      policy: policyJson(s3AccessPolicy(props.s3)),
    });
  }
}
