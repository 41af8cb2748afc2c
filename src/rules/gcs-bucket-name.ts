import { Problem } from './problem';
import { isToken } from './token';

/** A Cloud Storage bucket name, per the Cloud Storage bucket naming rules. */
export function gcsBucketNameRule(field: string, value: unknown): Problem[] {
  if (isToken(value)) return [];
  if (typeof value !== 'string') return [{ field, value, rule: 'must be a string (a Cloud Storage bucket name)' }];
  const rule = gcsBucketNameViolation(value);
  return rule ? [{ field, value, rule }] : [];
}

function gcsBucketNameViolation(name: string): string | undefined {
  const dotted = name.includes('.');
  if (name.length < 3) return `is ${name.length} characters long: a Cloud Storage bucket name is 3 to 63 characters`;
  if (!dotted && name.length > 63) {
    return `is ${name.length} characters long: a bucket name without dots is at most 63 characters (up to 222 with dots)`;
  }
  if (name.length > 222) return `is ${name.length} characters long: a bucket name with dots is at most 222 characters`;
  if (!/^[a-z0-9][a-z0-9._-]*[a-z0-9]$/.test(name)) {
    return 'is not a valid Cloud Storage bucket name: use lowercase letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
  }
  if (dotted) {
    const parts = name.split('.');
    if (parts.some((part) => part.length === 0)) return 'is not a valid Cloud Storage bucket name: two dots may not be adjacent';
    const long = parts.find((part) => part.length > 63);
    if (long) return `has a dot-separated part of ${long.length} characters: each part is at most 63`;
  }
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return 'is not a valid Cloud Storage bucket name: it may not look like an IP address';
  if (name.startsWith('goog')) return 'is not a valid Cloud Storage bucket name: the prefix "goog" is reserved';
  if (/g[o0][o0]gle/.test(name)) return 'is not a valid Cloud Storage bucket name: it may not contain "google" or a look-alike (g00gle)';
  return undefined;
}
