import { z } from 'zod';
import { closest } from '../rules/closest';
import { Problem, joinField } from '../rules/problem';

/** The field path of a config value, as the user reads it: `stacks[0].bucketName`. */
export function fieldPath(path: readonly PropertyKey[], prefix = ''): string {
  return path.reduce<string>((acc, key) => joinField(acc, typeof key === 'number' ? `[${key}]` : String(key)), prefix);
}

/** Zod issues as problems that name the field, the bad value and the rule. */
export function zodProblems(error: z.ZodError, prefix = '', knownKeys: (path: readonly PropertyKey[]) => readonly string[] = () => []): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(issue.path);
      for (const key of issue.keys) {
        const hint = closest(key, known);
        problems.push({
          field: fieldPath([...issue.path, key], prefix),
          value: key,
          rule: `is not a known key${hint ? ` (did you mean "${hint}"?)` : ''}`,
        });
      }
      continue;
    }
    const input = (issue as { input?: unknown }).input;
    problems.push({ field: fieldPath(issue.path, prefix), value: input, rule: describeIssue(issue, input) });
  }
  return problems;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === 'invalid_type' && input === undefined) return 'is required';
  if (issue.code === 'invalid_type' && issue.expected === 'string' && typeof input === 'number') {
    return 'must be a string: quote it (YAML reads unquoted digits as a number, dropping leading zeros and trailing decimal zeros)';
  }
  if (issue.code === 'invalid_type') return `must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
  if (issue.code === 'too_small' && issue.origin === 'array') return `must have at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message.replace(/^Invalid input: /, '');
}
