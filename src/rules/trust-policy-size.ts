import { Problem } from './problem';

/** IAM's default quota for a role trust policy, in characters. */
export const DEFAULT_TRUST_POLICY_MAX_LENGTH = 2048;
/** The highest value the trust-policy quota can be raised to. */
export const TRUST_POLICY_QUOTA_CEILING = 4096;

export interface TrustPolicySizeInput {
  /** The compact JSON length of the trust policy for `n` namespaces. */
  readonly lengthFor: (namespaceCount: number) => number;
  readonly namespaceCount: number;
  readonly maxLength: number;
  /** The last way out to offer, besides raising the quota. */
  readonly alternatives?: string;
}

/** The quota setting itself: 2048 (the default) up to 4096. */
export function trustPolicyMaxLengthRule(field: string, value: unknown): Problem[] {
  if (value === undefined) return [];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < DEFAULT_TRUST_POLICY_MAX_LENGTH || value > TRUST_POLICY_QUOTA_CEILING) {
    return [{ field, value, rule: `must be a whole number from ${DEFAULT_TRUST_POLICY_MAX_LENGTH} to ${TRUST_POLICY_QUOTA_CEILING} (the role trust policy length quota in your account)` }];
  }
  return [];
}

/** How many namespaces fit in the quota. */
export function namespacesThatFit(lengthFor: (n: number) => number, maxLength: number): number {
  let n = 0;
  while (lengthFor(n + 1) <= maxLength && n < 100_000) n++;
  return n;
}

/**
 * A role trust policy must fit IAM's trust-policy length quota, or the role
 * fails at apply time with LimitExceeded.
 */
export function trustPolicySizeRule(field: string, input: TrustPolicySizeInput): Problem[] {
  const length = input.lengthFor(input.namespaceCount);
  if (length <= input.maxLength) return [];
  const fit = namespacesThatFit(input.lengthFor, input.maxLength);
  const raise =
    input.maxLength < TRUST_POLICY_QUOTA_CEILING
      ? `raise the quota (up to ${TRUST_POLICY_QUOTA_CEILING}) and set trustPolicyMaxLength, `
      : '';
  return [
    {
      field,
      value: `${input.namespaceCount} namespaces`,
      rule:
        `make a trust policy of ${length} characters, over the limit of ${input.maxLength}: ` +
        `${fit} namespace${fit === 1 ? '' : 's'} fit; ${raise}${input.alternatives ?? 'use namespacePattern, or use EKS Pod Identity'}`,
    },
  ];
}
