import { Problem } from './problem';
import { isToken } from './token';

/** The account ID of a Google service account: the part of its e-mail address before `@`. */
export function googleServiceAccountIdRule(field: string, value: unknown): Problem[] {
  if (value === undefined || isToken(value)) return [];
  if (typeof value !== 'string') return [{ field, value, rule: 'must be a string (a Google service account ID)' }];
  if (value.includes('@')) return [{ field, value, rule: `is an e-mail address: give only the account ID before "@" ("${value.split('@')[0]}")` }];
  if (value.length < 6 || value.length > 30) {
    return [{ field, value, rule: `is ${value.length} characters long: a service account ID is 6 to 30 characters` }];
  }
  if (!/^[a-z]([-a-z0-9]*[a-z0-9])$/.test(value)) {
    return [{ field, value, rule: 'is not a service account ID: use lowercase letters, digits and "-", starting with a letter and ending with a letter or digit' }];
  }
  return [];
}
