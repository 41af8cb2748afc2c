import { Problem } from './problem';
import { isToken } from './token';

/** An S3 general purpose bucket name, per the S3 naming rules. */
export function s3BucketNameRule(field: string, value: unknown): Problem[] {
  if (isToken(value)) return [];
  if (typeof value !== 'string') return [{ field, value, rule: 'must be a string (an S3 bucket name)' }];
  const rule = s3BucketNameViolation(value);
  return rule ? [{ field, value, rule }] : [];
}

function s3BucketNameViolation(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return `is ${name.length} characters long: an S3 bucket name is 3 to 63 characters`;
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) {
    return 'is not a valid S3 bucket name: use lowercase letters, digits, "." and "-", starting and ending with a letter or digit';
  }
  if (name.includes('..')) return 'is not a valid S3 bucket name: two periods may not be adjacent';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return 'is not a valid S3 bucket name: it may not look like an IP address';
  if (name.startsWith('xn--') || name.startsWith('sthree-') || name.startsWith('amzn-s3-demo-')) {
    return 'is not a valid S3 bucket name: the prefixes "xn--", "sthree-" and "amzn-s3-demo-" are reserved';
  }
  if (name.endsWith('-s3alias') || name.endsWith('--ol-s3') || name.endsWith('.mrap') || name.endsWith('--x-s3') || name.endsWith('--table-s3')) {
    return 'is not a valid S3 bucket name: the suffixes "-s3alias", "--ol-s3", ".mrap", "--x-s3" and "--table-s3" are reserved';
  }
  return undefined;
}
