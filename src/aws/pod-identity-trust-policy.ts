import { BILLING_COMPONENT, WorkloadComponent } from '../component';
import { AwsPartition, POD_IDENTITY_SERVICE_PRINCIPAL } from './partition';
import { PolicyDocument, PolicyStatement } from './policy-document';

/**
 * The session tags EKS Pod Identity attaches to the role session of every
 * association (unless the association disables session tags).
 */
export const POD_IDENTITY_SESSION_TAGS = {
  namespace: 'kubernetes-namespace',
  serviceAccount: 'kubernetes-service-account',
  clusterArn: 'eks-cluster-arn',
} as const;

/** The trust-policy condition key of a session tag the caller sets. */
export function requestTagConditionKey(tag: string): string {
  return `aws:RequestTag/${tag}`;
}

/** The ARN of an EKS cluster. */
export function eksClusterArn(partition: AwsPartition, region: string, accountId: string, clusterName: string): string {
  return `arn:${partition}:eks:${region}:${accountId}:cluster/${clusterName}`;
}

export interface PodIdentityTrustPolicyOptions {
  /**
   * Restrict the role to sessions whose tags name one of these namespaces,
   * the component's service account and this cluster.
   * @default - any association that names the role may use it
   */
  readonly restrictTo?: {
    /** The ARN of the cluster the associations live in (may be a token). */
    readonly clusterArn: string;
    /** The control plane namespaces. */
    readonly namespaces: readonly string[];
  };
  readonly component?: WorkloadComponent;
}

/**
 * The EKS Pod Identity trust policy: the Pod Identity service may assume the
 * role and tag the session. Which pods get the role is decided by the
 * associations; with `restrictTo`, the trust policy also checks the session
 * tags, so the role serves only the listed namespaces (sorted, so list order
 * never changes the policy) of one cluster even if another association names it.
 */
export function podIdentityTrustPolicy(options: PodIdentityTrustPolicyOptions = {}): PolicyDocument {
  const component = options.component ?? BILLING_COMPONENT;
  const statement: PolicyStatement = {
    Effect: 'Allow',
    Principal: { Service: POD_IDENTITY_SERVICE_PRINCIPAL },
    Action: ['sts:AssumeRole', 'sts:TagSession'],
  };
  const restrictTo = options.restrictTo;
  const condition: PolicyStatement['Condition'] =
    restrictTo === undefined
      ? undefined
      : {
          StringEquals: {
            [requestTagConditionKey(POD_IDENTITY_SESSION_TAGS.namespace)]: [...restrictTo.namespaces].sort(),
            [requestTagConditionKey(POD_IDENTITY_SESSION_TAGS.serviceAccount)]: component.serviceAccountName,
            [requestTagConditionKey(POD_IDENTITY_SESSION_TAGS.clusterArn)]: restrictTo.clusterArn,
          },
        };
  return {
    Version: '2012-10-17',
    Statement: [condition === undefined ? statement : { ...statement, Condition: condition }],
  };
}
