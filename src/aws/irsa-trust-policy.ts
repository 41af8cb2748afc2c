import { BILLING_COMPONENT, WorkloadComponent, serviceAccountSubject } from '../component';
import { AwsPartition, IRSA_AUDIENCE, partitionDnsSuffix } from './partition';
import { PolicyDocument, PolicyStatement } from './policy-document';

export interface IrsaTrustPolicyOptions {
  /** The ARN of the cluster's IAM OIDC provider. */
  readonly oidcProviderArn: string;
  /** The issuer without `https://`: the prefix of the token's condition keys. */
  readonly issuerHostPath: string;
  /** The control plane namespaces whose service account may assume the role. */
  readonly namespaces: readonly string[];
  /** A `StringLike` namespace pattern (`mxp-*-system`) used instead of the list. */
  readonly namespacePattern?: string;
  readonly component?: WorkloadComponent;
}

/** The issuer URL without its scheme, as IAM names OIDC providers and condition keys. */
export function issuerHostPath(oidcIssuerUrl: string): string {
  return oidcIssuerUrl.replace(/^https:\/\//, '');
}

export function oidcProviderArn(partition: AwsPartition, accountId: string, hostPath: string): string {
  return `arn:${partition}:iam::${accountId}:oidc-provider/${hostPath}`;
}

/**
 * The IRSA trust policy: the cluster's OIDC provider may assume the role for
 * exactly the listed service account subjects (sorted, so list order never
 * changes the policy), with the STS audience.
 */
export function irsaTrustPolicy(options: IrsaTrustPolicyOptions): PolicyDocument {
  const component = options.component ?? BILLING_COMPONENT;
  const host = options.issuerHostPath;
  const audience = { [`${host}:aud`]: IRSA_AUDIENCE };
  const condition: NonNullable<PolicyStatement['Condition']> =
    options.namespacePattern !== undefined
      ? { StringEquals: audience, StringLike: { [`${host}:sub`]: serviceAccountSubject(options.namespacePattern, component) } }
      : {
          StringEquals: {
            ...audience,
            [`${host}:sub`]: [...options.namespaces].sort().map((ns) => serviceAccountSubject(ns, component)),
          },
        };
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: options.oidcProviderArn },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: condition,
      },
    ],
  };
}

/**
 * An issuer of the length EKS gives its clusters in a region, for measuring a
 * trust policy whose issuer is only known at apply time.
 */
export function placeholderEksIssuerHostPath(region: string, partition: AwsPartition): string {
  return `oidc.eks.${region}.${partitionDnsSuffix(partition)}/id/${'0'.repeat(32)}`;
}

/** A 12-digit stand-in for an account ID only known at apply time. */
export const PLACEHOLDER_ACCOUNT_ID = '000000000000';
