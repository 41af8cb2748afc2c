import type { AzureBillingIdentityProps } from '../constructs/azure-billing-identity';
import { azureAksIssuerUrlRule } from '../rules/azure-aks-issuer-url';
import { azureContainerNameRule } from '../rules/azure-container-name';
import { azureFederatedCredentialLimitRule } from '../rules/azure-federated-credential-limit';
import { azureManagedIdentityNameRule } from '../rules/azure-managed-identity-name';
import { azureResourceGroupNameRule } from '../rules/azure-resource-group-name';
import { azureStorageAccountIdRule } from '../rules/azure-resource-id';
import { azureRoleScopeRule } from '../rules/azure-role-scope';
import { azureStorageAccountNameRule } from '../rules/azure-storage-account-name';
import { azureUuidRule } from '../rules/azure-uuid';
import { namespaceListRule } from '../rules/namespace';
import { Problem, joinField } from '../rules/problem';
import { isToken } from '../rules/token';

type Input = { readonly [K in keyof AzureBillingIdentityProps]?: unknown };

/** Every problem in Azure billing identity props; shared by the construct and the config loader. */
export function azureBillingIdentityProblems(input: Input, prefix = ''): Problem[] {
  const f = (name: string) => joinField(prefix, name);
  const problems: Problem[] = [
    ...firstOf(
      requiredString(f('resourceGroupName'), input.resourceGroupName, 'the resource group of the managed identity'),
      azureResourceGroupNameRule(f('resourceGroupName'), input.resourceGroupName),
    ),
    ...requiredString(f('location'), input.location, 'the Azure region of the managed identity, for example eastus'),
    ...azureStorageAccountNameRule(f('storageAccountName'), input.storageAccountName),
    ...azureStorageAccountIdRule(f('storageAccountId'), input.storageAccountId, input.storageAccountName),
    ...azureContainerNameRule(f('containerName'), input.containerName),
    ...namespaceListRule(f('controlPlaneNamespaces'), input.controlPlaneNamespaces),
    ...azureFederatedCredentialLimitRule(f('controlPlaneNamespaces'), input.controlPlaneNamespaces),
    ...azureAksIssuerUrlRule(f('oidcIssuerUrl'), input.oidcIssuerUrl),
    ...optionalString(f('clusterName'), input.clusterName, 'the AKS cluster name'),
    ...azureResourceGroupNameRule(f('clusterResourceGroupName'), input.clusterResourceGroupName),
    ...azureManagedIdentityNameRule(f('identityName'), input.identityName),
    ...azureRoleScopeRule(f('roleScope'), input.roleScope),
    ...azureUuidRule(f('tenantId'), input.tenantId, 'tenant ID'),
  ];
  if (input.oidcIssuerUrl === undefined && input.clusterName === undefined) {
    problems.push({
      field: f('oidcIssuerUrl'),
      value: undefined,
      rule: 'is required when clusterName is not given (the issuer is read from the AKS cluster otherwise; az aks show --query oidcIssuerProfile.issuerUrl)',
    });
  }
  return problems;
}

function requiredString(field: string, value: unknown, what: string): Problem[] {
  if (isToken(value)) return [];
  if (typeof value !== 'string' || value.trim() === '') return [{ field, value, rule: `is required: ${what}` }];
  return [];
}

/** The first list of problems, or the second when the first is empty (a missing value is one problem, not two). */
function firstOf(first: Problem[], second: Problem[]): Problem[] {
  return first.length > 0 ? first : second;
}

function optionalString(field: string, value: unknown, what: string): Problem[] {
  return value === undefined ? [] : requiredString(field, value, what);
}
