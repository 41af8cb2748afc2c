import { Problem } from './problem';
import { isToken } from './token';

/** A UUID in its canonical 8-4-4-4-12 hexadecimal form, as Azure prints subscription and tenant IDs. */
export const AZURE_UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** An Azure subscription or tenant ID: a UUID (`what` names which, for the message). */
export function azureUuidRule(field: string, value: unknown, what: 'subscription ID' | 'tenant ID'): Problem[] {
  if (value === undefined || isToken(value)) return [];
  if (typeof value !== 'string' || !AZURE_UUID.test(value)) {
    return [{ field, value, rule: `is not an Azure ${what}: use the UUID (for example 00000000-0000-0000-0000-000000000000, from az account show)` }];
  }
  return [];
}
