import { oidcIssuerUrlRule } from './oidc-issuer-url';
import { Problem } from './problem';
import { isToken } from './token';

/** The hosts of AKS OIDC issuers (`https://<region>.oic.prod-aks.azure.com/<tenant>/<cluster>/`). */
const AKS_ISSUER_HOST = /^[a-z0-9-]+\.oic\.prod-aks\.azure\.com$/;

/**
 * The AKS cluster's OIDC issuer URL, exactly as the cluster reports it
 * (`az aks show --query oidcIssuerProfile.issuerUrl`). Entra ID matches the
 * token's `iss` claim character for character, and AKS issuers end with `/`:
 * an AKS issuer without it would never match.
 */
export function azureAksIssuerUrlRule(field: string, value: unknown): Problem[] {
  const problems = oidcIssuerUrlRule(field, value);
  if (problems.length > 0 || typeof value !== 'string' || isToken(value)) return problems;
  if (AKS_ISSUER_HOST.test(new URL(value).hostname) && !value.endsWith('/')) {
    return [{ field, value, rule: `lacks the trailing "/" AKS issuers have: use "${value}/", exactly as az aks show --query oidcIssuerProfile.issuerUrl prints it` }];
  }
  return [];
}
