import { Problem } from './problem';
import { isToken } from './token';

/** An AWS account ID: exactly 12 digits, as a string (a number loses leading zeros). */
export function awsAccountIdRule(field: string, value: unknown): Problem[] {
  if (value === undefined || isToken(value)) return [];
  if (typeof value !== 'string' || !/^\d{12}$/.test(value)) {
    return [{ field, value, rule: 'is not an AWS account ID: use exactly 12 digits, quoted as a string' }];
  }
  return [];
}
