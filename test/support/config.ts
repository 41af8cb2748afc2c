import { parseConfig } from '../../src/config/config';
import { ValidationError, formatProblem } from '../../src/rules/problem';

/** A config document with the shared release settings and the given stacks. */
export function configDocument(stacks: unknown[], spaces: Record<string, unknown> = {}) {
  return { spaces: { version: '1.14.1', account: 'example-org', ...spaces }, stacks };
}

/** The problems of a config document, one `field: value rule` line each (none when it is valid). */
export function configProblems(document: unknown): string[] {
  try {
    parseConfig(document);
    return [];
  } catch (error) {
    if (error instanceof ValidationError) return error.problems.map(formatProblem);
    throw error;
  }
}

/** A valid IRSA stack entry with fake values, for tests to vary. */
export const IRSA_ENTRY = {
  name: 'aws-irsa',
  cloud: 'aws',
  identity: 'irsa',
  region: 'us-east-1',
  accountId: '123456789012',
  oidcIssuerUrl: 'https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE',
  bucketName: 'example-spaces-billing',
  controlPlaneNamespaces: ['mxp-ctp-alpha-system'],
} as const;
