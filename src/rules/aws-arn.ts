import { Problem } from './problem';
import { isToken } from './token';

const PARTITION = '(aws|aws-cn|aws-us-gov)';

/** The shapes of the ARNs this library accepts as input. */
export const ARN_SHAPES = {
  'IAM role': { pattern: new RegExp(`^arn:${PARTITION}:iam::\\d{12}:role/[\\w+=,.@/-]+$`), example: 'arn:aws:iam::123456789012:role/spaces-billing' },
  'IAM policy': { pattern: new RegExp(`^arn:${PARTITION}:iam::(\\d{12}|aws):policy/[\\w+=,.@/-]+$`), example: 'arn:aws:iam::123456789012:policy/boundary' },
  'KMS key': {
    pattern: new RegExp(`^arn:${PARTITION}:kms:[a-z0-9-]+:\\d{12}:key/[A-Za-z0-9-]+$`),
    example: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  },
  'IAM OIDC provider': {
    pattern: new RegExp(`^arn:${PARTITION}:iam::\\d{12}:oidc-provider/[a-z0-9.-]+(/[\\w.-]+)*$`),
    example: 'arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE',
  },
} as const;

export type ArnKind = keyof typeof ARN_SHAPES;

/** An ARN of the given kind. A KMS alias ARN is rejected: key policies grant on key ARNs. */
export function arnRule(field: string, value: unknown, kind: ArnKind): Problem[] {
  if (value === undefined || isToken(value)) return [];
  const shape = ARN_SHAPES[kind];
  if (typeof value !== 'string' || !shape.pattern.test(value)) {
    return [{ field, value, rule: `is not a valid ${kind} ARN (for example ${shape.example})` }];
  }
  return [];
}
