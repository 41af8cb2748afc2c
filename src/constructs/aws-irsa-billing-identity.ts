import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsEksCluster } from '@cdktf/provider-aws/lib/data-aws-eks-cluster';
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { Annotations, Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { irsaTrustPolicy, issuerHostPath, oidcProviderArn } from '../aws/irsa-trust-policy';
import { awsIrsaProblems } from '../aws/irsa-validation';
import { AwsPartition, IRSA_AUDIENCE, partitionForRegion } from '../aws/partition';
import { policyJson } from '../aws/policy-document';
import { throwIfProblems } from '../rules/problem';
import { BillingValues } from '../values/chart-values';
import { BillingIdentity } from './billing-identity';
import { AwsBillingRole } from './private/aws-billing-role';
import { awsRiskWarnings } from '../aws/warnings';

/** The service account annotation IRSA reads. The upstream guide's prose misspells it `eks.amazon.aws`. */
export const IRSA_ROLE_ARN_ANNOTATION = 'eks.amazonaws.com/role-arn';

export interface AwsIrsaBillingIdentityProps {
  /** The S3 bucket the billing component writes usage data to. */
  readonly bucketName: string;
  /** The AWS region of the bucket (and of the cluster). */
  readonly region: string;
  /**
   * The control plane host namespaces (`mxp-<controlPlaneID>-system`) whose
   * `vector` service account may assume the role. Required and non-empty,
   * unless `namespacePattern` is set.
   */
  readonly controlPlaneNamespaces?: string[];
  /**
   * A `StringLike` pattern (for example `mxp-*-system`) that trusts every
   * matching namespace instead of the listed ones. Adds a synth warning.
   * @default - only the listed namespaces are trusted
   */
  readonly namespacePattern?: string;
  /**
   * The EKS cluster name, used to read the issuer when `oidcIssuerUrl` is not given.
   * @default - none; then `oidcIssuerUrl` is required
   */
  readonly clusterName?: string;
  /**
   * The cluster's OIDC issuer URL (`https://oidc.eks.<region>.amazonaws.com/id/<id>`), a string or a token.
   * @default - read from the `aws_eks_cluster` data source of `clusterName`
   */
  readonly oidcIssuerUrl?: string;
  /**
   * The ARN of the cluster's existing IAM OIDC provider.
   * @default - derived from the account ID and the issuer
   */
  readonly oidcProviderArn?: string;
  /**
   * Create the IAM OIDC provider for the issuer (`aws_iam_openid_connect_provider`).
   * @default false - the cluster's existing provider is referenced
   */
  readonly createOidcProvider?: boolean;
  /**
   * The AWS account ID of the role and the OIDC provider.
   * @default - read from the `aws_caller_identity` data source when needed
   */
  readonly accountId?: string;
  /**
   * The AWS partition.
   * @default - derived from the region: `aws-cn` for cn-*, `aws-us-gov` for us-gov-*, else `aws`
   */
  readonly partition?: AwsPartition;
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
   * The role trust-policy length quota of the account, if raised.
   * @default 2048
   */
  readonly trustPolicyMaxLength?: number;
  /**
   * Tags for the IAM role (and the OIDC provider, when created).
   * @default - no tags
   */
  readonly tags?: Record<string, string>;
}

/**
 * An IAM role for IAM Roles for Service Accounts (IRSA) that lets the Spaces
 * billing component (`vector`) in each listed control plane namespace write
 * usage data to one S3 bucket, and the chart values that bind it.
 *
 * The trust policy matches each service account subject exactly; the role's
 * only permissions are the bucket's object reads and writes and its listing.
 */
export class AwsIrsaBillingIdentity extends Construct implements BillingIdentity {
  /** The ARN of the IAM role. */
  public readonly roleArn: string;
  /** The name of the IAM role. */
  public readonly roleName: string;
  /** The ARN of the OIDC provider the role trusts. */
  public readonly oidcProviderArn: string;
  /** The role's trust policy, as compact JSON (may hold tokens). */
  public readonly trustPolicyJson: string;
  public readonly controlPlaneNamespaces: readonly string[];
  public readonly billingValues: BillingValues;
  /** The IAM role and its S3 policy. */
  public readonly role: AwsBillingRole;

  constructor(scope: Construct, id: string, props: AwsIrsaBillingIdentityProps) {
    super(scope, id);
    throwIfProblems(awsIrsaProblems(props), `${this.node.path}`);
    const partition = props.partition ?? partitionForRegion(props.region) ?? 'aws';
    this.controlPlaneNamespaces = [...(props.controlPlaneNamespaces ?? [])].sort();

    const issuerUrl = props.oidcIssuerUrl ?? new DataAwsEksCluster(this, 'Cluster', { name: props.clusterName! }).identity.get(0).oidc.get(0).issuer;
    const hostPath = Token.isUnresolved(issuerUrl) ? Fn.replace(issuerUrl, 'https://', '') : issuerHostPath(issuerUrl);

    if (props.createOidcProvider) {
      this.oidcProviderArn = new IamOpenidConnectProvider(this, 'OidcProvider', {
        url: issuerUrl,
        clientIdList: [IRSA_AUDIENCE],
        tags: props.tags,
      }).arn;
    } else if (props.oidcProviderArn !== undefined) {
      this.oidcProviderArn = props.oidcProviderArn;
    } else {
      const accountId = props.accountId ?? new DataAwsCallerIdentity(this, 'Account').accountId;
      this.oidcProviderArn = oidcProviderArn(partition, accountId, hostPath);
    }

    this.trustPolicyJson = policyJson(
      irsaTrustPolicy({
        oidcProviderArn: this.oidcProviderArn,
        issuerHostPath: hostPath,
        namespaces: this.controlPlaneNamespaces,
        namespacePattern: props.namespacePattern,
      }),
    );
    this.role = new AwsBillingRole(this, 'BillingRole', { ...props, partition, trustPolicyJson: this.trustPolicyJson, mechanism: 'IRSA' });
    this.roleArn = this.role.role.arn;
    this.roleName = this.role.role.name;

    this.billingValues = {
      storage: { provider: 'aws', region: props.region, bucket: props.bucketName },
      serviceAccountAnnotations: { [IRSA_ROLE_ARN_ANNOTATION]: this.roleArn },
      podLabels: {},
    };
    for (const warning of awsRiskWarnings(props)) Annotations.of(this).addWarning(warning);
  }
}
