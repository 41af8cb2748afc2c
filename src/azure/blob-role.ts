import type { AzureRoleScope } from '../rules/azure-role-scope';

/** The built-in role that reads, writes and lists blobs: what Vector's azure_blob sink needs. */
export const STORAGE_BLOB_DATA_CONTRIBUTOR = 'Storage Blob Data Contributor';

/** The principal type of a managed identity in a role assignment. */
export const MANAGED_IDENTITY_PRINCIPAL_TYPE = 'ServicePrincipal';

/**
 * The ARM ID of a blob container, the scope of a container-level role
 * assignment (never the container's https:// URL, which is not a scope).
 */
export function blobContainerScopeId(storageAccountId: string, containerName: string): string {
  return `${storageAccountId}/blobServices/default/containers/${containerName}`;
}

/** The scope of the billing identity's role assignment. */
export function blobRoleScopeId(roleScope: AzureRoleScope, storageAccountId: string, containerName: string): string {
  return roleScope === 'container' ? blobContainerScopeId(storageAccountId, containerName) : storageAccountId;
}
