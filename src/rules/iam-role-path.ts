import { Problem } from './problem';
import { isToken } from './token';

/** An IAM path: `/`, or `/` + printable ASCII + `/`, at most 512 characters. */
export function iamRolePathRule(field: string, value: unknown): Problem[] {
  if (value === undefined || isToken(value)) return [];
  if (typeof value !== 'string' || value.length > 512 || !/^\/([\x21-\x7e]*\/)?$/.test(value)) {
    return [{ field, value, rule: 'is not a valid IAM path: it starts and ends with "/" (for example /spaces/), with printable ASCII and no spaces between, at most 512 characters' }];
  }
  return [];
}
