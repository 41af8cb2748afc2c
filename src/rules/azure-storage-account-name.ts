import { Problem } from './problem';
import { isToken } from './token';

/** An Azure storage account name: 3 to 24 lowercase letters and digits (it is a DNS label, unique in Azure). */
export function azureStorageAccountNameRule(field: string, value: unknown): Problem[] {
  if (isToken(value)) return [];
  if (typeof value !== 'string') return [{ field, value, rule: 'must be a string (an Azure storage account name)' }];
  if (value.length < 3 || value.length > 24) {
    return [{ field, value, rule: `is ${value.length} characters long: a storage account name is 3 to 24 characters` }];
  }
  if (!/^[a-z0-9]+$/.test(value)) {
    return [{ field, value, rule: 'is not a valid storage account name: use only lowercase letters and digits (no "-", "_" or ".")' }];
  }
  return [];
}
