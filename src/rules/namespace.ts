import { Problem, joinField } from './problem';
import { isToken } from './token';

const RFC1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A Kubernetes namespace name: a lowercase RFC 1123 label of at most 63 characters. */
export function namespaceRule(field: string, value: unknown): Problem[] {
  if (isToken(value)) return [{ field, value, rule: 'is a token: namespaces are used in logical IDs and must be plain strings' }];
  if (typeof value !== 'string') return [{ field, value, rule: 'must be a string (a Kubernetes namespace name)' }];
  if (value.length === 0) return [{ field, value, rule: 'is empty: a namespace name is 1 to 63 characters' }];
  if (value !== value.trim()) return [{ field, value, rule: 'has surrounding whitespace: remove it' }];
  if (value.length > 63) return [{ field, value, rule: `is ${value.length} characters long: a namespace name is at most 63` }];
  if (!RFC1123_LABEL.test(value)) {
    return [{ field, value, rule: 'is not a lowercase RFC 1123 label: use only a-z, 0-9 and "-", starting and ending with a letter or digit' }];
  }
  return [];
}

/**
 * The control plane namespaces: each a valid namespace, none listed twice,
 * and at least one unless `allowEmpty` (a namespace pattern covers them).
 */
export function namespaceListRule(field: string, value: unknown, options: { allowEmpty?: boolean } = {}): Problem[] {
  if (value === undefined && options.allowEmpty) return [];
  if (value === undefined) return [{ field, value, rule: 'is required: list the control plane host namespaces (mxp-<controlPlaneID>-system)' }];
  if (!Array.isArray(value)) return [{ field, value, rule: 'must be a list of Kubernetes namespace names' }];
  if (value.length === 0 && !options.allowEmpty) {
    return [{ field, value, rule: 'is empty: list at least one control plane namespace (mxp-<controlPlaneID>-system)' }];
  }
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  value.forEach((ns, i) => {
    const at = joinField(field, `[${i}]`);
    problems.push(...namespaceRule(at, ns));
    if (typeof ns === 'string') {
      const first = seen.get(ns);
      if (first !== undefined) problems.push({ field: at, value: ns, rule: `is listed twice (first at ${joinField(field, `[${first}]`)}): list each namespace once` });
      else seen.set(ns, i);
    }
  });
  return problems;
}
