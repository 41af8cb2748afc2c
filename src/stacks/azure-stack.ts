import { DataAzurermKubernetesCluster } from '@cdktf/provider-azurerm/lib/data-azurerm-kubernetes-cluster';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { Fn, TerraformStack } from 'cdktf';
import { AzureWorkloadIdentityEntry } from '../config/entries/azure-workload-identity';
import { AzureBillingIdentity } from '../constructs/azure-billing-identity';
import { BuiltIdentity, StackBuilder, identityPropsOf } from './stack-builder';

/** The azurerm provider of a stack, and its AKS cluster connection for helm. */
export function configureAzure(
  stack: TerraformStack,
  entry: { subscriptionId: string; resourceGroupName: string; clusterName?: string; clusterResourceGroupName?: string },
) {
  new AzurermProvider(stack, 'azurerm', {
    // The provider requires a features block, even an empty one.
    features: [{}],
    subscriptionId: entry.subscriptionId,
  });
  return () => {
    const cluster = new DataAzurermKubernetesCluster(stack, 'AksCluster', {
      name: entry.clusterName!,
      resourceGroupName: entry.clusterResourceGroupName ?? entry.resourceGroupName,
    });
    // The cluster's local (certificate) credentials; empty when local accounts are disabled.
    const kube = cluster.kubeConfig.get(0);
    return {
      host: kube.host,
      clientCertificate: Fn.base64decode(kube.clientCertificate),
      clientKey: Fn.base64decode(kube.clientKey),
      clusterCaCertificate: Fn.base64decode(kube.clusterCaCertificate),
    };
  };
}

export const buildAzureStack: StackBuilder<AzureWorkloadIdentityEntry> = (stack, entry): BuiltIdentity => {
  const clusterConnection = configureAzure(stack, entry);
  const identity = new AzureBillingIdentity(stack, 'BillingIdentity', identityPropsOf(entry, 'subscriptionId'));
  return {
    identity,
    clusterConnection,
    outputs: {
      identity_client_id: { value: identity.clientId, description: 'The client ID of the managed identity the billing component (vector) uses through AKS workload identity' },
      identity_principal_id: { value: identity.principalId, description: 'The principal (object) ID of the managed identity, which holds Storage Blob Data Contributor' },
    },
  };
};
