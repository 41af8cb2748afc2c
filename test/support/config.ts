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
