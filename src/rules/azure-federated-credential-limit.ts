import { Problem } from './problem';

/** Azure's limit of federated identity credentials on one user-assigned managed identity. */
export const AZURE_FEDERATED_CREDENTIALS_PER_IDENTITY = 20;

/**
 * One federated identity credential per control plane namespace must fit
 * Azure's limit per managed identity; a credential's subject cannot hold a
 * wildcard, so namespaces cannot share one.
 */
export function azureFederatedCredentialLimitRule(field: string, value: unknown): Problem[] {
  if (!Array.isArray(value) || value.length <= AZURE_FEDERATED_CREDENTIALS_PER_IDENTITY) return [];
  return [
    {
      field,
      value: `${value.length} namespaces`,
      rule:
        `need one federated identity credential each, over Azure's limit of ${AZURE_FEDERATED_CREDENTIALS_PER_IDENTITY} per managed identity ` +
        `(subjects take no wildcards): split the control planes across several identities, ` +
        `at most ${AZURE_FEDERATED_CREDENTIALS_PER_IDENTITY} namespaces each (one stack or construct per identity, each with its own identityName)`,
    },
  ];
}
