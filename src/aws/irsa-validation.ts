import type { AwsIrsaBillingIdentityProps } from '../constructs/aws-irsa-billing-identity';
import { arnRule } from '../rules/aws-arn';
import { namespaceListRule } from '../rules/namespace';
import { namespacePatternRule } from '../rules/namespace-pattern';
import { oidcIssuerUrlRule } from '../rules/oidc-issuer-url';
import { Problem, joinField } from '../rules/problem';
import { isToken } from '../rules/token';
import {
  DEFAULT_TRUST_POLICY_MAX_LENGTH,
  trustPolicyMaxLengthRule,
  trustPolicySizeRule,
} from '../rules/trust-policy-size';
import { policyJson } from './policy-document';
import {
  PLACEHOLDER_ACCOUNT_ID,
  irsaTrustPolicy,
  issuerHostPath,
  oidcProviderArn,
  placeholderEksIssuerHostPath,
} from './irsa-trust-policy';
import { AwsPartition, partitionForRegion } from './partition';
import { awsBillingRoleProblems } from './role-validation';

type Input = { readonly [K in keyof AwsIrsaBillingIdentityProps]?: unknown };

/** Every problem in IRSA identity props; shared by the construct and the config loader. */
export function awsIrsaProblems(input: Input, prefix = ''): Problem[] {
  const f = (name: string) => joinField(prefix, name);
  const problems = [
    ...awsBillingRoleProblems(input, prefix),
    ...namespaceListRule(f('controlPlaneNamespaces'), input.controlPlaneNamespaces, {
      allowEmpty: input.namespacePattern !== undefined,
    }),
    ...namespacePatternRule(f('namespacePattern'), input.namespacePattern),
    ...oidcIssuerUrlRule(f('oidcIssuerUrl'), input.oidcIssuerUrl, { noTrailingSlash: true }),
    ...arnRule(f('oidcProviderArn'), input.oidcProviderArn, 'IAM OIDC provider'),
    ...trustPolicyMaxLengthRule(f('trustPolicyMaxLength'), input.trustPolicyMaxLength),
  ];
  if (input.oidcIssuerUrl === undefined && input.clusterName === undefined) {
    problems.push({ field: f('oidcIssuerUrl'), value: undefined, rule: 'is required when clusterName is not given (the issuer is read from the cluster otherwise)' });
  }
  if (input.createOidcProvider === true && input.oidcProviderArn !== undefined) {
    problems.push({ field: f('oidcProviderArn'), value: input.oidcProviderArn, rule: 'cannot be combined with createOidcProvider: true (the created provider is used)' });
  }
  if (problems.length === 0) problems.push(...irsaTrustPolicySizeProblems(input, prefix));
  return problems;
}

function irsaTrustPolicySizeProblems(input: Input, prefix: string): Problem[] {
  if (input.namespacePattern !== undefined) return [];
  const region = input.region as string;
  const partition = (input.partition as AwsPartition | undefined) ?? partitionForRegion(region) ?? 'aws';
  const issuer = input.oidcIssuerUrl;
  // An issuer or account known only at apply time is measured at the length EKS gives it.
  const host = typeof issuer === 'string' && !isToken(issuer) ? issuerHostPath(issuer) : placeholderEksIssuerHostPath(region, partition);
  const plainArn = typeof input.oidcProviderArn === 'string' && !isToken(input.oidcProviderArn) ? input.oidcProviderArn : undefined;
  const account = typeof input.accountId === 'string' && !isToken(input.accountId) ? input.accountId : PLACEHOLDER_ACCOUNT_ID;
  const arn = plainArn ?? oidcProviderArn(partition, account, host);
  const namespaces = input.controlPlaneNamespaces as string[];
  const lengthFor = (n: number) =>
    policyJson(irsaTrustPolicy({ oidcProviderArn: arn, issuerHostPath: host, namespaces: syntheticNamespaces(namespaces, n) })).length;
  return trustPolicySizeRule(joinField(prefix, 'controlPlaneNamespaces'), {
    lengthFor,
    namespaceCount: namespaces.length,
    maxLength: (input.trustPolicyMaxLength as number | undefined) ?? DEFAULT_TRUST_POLICY_MAX_LENGTH,
  });
}

/** The real namespaces for n up to their count; past it, copies of the longest. */
export function syntheticNamespaces(namespaces: readonly string[], n: number): string[] {
  if (n <= namespaces.length) return namespaces.slice(0, n);
  const longest = namespaces.reduce((a, b) => (b.length > a.length ? b : a), 'mxp-00000000-0000-0000-0000-000000000000-system');
  return [...namespaces, ...Array.from({ length: n - namespaces.length }, () => longest)];
}
