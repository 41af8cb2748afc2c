import { DataAzurermKubernetesCluster } from '@cdktf/provider-azurerm/lib/data-azurerm-kubernetes-cluster';
import { FederatedIdentityCredential } from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Construct } from 'constructs';
import { BILLING_COMPONENT } from '../component';
import { MANAGED_IDENTITY_PRINCIPAL_TYPE, STORAGE_BLOB_DATA_CONTRIBUTOR, blobRoleScopeId } from '../azure/blob-role';
import { azureBillingIdentityProblems } from '../azure/validation';
import { azureWorkloadIdentityBindings, federatedCredentialConstructId, federatedCredentialSpecs } from '../azure/workload-identity';
import { AzureRoleScope } from '../rules/azure-role-scope';
import { throwIfProblems } from '../rules/problem';
import { BillingValues } from '../values/chart-values';
import { BillingIdentity } from './billing-identity';

export interface AzureBillingIdentityProps {
  /** The resource group of the managed identity (and its federated credentials). */
  readonly resourceGroupName: string;
  /** The Azure region of the managed identity, for example `eastus`. */
  readonly location: string;
  /**
   * The ARM ID of the storage account the billing component writes to
   * (`az storage account show --query id`), a string or a token.
   */
  readonly storageAccountId: string;
  /** The name of that storage account (chart value `billing.storage.azure.storageAccount`). */
  readonly storageAccountName: string;
  /** The blob container usage data goes to (chart value `billing.storage.azure.container`). */
  readonly containerName: string;
  /**
   * The control plane host namespaces (`mxp-<controlPlaneID>-system`) whose
   * `vector` service account may act as the identity: one federated identity
   * credential each, at most 20 (Azure's limit per identity). Required, non-empty.
   */
  readonly controlPlaneNamespaces: string[];
  /**
   * The AKS cluster's OIDC issuer URL, exactly as the cluster reports it
   * (`az aks show --query oidcIssuerProfile.issuerUrl`, ending with `/`), a string or a token.
   * @default - read from the `azurerm_kubernetes_cluster` data source of `clusterName`
   */
  readonly oidcIssuerUrl?: string;
  /**
   * The AKS cluster name, used to read the issuer when `oidcIssuerUrl` is not given.
   * @default - none; then `oidcIssuerUrl` is required
   */
  readonly clusterName?: string;
  /**
   * The resource group of the AKS cluster.
   * @default - `resourceGroupName`
   */
  readonly clusterResourceGroupName?: string;
  /**
   * The name of the user-assigned managed identity (unique in its resource group).
   * @default "billing-identity"
   */
  readonly identityName?: string;
  /**
   * Where `Storage Blob Data Contributor` is assigned: the whole storage
   * account, or only the billing container.
   * @default "storage-account"
   */
  readonly roleScope?: AzureRoleScope;
  /**
   * The Entra ID tenant of the identity, set as the `azure.workload.identity/tenant-id`
   * service account annotation.
   * @default - no annotation; the workload identity webhook uses the cluster's tenant
   */
  readonly tenantId?: string;
  /**
   * Tags for the managed identity.
   * @default - no tags
   */
  readonly tags?: Record<string, string>;
}

/**
 * A user-assigned managed identity for Azure workload identity on AKS that
 * lets the Spaces billing component (`vector`) in each listed control plane
 * namespace write usage data to Blob Storage, and the chart values that bind it.
 *
 * The identity holds `Storage Blob Data Contributor` on the storage account
 * (or only the container) and one federated identity credential per
 * namespace, each trusting exactly `system:serviceaccount:<namespace>:vector`
 * from the cluster's issuer. The credentials are written one after another,
 * since Azure rejects concurrent credential writes on one identity.
 */
export class AzureBillingIdentity extends Construct implements BillingIdentity {
  /** The client ID of the managed identity: the service account annotation. */
  public readonly clientId: string;
  /** The principal (object) ID of the managed identity: what the role is assigned to. */
  public readonly principalId: string;
  /** The ARM ID of the managed identity. */
  public readonly identityId: string;
  /** The issuer every federated credential trusts (may be a token). */
  public readonly oidcIssuerUrl: string;
  /** The scope of the role assignment: the storage account's or the container's ARM ID. */
  public readonly roleScopeId: string;
  public readonly controlPlaneNamespaces: readonly string[];
  public readonly billingValues: BillingValues;
  public readonly identity: UserAssignedIdentity;
  public readonly roleAssignment: RoleAssignment;
  /** The federated identity credentials, by namespace. */
  public readonly federatedCredentials: Readonly<Record<string, FederatedIdentityCredential>>;

  constructor(scope: Construct, id: string, props: AzureBillingIdentityProps) {
    super(scope, id);
    throwIfProblems(azureBillingIdentityProblems(props), `${this.node.path}`);
    this.controlPlaneNamespaces = [...props.controlPlaneNamespaces].sort();

    this.oidcIssuerUrl =
      props.oidcIssuerUrl ??
      new DataAzurermKubernetesCluster(this, 'Cluster', {
        name: props.clusterName!,
        resourceGroupName: props.clusterResourceGroupName ?? props.resourceGroupName,
      }).oidcIssuerUrl;

    this.identity = new UserAssignedIdentity(this, 'Identity', {
      name: props.identityName ?? 'billing-identity',
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tags: props.tags,
    });
    this.clientId = this.identity.clientId;
    this.principalId = this.identity.principalId;
    this.identityId = this.identity.id;

    this.roleScopeId = blobRoleScopeId(props.roleScope ?? 'storage-account', props.storageAccountId, props.containerName);
    this.roleAssignment = new RoleAssignment(this, 'BlobDataContributor', {
      scope: this.roleScopeId,
      roleDefinitionName: STORAGE_BLOB_DATA_CONTRIBUTOR,
      principalId: this.principalId,
      // A new identity may not have replicated yet; with the type given, ARM does not look it up.
      principalType: MANAGED_IDENTITY_PRINCIPAL_TYPE,
      description: `Upbound Spaces billing (${BILLING_COMPONENT.serviceAccountName}) through AKS workload identity`,
    });

    const credentials: Record<string, FederatedIdentityCredential> = {};
    for (const spec of federatedCredentialSpecs(this.controlPlaneNamespaces)) {
      credentials[spec.namespace] = new FederatedIdentityCredential(this, federatedCredentialConstructId(spec.namespace), {
        name: spec.name,
        parentId: this.identity.id,
        // Required by the azurerm 4.x schema, next to parent_id.
        resourceGroupName: this.identity.resourceGroupName,
        audience: [...spec.audience],
        issuer: this.oidcIssuerUrl,
        subject: spec.subject,
        dependsOn: spec.after !== undefined ? [credentials[spec.after]] : undefined,
      });
    }
    this.federatedCredentials = credentials;

    this.billingValues = {
      storage: { provider: 'azure', storageAccount: props.storageAccountName, container: props.containerName },
      ...azureWorkloadIdentityBindings(this.clientId, props.tenantId),
    };
  }
}
