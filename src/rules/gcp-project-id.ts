import { Problem } from './problem';
import { isToken } from './token';

/** A Google Cloud project ID (not its number, not its display name). */
export function gcpProjectIdRule(field: string, value: unknown): Problem[] {
  if (value === undefined || isToken(value)) return [];
  if (typeof value !== 'string') return [{ field, value, rule: 'must be a string (a Google Cloud project ID)' }];
  if (/^\d+$/.test(value)) return [{ field, value, rule: 'is a project number: give the project ID (for example example-spaces-project)' }];
  if (value.length < 6 || value.length > 30) return [{ field, value, rule: `is ${value.length} characters long: a project ID is 6 to 30 characters` }];
  if (!/^[a-z][a-z0-9-]*[a-z0-9]$/.test(value)) {
    return [{ field, value, rule: 'is not a Google Cloud project ID: use lowercase letters, digits and "-", starting with a letter and not ending with "-"' }];
  }
  return [];
}
