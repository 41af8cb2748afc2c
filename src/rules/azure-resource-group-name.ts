import { Problem } from './problem';
import { isToken } from './token';

/** The characters of a resource group name (ASCII subset of what Azure allows), 1 to 90 of them, not ending with `.`. */
export const AZURE_RESOURCE_GROUP_NAME = /^[-\w.()]{0,89}[-\w()]$/;

/** An Azure resource group name: 1 to 90 letters, digits, `-`, `_`, `.`, `(` and `)`, not ending with `.`. */
export function azureResourceGroupNameRule(field: string, value: unknown): Problem[] {
  if (value === undefined || isToken(value)) return [];
  if (typeof value !== 'string' || !AZURE_RESOURCE_GROUP_NAME.test(value)) {
    return [{ field, value, rule: 'is not a resource group name: 1 to 90 letters, digits, "-", "_", ".", "(" and ")", not ending with "."' }];
  }
  return [];
}
