import type { AwsPodIdentityBillingIdentityProps } from '../constructs/aws-pod-identity-billing-identity';
import { eksClusterNameRule } from '../rules/eks-cluster-name';
import { namespaceListRule } from '../rules/namespace';
import { podIdentityAssociationLimitRule } from '../rules/pod-identity-association-limit';
import { Problem, joinField } from '../rules/problem';
import { isToken } from '../rules/token';
import {
  DEFAULT_TRUST_POLICY_MAX_LENGTH,
  trustPolicyMaxLengthRule,
  trustPolicySizeRule,
} from '../rules/trust-policy-size';
import { PLACEHOLDER_ACCOUNT_ID } from './irsa-trust-policy';
import { syntheticNamespaces } from './irsa-validation';
import { AwsPartition, partitionForRegion } from './partition';
import { policyJson } from './policy-document';
import { eksClusterArn, podIdentityTrustPolicy } from './pod-identity-trust-policy';
import { awsBillingRoleProblems } from './role-validation';

type Input = { readonly [K in keyof AwsPodIdentityBillingIdentityProps]?: unknown };

/** Every problem in EKS Pod Identity identity props; shared by the construct and the config loader. */
export function awsPodIdentityProblems(input: Input, prefix = ''): Problem[] {
  const f = (name: string) => joinField(prefix, name);
  const problems = [
    ...awsBillingRoleProblems(input, prefix),
    ...eksClusterNameRule(f('clusterName'), input.clusterName),
    ...namespaceListRule(f('controlPlaneNamespaces'), input.controlPlaneNamespaces),
    ...podIdentityAssociationLimitRule(f('controlPlaneNamespaces'), input.controlPlaneNamespaces),
    ...trustPolicyMaxLengthRule(f('trustPolicyMaxLength'), input.trustPolicyMaxLength),
  ];
  if (input.clusterName === undefined) {
    problems.push({ field: f('clusterName'), value: undefined, rule: 'is required (the EKS cluster the Pod Identity associations are made in)' });
  }
  if (problems.length === 0 && input.restrictToNamespaces === true) problems.push(...podIdentityTrustPolicySizeProblems(input, prefix));
  return problems;
}

/** With restrictToNamespaces, the namespaces sit in the trust policy, which must fit IAM's quota. */
function podIdentityTrustPolicySizeProblems(input: Input, prefix: string): Problem[] {
  // A value known only at apply time is measured at the longest (cluster name) or an exact-length stand-in.
  const region = plain(input.region) ?? 'ap-southeast-1';
  const partition = (input.partition as AwsPartition | undefined) ?? partitionForRegion(region) ?? 'aws';
  const account = plain(input.accountId) ?? PLACEHOLDER_ACCOUNT_ID;
  const cluster = plain(input.clusterName) ?? 'x'.repeat(100);
  const clusterArn = eksClusterArn(partition, region, account, cluster);
  const namespaces = input.controlPlaneNamespaces as string[];
  const lengthFor = (n: number) =>
    policyJson(podIdentityTrustPolicy({ restrictTo: { clusterArn, namespaces: syntheticNamespaces(namespaces, n) } })).length;
  return trustPolicySizeRule(joinField(prefix, 'controlPlaneNamespaces'), {
    lengthFor,
    namespaceCount: namespaces.length,
    maxLength: (input.trustPolicyMaxLength as number | undefined) ?? DEFAULT_TRUST_POLICY_MAX_LENGTH,
    alternatives: 'turn off restrictToNamespaces (the associations alone then decide which namespaces get the role)',
  });
}

function plain(value: unknown): string | undefined {
  return typeof value === 'string' && !isToken(value) ? value : undefined;
}
