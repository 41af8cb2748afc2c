import { Problem } from './problem';

/**
 * One resource per control plane namespace must fit a cloud's count limit;
 * over it, the apply would fail part-way through.
 */
export function countLimitRule(
  field: string,
  value: unknown,
  limit: { readonly max: number; readonly each: string; readonly limit: string; readonly wayOut: string },
): Problem[] {
  if (!Array.isArray(value) || value.length <= limit.max) return [];
  return [{ field, value: `${value.length} namespaces`, rule: `need one ${limit.each} each, over ${limit.limit}: ${limit.wayOut}` }];
}
