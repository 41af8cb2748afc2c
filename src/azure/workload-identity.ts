import { BILLING_COMPONENT, WorkloadComponent, serviceAccountSubject } from '../component';

/** The audience Azure workload identity tokens carry, the one every federated credential must list. */
export const AZURE_WORKLOAD_IDENTITY_AUDIENCE = 'api://AzureADTokenExchange';

/** The service account annotation the workload identity webhook reads the identity's client ID from. */
export const AZURE_CLIENT_ID_ANNOTATION = 'azure.workload.identity/client-id';
/** The service account annotation that names the identity's tenant (the cluster's tenant when absent). */
export const AZURE_TENANT_ID_ANNOTATION = 'azure.workload.identity/tenant-id';
/** The pod label that makes the webhook inject the token; its value is the string "true", never a boolean. */
export const AZURE_USE_LABEL = 'azure.workload.identity/use';
export const AZURE_USE_LABEL_VALUE = 'true';

/**
 * The name of the federated identity credential of a namespace:
 * `<serviceAccount>-<namespace>`, valid for Azure (3 to 120 letters, digits,
 * `-` and `_`, starting with a letter or digit) since a namespace is at most 63
 * lowercase letters, digits and `-`. It depends on the namespace only.
 */
export function federatedCredentialName(namespace: string, component: WorkloadComponent = BILLING_COMPONENT): string {
  return `${component.serviceAccountName}-${namespace}`;
}

/** The construct ID of a namespace's federated identity credential, from the namespace only. */
export function federatedCredentialConstructId(namespace: string): string {
  return `FederatedCredential-${namespace}`;
}

/** The valid shape of a federated identity credential name. */
export const AZURE_FEDERATED_CREDENTIAL_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{2,119}$/;

/** What one federated identity credential trusts, without the identity it belongs to. */
export interface FederatedCredentialSpec {
  readonly namespace: string;
  readonly name: string;
  readonly subject: string;
  readonly audience: readonly string[];
  /**
   * The namespace whose credential must be written first: Azure rejects
   * concurrent credential writes on one identity (409
   * ConcurrentFederatedIdentityCredentialsWritesForSingleManagedIdentity).
   */
  readonly after?: string;
}

/**
 * The federated identity credentials of the namespaces, in sorted namespace
 * order, each to be written after the previous one.
 */
export function federatedCredentialSpecs(namespaces: readonly string[], component: WorkloadComponent = BILLING_COMPONENT): FederatedCredentialSpec[] {
  const sorted = [...namespaces].sort();
  return sorted.map((namespace, i) => ({
    namespace,
    name: federatedCredentialName(namespace, component),
    subject: serviceAccountSubject(namespace, component),
    audience: [AZURE_WORKLOAD_IDENTITY_AUDIENCE],
    ...(i > 0 ? { after: sorted[i - 1] } : {}),
  }));
}

/**
 * The service account annotations and pod labels that bind the component to
 * a user-assigned managed identity through Azure workload identity.
 */
export function azureWorkloadIdentityBindings(clientId: string, tenantId?: string): {
  serviceAccountAnnotations: Record<string, string>;
  podLabels: Record<string, string>;
} {
  return {
    serviceAccountAnnotations: {
      [AZURE_CLIENT_ID_ANNOTATION]: clientId,
      ...(tenantId !== undefined ? { [AZURE_TENANT_ID_ANNOTATION]: tenantId } : {}),
    },
    podLabels: { [AZURE_USE_LABEL]: AZURE_USE_LABEL_VALUE },
  };
}
