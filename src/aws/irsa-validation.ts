import type { AwsIrsaBillingIdentityProps } from '../constructs/aws-irsa-billing-identity';
import { arnPlacementRule } from '../rules/arn-placement';
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
  if (problems.length === 0) problems.push(...oidcProviderArnMatchProblems(input, prefix), ...namespacesMatchPatternProblems(input, prefix));
  if (problems.length === 0) problems.push(...irsaTrustPolicySizeProblems(input, prefix));
  return problems;
}

/** A given provider ARN must be the provider of the given issuer, in the stack's partition and account. */
function oidcProviderArnMatchProblems(input: Input, prefix: string): Problem[] {
  const arn = input.oidcProviderArn;
  if (typeof arn !== 'string' || isToken(arn)) return [];
  const field = joinField(prefix, 'oidcProviderArn');
  const partition = (input.partition as string | undefined) ?? partitionForRegion(input.region as string);
  const account = typeof input.accountId === 'string' && !isToken(input.accountId) ? input.accountId : undefined;
  const problems = arnPlacementRule(field, arn, { partition, accountId: account });
  const issuer = input.oidcIssuerUrl;
  if (problems.length === 0 && typeof issuer === 'string' && !isToken(issuer)) {
    const provider = arn.slice(arn.indexOf(':oidc-provider/') + ':oidc-provider/'.length);
    if (provider !== issuerHostPath(issuer)) {
      problems.push({ field, value: arn, rule: `is the provider of "${provider}", not of oidcIssuerUrl "${issuer}": the trust policy's principal and its condition keys would name different issuers` });
    }
  }
  return problems;
}

/** With a pattern, every listed namespace must match it: the list is then only used for the outputs. */
function namespacesMatchPatternProblems(input: Input, prefix: string): Problem[] {
  if (typeof input.namespacePattern !== 'string' || !Array.isArray(input.controlPlaneNamespaces)) return [];
  const pattern = stringLikePattern(input.namespacePattern);
  return (input.controlPlaneNamespaces as string[]).flatMap((ns, i) =>
    pattern.test(ns)
      ? []
      : [{ field: joinField(prefix, `controlPlaneNamespaces[${i}]`), value: ns, rule: `does not match namespacePattern "${input.namespacePattern}", so the role would not trust it: fix the pattern or the namespace` }],
  );
}

/** An IAM StringLike pattern (`*` any run, `?` one character) as a regular expression. */
export function stringLikePattern(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
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
