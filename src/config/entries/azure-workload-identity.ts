import { z } from 'zod';
import { azureBillingIdentityProblems } from '../../azure/validation';
import { azureUuidRule } from '../../rules/azure-uuid';
import { joinField } from '../../rules/problem';
import { AZURE_ROLE_SCOPES } from '../../rules/azure-role-scope';
import { stackCommonShape, stringMap } from '../common-schema';
import { EntryKind } from './entry-kind';

export const azureWorkloadIdentityEntrySchema = z.strictObject({
  ...stackCommonShape,
  cloud: z.literal('azure'),
  identity: z.literal('workload-identity'),
  subscriptionId: z.string(),
  resourceGroupName: z.string(),
  location: z.string(),
  storageAccountId: z.string(),
  storageAccountName: z.string(),
  containerName: z.string(),
  controlPlaneNamespaces: z.array(z.string()),
  oidcIssuerUrl: z.string().optional(),
  clusterResourceGroupName: z.string().optional(),
  identityName: z.string().optional(),
  roleScope: z.enum(AZURE_ROLE_SCOPES).optional(),
  tenantId: z.string().optional(),
  tags: stringMap.optional(),
});
export type AzureWorkloadIdentityEntry = z.infer<typeof azureWorkloadIdentityEntrySchema>;

export const azureWorkloadIdentityEntryKind: EntryKind<AzureWorkloadIdentityEntry> = {
  cloud: 'azure',
  identity: 'workload-identity',
  schema: azureWorkloadIdentityEntrySchema,
  problems: (entry, prefix) => [
    ...azureUuidRule(joinField(prefix, 'subscriptionId'), entry.subscriptionId, 'subscription ID'),
    ...azureBillingIdentityProblems(entry, prefix),
  ],
  // ARM names are case-insensitive: `Billing` and `billing` are one identity.
  accountScopedNames: (entry) => [
    {
      what: 'managed identity name',
      scope: `resource group ${entry.resourceGroupName.toLowerCase()} of subscription ${entry.subscriptionId.toLowerCase()}`,
      name: entry.identityName ?? 'billing-identity',
      field: 'identityName',
      caseInsensitive: true,
    },
  ],
};
