import { Problem } from './problem';
import { isToken } from './token';

/** A Google Cloud project number: 1 to 20 digits, as a string (a YAML or JS number loses precision). */
export function gcpProjectNumberRule(field: string, value: unknown): Problem[] {
  if (value === undefined || isToken(value)) return [];
  if (typeof value !== 'string' || !/^\d{1,20}$/.test(value)) {
    return [{ field, value, rule: 'is not a Google Cloud project number: use its digits, quoted as a string (gcloud projects describe <projectId> --format="value(projectNumber)")' }];
  }
  return [];
}
