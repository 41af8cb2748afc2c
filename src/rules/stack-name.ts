import { Problem } from './problem';

/** A stack name: it names a folder in cdktf.out and a Terraform state. */
export function stackNameRule(field: string, value: unknown): Problem[] {
  if (typeof value !== 'string' || !/^[A-Za-z][A-Za-z0-9_-]{0,62}$/.test(value)) {
    return [{ field, value, rule: 'is not a stack name: start with a letter, then letters, digits, "-" and "_", at most 63 characters' }];
  }
  return [];
}
