import { countLimitRule } from './count-limit';
import { Problem } from './problem';

/** The EKS Pod Identity quota: at most this many associations per cluster. */
export const POD_IDENTITY_ASSOCIATIONS_PER_CLUSTER = 5000;

/**
 * One Pod Identity association per control plane namespace must fit the
 * cluster's association quota, or the apply fails part-way through.
 */
export function podIdentityAssociationLimitRule(field: string, value: unknown): Problem[] {
  return countLimitRule(field, value, {
    max: POD_IDENTITY_ASSOCIATIONS_PER_CLUSTER,
    each: 'EKS Pod Identity association',
    limit: `the quota of ${POD_IDENTITY_ASSOCIATIONS_PER_CLUSTER} per cluster`,
    wayOut: 'host the other control planes on another cluster',
  });
}
