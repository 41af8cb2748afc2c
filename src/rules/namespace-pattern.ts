import { Problem } from './problem';

/**
 * An IAM `StringLike` pattern over namespace names: namespace characters plus
 * `*` and `?`, with at least one wildcard (a plain name belongs in the list).
 */
export function namespacePatternRule(field: string, value: unknown): Problem[] {
  if (value === undefined) return [];
  if (typeof value !== 'string' || !/^[a-z0-9*?-]{1,63}$/.test(value)) {
    return [{ field, value, rule: 'is not a namespace pattern: use a-z, 0-9, "-" and the wildcards "*" and "?" (for example mxp-*-system)' }];
  }
  if (!/[*?]/.test(value)) return [{ field, value, rule: 'has no wildcard: list the namespace in controlPlaneNamespaces instead' }];
  if (/^[*?]+$/.test(value)) return [{ field, value, rule: 'matches every namespace: narrow it (for example mxp-*-system)' }];
  return [];
}
