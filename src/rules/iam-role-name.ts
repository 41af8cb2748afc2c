import { Problem } from './problem';
import { isToken } from './token';

/** An IAM role name: 1 to 64 characters of letters, digits and +=,.@_- */
export function iamRoleNameRule(field: string, value: unknown): Problem[] {
  if (value === undefined || isToken(value)) return [];
  if (typeof value !== 'string') return [{ field, value, rule: 'must be a string (an IAM role name)' }];
  if (value.length < 1 || value.length > 64) return [{ field, value, rule: `is ${value.length} characters long: an IAM role name is 1 to 64 characters` }];
  if (!/^[\w+=,.@-]+$/.test(value)) return [{ field, value, rule: 'is not a valid IAM role name: use letters, digits and +=,.@_-' }];
  return [];
}
