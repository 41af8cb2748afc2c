import { Problem } from './problem';
import { isToken } from './token';

/** An EKS cluster name: 1 to 100 characters, a letter or digit first, then letters, digits, "-" and "_". */
export function eksClusterNameRule(field: string, value: unknown): Problem[] {
  if (value === undefined || isToken(value)) return [];
  if (typeof value !== 'string') return [{ field, value, rule: 'must be a string (an EKS cluster name)' }];
  if (value.length < 1 || value.length > 100) return [{ field, value, rule: `is ${value.length} characters long: an EKS cluster name is 1 to 100 characters` }];
  if (!/^[0-9A-Za-z][A-Za-z0-9_-]*$/.test(value)) {
    return [{ field, value, rule: 'is not a valid EKS cluster name: start with a letter or digit, then use letters, digits, "-" and "_"' }];
  }
  return [];
}
