import { Problem } from '../rules/problem';
import { isToken } from '../rules/token';
import { ChartValues, chartValueLeaves, getPath, isChartValues } from './chart-values';

/**
 * Deep-merges user values with the values this library owns.
 *
 * A user value may add keys anywhere, and may repeat an owned value, but a
 * user value that differs from an owned one is a problem: silently letting
 * either win would ship a release whose billing wiring is not what the
 * identity construct set up.
 */
export function mergeOwnedValues(
  owned: ChartValues,
  user: ChartValues,
  field: string,
): { values: ChartValues; problems: Problem[] } {
  const problems: Problem[] = [];
  for (const leaf of chartValueLeaves(owned)) {
    const conflict = firstConflict(user, leaf.path, leaf.value);
    if (conflict) {
      problems.push({
        field: `${field}.${conflict.path.join('.')}`,
        value: conflict.value,
        rule: `contradicts the value this library sets (${describeOwned(leaf.value)} at ${leaf.path.join('.')}); remove it from the user values`,
      });
    }
  }
  return { values: deepMerge(user, owned), problems };
}

function describeOwned(value: unknown): string {
  return isToken(value) ? "the identity's value, known at apply time" : JSON.stringify(value);
}

function firstConflict(
  user: ChartValues,
  path: readonly string[],
  ownedValue: unknown,
): { path: readonly string[]; value: unknown } | undefined {
  // A scalar or list on the way down replaces the owned subtree.
  for (let i = 1; i < path.length; i++) {
    const prefix = path.slice(0, i);
    const at = getPath(user, prefix);
    if (at !== undefined && !isChartValues(at)) return { path: prefix, value: at };
  }
  const at = getPath(user, path);
  if (at === undefined) return undefined;
  if (JSON.stringify(at) === JSON.stringify(ownedValue)) return undefined;
  return { path, value: at };
}

function deepMerge(base: ChartValues, over: ChartValues): ChartValues {
  const out: ChartValues = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isChartValues(current) && isChartValues(value) ? deepMerge(current, value) : value;
  }
  return out;
}
