import { Problem } from './problem';

// Semantic versioning 2.0: no leading zeros in the numbers.
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** A Spaces chart version: semantic version without a leading `v` (OCI tags have none). */
export function chartVersionRule(field: string, value: unknown): Problem[] {
  if (typeof value !== 'string' || value.length === 0) return [{ field, value, rule: 'must be the Spaces chart version, for example 1.14.1' }];
  if (/^v/i.test(value)) return [{ field, value, rule: `has a leading "v": chart versions have none, use "${value.slice(1)}"` }];
  if (!SEMVER.test(value)) return [{ field, value, rule: 'is not a semantic version (for example 1.14.1)' }];
  return [];
}
