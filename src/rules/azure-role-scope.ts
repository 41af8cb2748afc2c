import { Problem } from './problem';

/** Where the billing identity's blob role is assigned. */
export const AZURE_ROLE_SCOPES = ['storage-account', 'container'] as const;
export type AzureRoleScope = (typeof AZURE_ROLE_SCOPES)[number];

/** The scope of the role assignment: the whole storage account, or the billing container only. */
export function azureRoleScopeRule(field: string, value: unknown): Problem[] {
  if (value === undefined) return [];
  if (typeof value !== 'string' || !(AZURE_ROLE_SCOPES as readonly string[]).includes(value)) {
    return [{ field, value, rule: `is not a role scope: use ${AZURE_ROLE_SCOPES.map((s) => `"${s}"`).join(' or ')}` }];
  }
  return [];
}
