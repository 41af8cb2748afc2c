import { Problem } from './problem';
import { isToken } from './token';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const RESOURCE_GROUP = '[-\\w.()]{0,89}[-\\w()]';

/** The ARM ID of a storage account, with its parts captured. */
export const AZURE_STORAGE_ACCOUNT_ID = new RegExp(
  `^/subscriptions/(${UUID})/resourceGroups/(${RESOURCE_GROUP})/providers/Microsoft\\.Storage/storageAccounts/([a-z0-9]{3,24})$`,
);

const EXAMPLE = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/example-spaces-rg/providers/Microsoft.Storage/storageAccounts/examplespacesbilling';

/**
 * The ARM resource ID of a storage account (`az storage account show --query id`),
 * and, when `storageAccountName` is a plain string, naming that account.
 */
export function azureStorageAccountIdRule(field: string, value: unknown, storageAccountName?: unknown): Problem[] {
  if (isToken(value)) return [];
  if (typeof value !== 'string') return [{ field, value, rule: `must be a string (the storage account's ARM ID, for example ${EXAMPLE})` }];
  if (value.startsWith('https://')) {
    return [{ field, value, rule: `is a URL: use the storage account's ARM ID (az storage account show --query id), for example ${EXAMPLE}` }];
  }
  const match = AZURE_STORAGE_ACCOUNT_ID.exec(value);
  if (!match) {
    return [{ field, value, rule: `is not a storage account ARM ID: /subscriptions/<uuid>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>, for example ${EXAMPLE}` }];
  }
  if (typeof storageAccountName === 'string' && !isToken(storageAccountName) && match[3] !== storageAccountName) {
    return [{ field, value, rule: `names storage account "${match[3]}", not storageAccountName "${storageAccountName}": make them the same account` }];
  }
  return [];
}
