import { Problem } from './problem';
import { isToken } from './token';

/**
 * An OIDC issuer URL: `https://` and a host. With `noTrailingSlash` (EKS),
 * a trailing slash is rejected, since IAM condition keys are built from the
 * issuer without one.
 */
export function oidcIssuerUrlRule(field: string, value: unknown, options: { noTrailingSlash?: boolean } = {}): Problem[] {
  if (value === undefined || isToken(value)) return [];
  if (typeof value !== 'string' || !value.startsWith('https://')) {
    return [{ field, value, rule: 'must start with https:// (an OIDC issuer URL, exactly as the cluster reports it)' }];
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return [{ field, value, rule: 'is not a valid URL' }];
  }
  if (!url.hostname || /\s/.test(value) || url.search || url.hash || url.username || url.password || url.port) {
    return [{ field, value, rule: 'is not an OIDC issuer URL: https://, a host and a path, without spaces, credentials, port, query or fragment' }];
  }
  if (options.noTrailingSlash && value.endsWith('/')) {
    return [{ field, value, rule: 'ends with "/": an EKS issuer has none, and IAM condition keys would not match' }];
  }
  return [];
}
