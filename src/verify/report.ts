/** The result of one verification check. */
export interface CheckResult {
  readonly status: 'pass' | 'fail' | 'skip';
  /** The stack checked (its directory name under `stacks/`), or `example` for the app itself. */
  readonly stack: string;
  /** What was checked, in a few words. */
  readonly what: string;
  /** Why it failed or was skipped; one line each. */
  readonly details?: readonly string[];
}

export const pass = (stack: string, what: string, details?: readonly string[]): CheckResult => ({ status: 'pass', stack, what, details });
export const fail = (stack: string, what: string, details: readonly string[]): CheckResult => ({ status: 'fail', stack, what, details });
export const skip = (stack: string, reason: string, what: string): CheckResult => ({ status: 'skip', stack, what, details: [reason] });

/**
 * The lines of one result: `PASS: stack: what`, `FAIL: stack: what` with
 * its details indented below, `SKIP: stack: what (reason)`.
 */
export function formatResult(result: CheckResult): string[] {
  const head = `${result.status.toUpperCase()}: ${result.stack}: ${result.what}`;
  if (result.status === 'skip') return [`${head} (${(result.details ?? []).join('; ')})`];
  if (result.status === 'pass') return [head];
  return [head, ...(result.details ?? []).map((d) => `    ${d}`)];
}

export interface Summary {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

export function summarize(results: readonly CheckResult[]): Summary {
  const count = (status: CheckResult['status']) => results.filter((r) => r.status === status).length;
  return { passed: count('pass'), failed: count('fail'), skipped: count('skip') };
}

/** The final line: `verify: N passed, N failed, N skipped`. */
export function summaryLine(summary: Summary): string {
  return `verify: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`;
}

/** The `--summary` file's content, which .ci/run reads: `<passed> <failed>`. */
export function summaryFileText(summary: Summary): string {
  return `${summary.passed} ${summary.failed}\n`;
}

/** Shortens a long value for a one-line message. */
export function clip(text: string, max = 160): string {
  const flat = text.replace(/\n/g, '\\n');
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}
