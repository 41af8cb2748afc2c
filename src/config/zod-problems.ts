import { z } from 'zod';
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
  if (issue.code === 'invalid_type') return `must be a ${issue.expected}`;
  if (issue.code === 'too_small' && issue.origin === 'array') return `must have at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message.replace(/^Invalid input: /, '');
}

/** The known key nearest to a typo, if it is near enough to be what was meant. */
export function closest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 4)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[b.length];
}
