/**
 * A problem found in an input: which field, what value, which rule it breaks.
 * Rules are pure functions that return a list of problems (empty when the
 * input is fine); constructs and the config loader share them.
 */
export interface Problem {
  /** The field path, as the user wrote it (`stacks[0].bucketName`). */
  readonly field: string;
  /** The offending value; left out where there is none to show (a file that does not parse). */
  readonly value?: unknown;
  /** The rule, phrased to follow the value, with the way out where there is one. */
  readonly rule: string;
}

/** One line per problem: `field: value rule`. */
export function formatProblem(problem: Problem): string {
  if (!('value' in problem)) return `${problem.field}: ${problem.rule}`;
  return `${problem.field}: ${formatValue(problem.value)} ${problem.rule}`;
}

function formatValue(value: unknown): string {
  if (value === undefined) return '(missing)';
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

/** An error that carries every problem found, so a user fixes them in one pass. */
export class ValidationError extends Error {
  public readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[], context?: string) {
    const lines = problems.map((p) => `  - ${formatProblem(p)}`);
    const head = context ? `${context}: invalid input` : 'invalid input';
    super(`${head} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
    this.name = 'ValidationError';
    this.problems = problems;
  }
}

/** Throws a ValidationError when there is any problem. */
export function throwIfProblems(problems: readonly Problem[], context?: string): void {
  if (problems.length > 0) throw new ValidationError(problems, context);
}

/** Joins a field prefix and a name: `joinField('stacks[0]', 'bucketName')`. */
export function joinField(prefix: string, name: string): string {
  if (!prefix) return name;
  return name.startsWith('[') ? `${prefix}${name}` : `${prefix}.${name}`;
}
