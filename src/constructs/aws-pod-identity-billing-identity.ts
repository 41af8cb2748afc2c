import { DataAwsEksCluster } from '@cdktf/provider-aws/lib/data-aws-eks-cluster';
import { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
import { EksPodIdentityAssociation } from '@cdktf/provider-aws/lib/eks-pod-identity-association';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { BILLING_COMPONENT } from '../component';
import { AwsPartition, partitionForRegion } from '../aws/partition';
import { policyJson } from '../aws/policy-document';
import { eksClusterArn, podIdentityTrustPolicy } from '../aws/pod-identity-trust-policy';
import { awsPodIdentityProblems } from '../aws/pod-identity-validation';
import { awsRiskWarnings } from '../aws/warnings';
import { throwIfProblems } from '../rules/problem';
import { BillingValues } from '../values/chart-values';
import { BillingIdentity } from './billing-identity';
import { AwsBillingRole } from './private/aws-billing-role';

/** The EKS add-on that runs the Pod Identity agent on every node. */
export const POD_IDENTITY_AGENT_ADDON = 'eks-pod-identity-agent';

export interface AwsPodIdentityBillingIdentityProps {
  /** The EKS cluster the control planes run in; the associations are made in it. */
  readonly clusterName: string;
  /** The S3 bucket the billing component writes usage data to. */
  readonly bucketName: string;
  /** The AWS region of the bucket (and of the cluster). */
  readonly region: string;
  /**
   * The control plane host namespaces (`mxp-<controlPlaneID>-system`); each
   * gets one Pod Identity association for its `vector` service account.
   * Required and non-empty; at most 5000 (the associations quota of a cluster).
   */
  readonly controlPlaneNamespaces: string[];
  /**
   * The AWS partition.
   * @default - derived from the region: `aws-cn` for cn-*, `aws-us-gov` for us-gov-*, else `aws`
   */
  readonly partition?: AwsPartition;
  /**
   * The AWS account ID of the cluster, used to build the cluster ARN for
   * `restrictToNamespaces`.
   * @default - the cluster ARN is read from the `aws_eks_cluster` data source when needed
   */
  readonly accountId?: string;
  /**
   * The IAM role name (at most 64 characters; unique in the account).
   * @default "spaces-billing"
   */
  readonly roleName?: string;
  /**
   * The IAM role path.
   * @default "/"
   */
  readonly rolePath?: string;
  /**
   * The ARN of a managed policy to set as the role's permissions boundary.
   * @default - no permissions boundary
   */
  readonly permissionsBoundaryArn?: string;
  /**
   * Also allow `s3:DeleteObject` on the bucket's objects. Vector does not need
   * it; the upstream guide's IRSA policy grants it. Adds a synth warning.
   * @default false
   */
  readonly allowDeleteObject?: boolean;
  /**
   * The ARN of the KMS key the bucket is encrypted with (SSE-KMS); grants
   * `kms:GenerateDataKey` and `kms:Decrypt` on that key only.
   * @default - no KMS access
   */
  readonly kmsKeyArn?: string;
  /**
   * Also check the session tags in the trust policy: the role then serves
   * only the `vector` service account of the listed namespaces in this
   * cluster, even if another association names it. The namespaces then sit in
   * the trust policy, which grows with them and must fit IAM's quota.
   * @default false - the associations alone decide which namespaces get the role
   */
  readonly restrictToNamespaces?: boolean;
  /**
   * Create the `eks-pod-identity-agent` EKS add-on. Most clusters already run
   * it, and creating an add-on that exists fails.
   * @default false - the agent must already run in the cluster
   */
  readonly installAgentAddon?: boolean;
  /**
   * The role trust-policy length quota of the account, if raised; used with
   * `restrictToNamespaces` only.
   * @default 2048
   */
  readonly trustPolicyMaxLength?: number;
  /**
   * Tags for the IAM role, the associations and the add-on.
   * @default - no tags
   */
  readonly tags?: Record<string, string>;
}

/**
 * An IAM role for EKS Pod Identity that lets the Spaces billing component
 * (`vector`) in each listed control plane namespace write usage data to one
 * S3 bucket, one Pod Identity association per namespace, and the chart values
 * for it.
 *
 * The role trusts the Pod Identity service, not the cluster's OIDC provider,
 * so its trust policy does not grow with the number of control planes (unless
 * `restrictToNamespaces` is set); its only permissions are the same S3 access
 * as the IRSA identity's. The service account needs no annotation.
 */
export class AwsPodIdentityBillingIdentity extends Construct implements BillingIdentity {
  /** The ARN of the IAM role. */
  public readonly roleArn: string;
  /** The name of the IAM role. */
  public readonly roleName: string;
  /** The role's trust policy, as compact JSON (may hold tokens). */
  public readonly trustPolicyJson: string;
  public readonly controlPlaneNamespaces: readonly string[];
  public readonly billingValues: BillingValues;
  /** Pod Identity sets no annotation: the association is what to look at. */
  public readonly verifyCommand: (namespace: string) => string;
  /** The IAM role and its S3 policy. */
  public readonly role: AwsBillingRole;
  /** The Pod Identity association of each control plane namespace, by namespace. */
  public readonly associations: Readonly<Record<string, EksPodIdentityAssociation>>;
  /** The Pod Identity agent add-on, when `installAgentAddon` is set. */
  public readonly agentAddon?: EksAddon;

  constructor(scope: Construct, id: string, props: AwsPodIdentityBillingIdentityProps) {
    super(scope, id);
    throwIfProblems(awsPodIdentityProblems(props), `${this.node.path}`);
    const partition = props.partition ?? partitionForRegion(props.region) ?? 'aws';
    this.controlPlaneNamespaces = [...props.controlPlaneNamespaces].sort();

    let restrictTo: { clusterArn: string; namespaces: readonly string[] } | undefined;
    if (props.restrictToNamespaces) {
      const clusterArn =
        props.accountId !== undefined
          ? eksClusterArn(partition, props.region, props.accountId, props.clusterName)
          : new DataAwsEksCluster(this, 'Cluster', { name: props.clusterName }).arn;
      restrictTo = { clusterArn, namespaces: this.controlPlaneNamespaces };
    }
    this.trustPolicyJson = policyJson(podIdentityTrustPolicy({ restrictTo }));
    this.role = new AwsBillingRole(this, 'BillingRole', { ...props, partition, trustPolicyJson: this.trustPolicyJson, mechanism: 'EKS Pod Identity' });
    this.roleArn = this.role.role.arn;
    this.roleName = this.role.role.name;

    if (props.installAgentAddon) {
      this.agentAddon = new EksAddon(this, 'PodIdentityAgent', {
        clusterName: props.clusterName,
        addonName: POD_IDENTITY_AGENT_ADDON,
        tags: props.tags,
      });
    }

    // One association per namespace, its construct ID derived from the namespace only.
    const associations: Record<string, EksPodIdentityAssociation> = {};
    for (const namespace of this.controlPlaneNamespaces) {
      associations[namespace] = new EksPodIdentityAssociation(this, `Association-${namespace}`, {
        clusterName: props.clusterName,
        namespace,
        serviceAccount: BILLING_COMPONENT.serviceAccountName,
        roleArn: this.roleArn,
        // The trust policy's conditions read the session tags: pin them on.
        disableSessionTags: props.restrictToNamespaces ? false : undefined,
        tags: props.tags,
      });
    }
    this.associations = associations;

    this.verifyCommand = (namespace) =>
      `aws eks list-pod-identity-associations --region ${props.region} --cluster-name ${props.clusterName} --namespace ${namespace} --service-account ${BILLING_COMPONENT.serviceAccountName}`;
    this.billingValues = {
      storage: { provider: 'aws', region: props.region, bucket: props.bucketName },
      // Pod Identity binds the service account through the association: no annotation.
      serviceAccountAnnotations: {},
      podLabels: {},
    };
    for (const warning of awsRiskWarnings({ allowDeleteObject: props.allowDeleteObject })) Annotations.of(this).addWarning(warning);
  }
}
