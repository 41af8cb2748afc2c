import { createHash } from 'node:crypto';
import { parseConfig } from '../../src/config/config';
import { ValidationError, formatProblem } from '../../src/rules/problem';

/** A config document as written in YAML: `spaces` and `stacks`. */
export interface ConfigDocument {
  readonly spaces: Record<string, unknown>;
  readonly stacks: ReadonlyArray<Record<string, unknown>>;
}

/** The entry kind key `<cloud>/<identity>` of a raw stack entry. */
export function entryKind(entry: Record<string, unknown>): string {
  return `${String(entry.cloud)}/${String(entry.identity)}`;
}

/**
 * `count` control plane host namespaces as Spaces names them,
 * `mxp-<uuid>-system` (47 characters); deterministic, so that every run and
 * every bench measures the same input.
 */
export function benchNamespaces(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const h = createHash('sha256').update(`spaces-bench-${i}`).digest('hex');
    return `mxp-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}-system`;
  });
}

/** A config with only `entry`, its `controlPlaneNamespaces` replaced by `count` generated ones. */
export function singleEntryConfig(document: ConfigDocument, entry: Record<string, unknown>, count: number): ConfigDocument {
  return { spaces: document.spaces, stacks: [{ ...entry, controlPlaneNamespaces: benchNamespaces(count) }] };
}

/** The problems of a config, or undefined when it validates. */
export function configProblems(document: ConfigDocument): readonly string[] | undefined {
  try {
    parseConfig(document);
    return undefined;
  } catch (error) {
    if (error instanceof ValidationError) return error.problems.map(formatProblem);
    throw error;
  }
}

/** How many namespaces a case gets: the requested count, or the largest count below it that validates. */
export interface ClampedCount {
  readonly requested: number;
  readonly effective: number;
  /** Why `effective` is below `requested`: the problem that `effective + 1` namespaces raise. */
  readonly limit?: string;
}

/**
 * The largest namespace count ≤ `requested` for which the single-entry config
 * validates (binary search; a cloud limit makes validity monotone in the count).
 * Throws when not even one namespace validates.
 */
export function clampCount(document: ConfigDocument, entry: Record<string, unknown>, requested: number): ClampedCount {
  const problemsAt = (n: number) => configProblems(singleEntryConfig(document, entry, n));
  if (problemsAt(requested) === undefined) return { requested, effective: requested };
  const atOne = problemsAt(1);
  if (atOne !== undefined) throw new Error(`${entryKind(entry)} "${String(entry.name)}" does not validate with 1 namespace:\n  ${atOne.join('\n  ')}`);
  let lo = 1; // validates
  let hi = requested; // does not
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (problemsAt(mid) === undefined) lo = mid;
    else hi = mid;
  }
  return { requested, effective: lo, limit: limitText(problemsAt(lo + 1) ?? []) };
}

/**
 * A short statement of the limit from the problem it raises: the value and the
 * rule up to its way out (`26 namespaces make a trust policy of 2071 characters,
 * over the limit of 2048`).
 */
function limitText(problems: readonly string[]): string {
  const first = problems.find((p) => p.includes('controlPlaneNamespaces')) ?? problems[0] ?? 'validation fails';
  const withoutField = first.replace(/^[^:]*: /, '').replace(/^"([^"]*)"/, '$1');
  const cut = withoutField.indexOf(': ');
  return cut > 0 ? withoutField.slice(0, cut) : withoutField;
}
