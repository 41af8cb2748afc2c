import { countLimitRule } from './count-limit';
import { Problem } from './problem';

/** Azure's limit of federated identity credentials on one user-assigned managed identity. */
export const AZURE_FEDERATED_CREDENTIALS_PER_IDENTITY = 20;

/**
 * One federated identity credential per control plane namespace must fit
 * Azure's limit per managed identity; a credential's subject cannot hold a
 * wildcard, so namespaces cannot share one.
 */
export function azureFederatedCredentialLimitRule(field: string, value: unknown): Problem[] {
  return countLimitRule(field, value, {
    max: AZURE_FEDERATED_CREDENTIALS_PER_IDENTITY,
    each: 'federated identity credential',
    limit: `Azure's limit of ${AZURE_FEDERATED_CREDENTIALS_PER_IDENTITY} per managed identity (subjects take no wildcards)`,
    wayOut:
      `split the control planes across several identities, at most ${AZURE_FEDERATED_CREDENTIALS_PER_IDENTITY} namespaces each ` +
      '(one stack or construct per identity, each with its own identityName)',
  });
}
