import { Problem } from './problem';
import { isToken } from './token';

const REGION = /^[a-z]+(-[a-z]+)+\d{1,2}$/;
const ZONE = /^[a-z]+(-[a-z]+)+\d{1,2}-[a-z]$/;

/**
 * A Google Cloud region (`us-central1`), or with `allowZone` a region or a
 * zone (`us-central1-a`), as a GKE cluster location is.
 */
export function gcpRegionRule(field: string, value: unknown, options: { allowZone?: boolean } = {}): Problem[] {
  if (value === undefined || isToken(value)) return [];
  if (typeof value === 'string' && (REGION.test(value) || (options.allowZone && ZONE.test(value)))) return [];
  if (!options.allowZone && typeof value === 'string' && ZONE.test(value)) {
    return [{ field, value, rule: `is a zone: give its region ("${value.replace(/-[a-z]$/, '')}")` }];
  }
  return [{ field, value, rule: options.allowZone ? 'is not a Google Cloud region or zone (for example us-central1 or us-central1-a)' : 'is not a Google Cloud region (for example us-central1)' }];
}
