import { Problem } from './problem';
import { isToken } from './token';

/**
 * A Blob Storage container name: 3 to 63 characters of lowercase letters,
 * digits and `-`, starting with a letter or digit, with no `--` and no
 * trailing `-`.
 */
export function azureContainerNameRule(field: string, value: unknown): Problem[] {
  if (isToken(value)) return [];
  if (typeof value !== 'string') return [{ field, value, rule: 'must be a string (a Blob Storage container name)' }];
  if (value.length < 3 || value.length > 63) {
    return [{ field, value, rule: `is ${value.length} characters long: a container name is 3 to 63 characters` }];
  }
  if (!/^[a-z0-9][a-z0-9-]*$/.test(value)) {
    return [{ field, value, rule: 'is not a valid container name: use lowercase letters, digits and "-", starting with a letter or digit (the name, not its https:// URL)' }];
  }
  if (value.includes('--')) return [{ field, value, rule: 'is not a valid container name: two "-" may not be adjacent' }];
  if (value.endsWith('-')) return [{ field, value, rule: 'is not a valid container name: it may not end with "-"' }];
  return [];
}
