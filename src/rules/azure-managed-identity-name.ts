import { Problem } from './problem';
import { isToken } from './token';

/** A user-assigned managed identity name: 3 to 128 letters, digits, `-` and `_`, starting with a letter or digit. */
export function azureManagedIdentityNameRule(field: string, value: unknown): Problem[] {
  if (value === undefined || isToken(value)) return [];
  if (typeof value !== 'string') return [{ field, value, rule: 'must be a string (a managed identity name)' }];
  if (value.length < 3 || value.length > 128) {
    return [{ field, value, rule: `is ${value.length} characters long: a managed identity name is 3 to 128 characters` }];
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(value)) {
    return [{ field, value, rule: 'is not a valid managed identity name: use letters, digits, "-" and "_", starting with a letter or digit' }];
  }
  return [];
}
