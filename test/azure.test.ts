import { DataAzurermKubernetesCluster } from '@cdktf/provider-azurerm/lib/data-azurerm-kubernetes-cluster';
import { TerraformElement, TerraformStack, Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { blobContainerScopeId, blobRoleScopeId } from '../src/azure/blob-role';
import { azureBillingIdentityProblems } from '../src/azure/validation';
import {
  AZURE_FEDERATED_CREDENTIAL_NAME,
  AZURE_WORKLOAD_IDENTITY_AUDIENCE,
  federatedCredentialName,
  federatedCredentialSpecs,
} from '../src/azure/workload-identity';
import { parseConfig } from '../src/config/config';
import { AzureBillingIdentity, AzureBillingIdentityProps } from '../src/constructs/azure-billing-identity';
import { SpacesRelease } from '../src/constructs/spaces-release';
import { azureAksIssuerUrlRule } from '../src/rules/azure-aks-issuer-url';
import { azureContainerNameRule } from '../src/rules/azure-container-name';
import { azureFederatedCredentialLimitRule } from '../src/rules/azure-federated-credential-limit';
import { azureManagedIdentityNameRule } from '../src/rules/azure-managed-identity-name';
import { azureResourceGroupNameRule } from '../src/rules/azure-resource-group-name';
import { azureStorageAccountIdRule } from '../src/rules/azure-resource-id';
import { azureRoleScopeRule } from '../src/rules/azure-role-scope';
import { azureStorageAccountNameRule } from '../src/rules/azure-storage-account-name';
import { azureUuidRule } from '../src/rules/azure-uuid';
import { ValidationError } from '../src/rules/problem';
import { SpacesBillingStack } from '../src/stacks/spaces-billing-stack';
import { billingChartValues } from '../src/values/chart-values';
import { helmValueFlags, renderHelmFlags, renderValuesYaml } from '../src/values/render';
import { configProblems as problemsOfConfig } from './support/config';
import { parseStack, synthConstructs } from './support/synth';

const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
const ISSUER = 'https://eastus.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111/';
const ACCOUNT_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/example-spaces-rg/providers/Microsoft.Storage/storageAccounts/examplespacesbilling`;
const base: AzureBillingIdentityProps = {
  resourceGroupName: 'example-spaces-rg',
  location: 'eastus',
  storageAccountId: ACCOUNT_ID,
  storageAccountName: 'examplespacesbilling',
  containerName: 'billing',
  oidcIssuerUrl: ISSUER,
  controlPlaneNamespaces: ['mxp-ctp-alpha-system'],
};

function synthAzure(props: Partial<AzureBillingIdentityProps> = {}) {
  return synthConstructs((stack) => {
    const identity = new AzureBillingIdentity(stack, 'Billing', { ...base, ...props });
    new SpacesRelease(stack, 'Spaces', { version: '1.14.1', account: 'example-org', billing: identity });
  });
}

/** The logical ID of the one resource of a type. */
function idOf(out: ReturnType<typeof synthAzure>, type: string): string {
  const ids = Object.keys(out.resources(type));
  expect(ids).toHaveLength(1);
  return ids[0];
}

/** The credentials keyed by the namespace their subject names. */
function credentialsByNamespace(out: ReturnType<typeof synthAzure>): Record<string, { id: string; body: any }> {
  return Object.fromEntries(
    Object.entries(out.resources('azurerm_federated_identity_credential')).map(([id, body]) => [
      (body.subject as string).split(':')[2],
      { id, body },
    ]),
  );
}

const namespaces = (n: number) => Array.from({ length: n }, (_, i) => `mxp-ctp-${String(i).padStart(2, '0')}-system`);

describe('AzureBillingIdentity', () => {
  it('creates the user-assigned identity named billing-identity by default', () => {
    const out = synthAzure({ tags: { app: 'upbound-spaces' } });
    const identity = out.resource('azurerm_user_assigned_identity');
    expect(identity).toMatchSnapshot();
    expect(identity).toEqual({ name: 'billing-identity', resource_group_name: 'example-spaces-rg', location: 'eastus', tags: { app: 'upbound-spaces' } });
    expect(synthAzure({ identityName: 'example-spaces-billing' }).resource('azurerm_user_assigned_identity').name).toBe('example-spaces-billing');
  });

  it('assigns Storage Blob Data Contributor on the storage account to the principal ID, as a service principal', () => {
    const out = synthAzure();
    const identityId = idOf(out, 'azurerm_user_assigned_identity');
    const assignment = out.resource('azurerm_role_assignment');
    expect(assignment).toMatchSnapshot();
    expect(assignment.role_definition_name).toBe('Storage Blob Data Contributor');
    expect(assignment.principal_id).toBe(`\${azurerm_user_assigned_identity.${identityId}.principal_id}`);
    expect(assignment.principal_id).not.toContain('client_id');
    expect(assignment.principal_type).toBe('ServicePrincipal');
    expect(assignment.scope).toBe(ACCOUNT_ID);
  });

  it('narrows the role to the container ARM ID with roleScope container, never its https URL', () => {
    const assignment = synthAzure({ roleScope: 'container' }).resource('azurerm_role_assignment');
    expect(assignment).toMatchSnapshot();
    expect(assignment.scope).toBe(`${ACCOUNT_ID}/blobServices/default/containers/billing`);
    expect(assignment.scope).not.toContain('https://');
    expect(assignment.scope).not.toContain('blob.core.windows.net');
  });

  it('trusts exactly the vector service account of one namespace from the AKS issuer', () => {
    const out = synthAzure();
    const identityId = idOf(out, 'azurerm_user_assigned_identity');
    const credential = out.resource('azurerm_federated_identity_credential');
    expect(credential).toMatchSnapshot();
    expect(credential).toEqual({
      name: 'vector-mxp-ctp-alpha-system',
      parent_id: `\${azurerm_user_assigned_identity.${identityId}.id}`,
      resource_group_name: `\${azurerm_user_assigned_identity.${identityId}.resource_group_name}`,
      audience: ['api://AzureADTokenExchange'],
      issuer: ISSUER,
      subject: 'system:serviceaccount:mxp-ctp-alpha-system:vector',
    });
    // Kept exactly as AKS reports it, trailing slash included.
    expect(credential.issuer.endsWith('/')).toBe(true);
    expect(credential.depends_on).toBeUndefined();
  });

  it('makes one credential per namespace, chained in sorted order whatever the input order', () => {
    const out = synthAzure({ controlPlaneNamespaces: ['mxp-ctp-gamma-system', 'mxp-ctp-alpha-system', 'mxp-ctp-beta-system'] });
    const credentials = out.resources('azurerm_federated_identity_credential');
    expect(credentials).toMatchSnapshot();
    const byNs = credentialsByNamespace(out);
    expect(Object.keys(byNs).sort()).toEqual(['mxp-ctp-alpha-system', 'mxp-ctp-beta-system', 'mxp-ctp-gamma-system']);
    expect(Object.values(byNs).map(({ body }) => body.subject).sort()).toEqual([
      'system:serviceaccount:mxp-ctp-alpha-system:vector',
      'system:serviceaccount:mxp-ctp-beta-system:vector',
      'system:serviceaccount:mxp-ctp-gamma-system:vector',
    ]);
    expect(Object.values(byNs).map(({ body }) => body.name).sort()).toEqual([
      'vector-mxp-ctp-alpha-system',
      'vector-mxp-ctp-beta-system',
      'vector-mxp-ctp-gamma-system',
    ]);
    for (const { body } of Object.values(byNs)) {
      expect(body.audience).toEqual(['api://AzureADTokenExchange']);
      expect(body.issuer).toBe(ISSUER);
    }
    const ref = (ns: string) => `azurerm_federated_identity_credential.${byNs[ns].id}`;
    expect(byNs['mxp-ctp-alpha-system'].body.depends_on).toBeUndefined();
    expect(byNs['mxp-ctp-beta-system'].body.depends_on).toEqual([ref('mxp-ctp-alpha-system')]);
    expect(byNs['mxp-ctp-gamma-system'].body.depends_on).toEqual([ref('mxp-ctp-beta-system')]);
  });

  it('derives construct IDs and attributes from the namespace only, so adding one replaces no other', () => {
    const before = credentialsByNamespace(synthAzure({ controlPlaneNamespaces: ['mxp-ctp-alpha-system', 'mxp-ctp-gamma-system'] }));
    const after = credentialsByNamespace(synthAzure({ controlPlaneNamespaces: ['mxp-ctp-gamma-system', 'mxp-ctp-beta-system', 'mxp-ctp-alpha-system'] }));
    for (const ns of ['mxp-ctp-alpha-system', 'mxp-ctp-gamma-system']) {
      expect(after[ns].id).toBe(before[ns].id);
      expect(after[ns].id).toContain(`FederatedCredential-${ns}`);
      const { depends_on: _b, ...beforeBody } = before[ns].body;
      const { depends_on: _a, ...afterBody } = after[ns].body;
      expect(afterBody).toEqual(beforeBody);
    }
  });

  it('reads the issuer from the AKS cluster data source when only clusterName is given', () => {
    const out = synthAzure({ oidcIssuerUrl: undefined, clusterName: 'example-spaces-aks' });
    const clusterId = Object.keys(out.dataSources('azurerm_kubernetes_cluster'))[0];
    expect(out.dataSources('azurerm_kubernetes_cluster')[clusterId]).toEqual({ name: 'example-spaces-aks', resource_group_name: 'example-spaces-rg' });
    const credential = out.resource('azurerm_federated_identity_credential');
    expect(credential).toMatchSnapshot();
    expect(credential.issuer).toBe(`\${data.azurerm_kubernetes_cluster.${clusterId}.oidc_issuer_url}`);
    expect(credential.subject).toBe('system:serviceaccount:mxp-ctp-alpha-system:vector');
    expect(credential.audience).toEqual(['api://AzureADTokenExchange']);

    const other = synthAzure({ oidcIssuerUrl: undefined, clusterName: 'example-spaces-aks', clusterResourceGroupName: 'example-aks-rg' });
    expect(Object.values(other.dataSources('azurerm_kubernetes_cluster'))).toEqual([{ name: 'example-spaces-aks', resource_group_name: 'example-aks-rg' }]);
  });

  it('passes a token issuer through unchanged, for three namespaces', () => {
    const out = synthConstructs((stack) => {
      const aks = new DataAzurermKubernetesCluster(stack, 'Aks', { name: 'example-spaces-aks', resourceGroupName: 'example-spaces-rg' });
      new AzureBillingIdentity(stack, 'Billing', {
        ...base,
        oidcIssuerUrl: aks.oidcIssuerUrl,
        controlPlaneNamespaces: ['mxp-c-system', 'mxp-a-system', 'mxp-b-system'],
      });
    });
    const credentials = out.resources('azurerm_federated_identity_credential');
    expect(credentials).toMatchSnapshot();
    const issuers = Object.values(credentials).map((c) => c.issuer);
    expect(issuers).toEqual(Array(3).fill('${data.azurerm_kubernetes_cluster.Aks.oidc_issuer_url}'));
    // The construct reads no cluster of its own when given the issuer.
    expect(Object.keys(out.dataSources('azurerm_kubernetes_cluster'))).toEqual(['Aks']);
  });

  it('sets the Azure billing values: client ID annotation and the string label "true"', () => {
    const out = synthAzure();
    const identityId = idOf(out, 'azurerm_user_assigned_identity');
    const release = out.resource('helm_release');
    expect(release.values).toHaveLength(1);
    const yaml: string = release.values[0];
    expect(yaml).toMatchSnapshot();
    expect(yaml).toContain('    provider: "azure"\n    azure:\n      storageAccount: "examplespacesbilling"\n      container: "billing"\n');
    expect(yaml).toContain('    secretRef:\n      name: ""\n');
    expect(yaml).toContain(`        azure.workload.identity/client-id: "\${azurerm_user_assigned_identity.${identityId}.client_id}"\n`);
    expect(yaml).not.toContain('principal_id');
    expect(yaml).toContain('      customLabels:\n        azure.workload.identity/use: "true"\n');
    expect(yaml).not.toContain('azure.workload.identity/use: true');
    expect(yaml).not.toContain('tenant-id');
    expect(release.set).toBeUndefined();
  });

  it('renders the label with --set-string in helm flags, and the tenant annotation when given', () => {
    const { construct } = buildIdentity({ tenantId: '22222222-2222-2222-2222-222222222222' });
    expect(construct.billingValues.podLabels).toEqual({ 'azure.workload.identity/use': 'true' });
    expect(construct.billingValues.serviceAccountAnnotations).toEqual({
      'azure.workload.identity/client-id': construct.clientId,
      'azure.workload.identity/tenant-id': '22222222-2222-2222-2222-222222222222',
    });
    const values = billingChartValues(construct.billingValues);
    const flags = helmValueFlags(values);
    expect(flags).toContainEqual({ flag: '--set-string', argument: 'controlPlanes.vector.pod.customLabels.azure\\.workload\\.identity/use=true' });
    expect(flags).toContainEqual({
      flag: '--set',
      argument: 'controlPlanes.vector.serviceAccount.customAnnotations.azure\\.workload\\.identity/tenant-id=22222222-2222-2222-2222-222222222222',
    });
    expect(flags).toContainEqual({ flag: '--set-string', argument: 'billing.storage.secretRef.name=' });
    expect(renderHelmFlags(values)).toContain(`--set-string 'controlPlanes.vector.pod.customLabels.azure\\.workload\\.identity/use=true'`);
    expect(renderValuesYaml(values)).toContain('        azure.workload.identity/tenant-id: "22222222-2222-2222-2222-222222222222"\n');
  });

  it('accepts 20 namespaces, the most one identity holds', () => {
    const out = synthAzure({ controlPlaneNamespaces: namespaces(20) });
    expect(Object.keys(out.resources('azurerm_federated_identity_credential'))).toHaveLength(20);
  });

  it('fails on 21 namespaces, over the limit of 20 federated credentials per identity', () => {
    expect(() => synthAzure({ controlPlaneNamespaces: namespaces(21) })).toThrow(
      /controlPlaneNamespaces: "21 namespaces" need one federated identity credential each, over Azure's limit of 20 per managed identity \(subjects take no wildcards\): split the control planes across several identities/,
    );
  });

  it('fails on a storage account ID that names another account, before creating anything', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'test');
    expect(() => new AzureBillingIdentity(stack, 'Billing', { ...base, storageAccountName: 'otheraccount' })).toThrow(
      /storageAccountId: ".*examplespacesbilling" names storage account "examplespacesbilling", not storageAccountName "otheraccount"/,
    );
    expect(stack.node.findAll().filter((c) => c instanceof TerraformElement)).toEqual([]);
  });

  it('fails on a container URL given as the storage account ID, and on bad names, listing every problem', () => {
    let error: unknown;
    try {
      synthAzure({
        storageAccountId: 'https://examplespacesbilling.blob.core.windows.net/billing',
        storageAccountName: 'Example-Billing',
        containerName: 'Billing--',
        identityName: '-x',
        tenantId: 'not-a-uuid',
        controlPlaneNamespaces: [],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems.map((p) => p.field)).toEqual([
      'storageAccountName',
      'storageAccountId',
      'containerName',
      'controlPlaneNamespaces',
      'identityName',
      'tenantId',
    ]);
    expect((error as ValidationError).message).toContain('storageAccountId: "https://examplespacesbilling.blob.core.windows.net/billing" is a URL');
  });

  it('fails on an AKS issuer without its trailing slash, and on no issuer and no cluster', () => {
    expect(() => synthAzure({ oidcIssuerUrl: ISSUER.slice(0, -1) })).toThrow(/oidcIssuerUrl: ".*1111" lacks the trailing "\/" AKS issuers have/);
    expect(() => synthAzure({ oidcIssuerUrl: undefined })).toThrow(/oidcIssuerUrl: \(missing\) is required when clusterName is not given/);
  });
});

function buildIdentity(props: Partial<AzureBillingIdentityProps> = {}) {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  return { construct: new AzureBillingIdentity(stack, 'Billing', { ...base, ...props }), stack };
}

describe('Azure pure functions', () => {
  it('names credentials vector-<namespace>, valid for Azure even for the longest namespace', () => {
    expect(federatedCredentialName('mxp-ctp-alpha-system')).toBe('vector-mxp-ctp-alpha-system');
    const longest = `mxp-${'a'.repeat(52)}-system`;
    expect(longest).toHaveLength(63);
    expect(federatedCredentialName(longest)).toMatch(AZURE_FEDERATED_CREDENTIAL_NAME);
    expect(federatedCredentialName(longest).length).toBeLessThanOrEqual(120);
  });

  it('builds the credential specs sorted and chained, with the exact audience and subjects', () => {
    expect(AZURE_WORKLOAD_IDENTITY_AUDIENCE).toBe('api://AzureADTokenExchange');
    expect(federatedCredentialSpecs(['mxp-b-system', 'mxp-a-system'])).toEqual([
      { namespace: 'mxp-a-system', name: 'vector-mxp-a-system', subject: 'system:serviceaccount:mxp-a-system:vector', audience: ['api://AzureADTokenExchange'] },
      { namespace: 'mxp-b-system', name: 'vector-mxp-b-system', subject: 'system:serviceaccount:mxp-b-system:vector', audience: ['api://AzureADTokenExchange'], after: 'mxp-a-system' },
    ]);
  });

  it('builds the container scope from the account ARM ID', () => {
    expect(blobContainerScopeId(ACCOUNT_ID, 'billing')).toBe(`${ACCOUNT_ID}/blobServices/default/containers/billing`);
    expect(blobRoleScopeId('storage-account', ACCOUNT_ID, 'billing')).toBe(ACCOUNT_ID);
    expect(blobRoleScopeId('container', ACCOUNT_ID, 'billing')).toBe(`${ACCOUNT_ID}/blobServices/default/containers/billing`);
  });

  it('finds no problem in valid props and prefixes the fields', () => {
    expect(azureBillingIdentityProblems(base)).toEqual([]);
    expect(azureBillingIdentityProblems({ ...base, location: '' }, 'stacks[3]')).toEqual([
      { field: 'stacks[3].location', value: '', rule: 'is required: the Azure region of the managed identity, for example eastus' },
    ]);
  });
});

describe('Azure rules', () => {
  it('storage account name: 3 to 24 lowercase letters and digits', () => {
    expect(azureStorageAccountNameRule('f', 'examplespacesbilling')).toEqual([]);
    expect(azureStorageAccountNameRule('f', 'ab')[0].rule).toBe('is 2 characters long: a storage account name is 3 to 24 characters');
    expect(azureStorageAccountNameRule('f', 'a'.repeat(25))[0].rule).toMatch(/^is 25 characters long/);
    expect(azureStorageAccountNameRule('f', 'example-billing')[0]).toEqual({
      field: 'f',
      value: 'example-billing',
      rule: 'is not a valid storage account name: use only lowercase letters and digits (no "-", "_" or ".")',
    });
    expect(azureStorageAccountNameRule('f', 'ExampleBilling')).toHaveLength(1);
  });

  it('container name: 3 to 63, lowercase, digits and -, no -- and no trailing -', () => {
    for (const ok of ['billing', 'b1-usage', '123', 'a'.repeat(63)]) expect(azureContainerNameRule('f', ok)).toEqual([]);
    expect(azureContainerNameRule('f', 'ab')[0].rule).toMatch(/^is 2 characters long/);
    expect(azureContainerNameRule('f', 'a'.repeat(64))[0].rule).toMatch(/^is 64 characters long/);
    expect(azureContainerNameRule('f', '-billing')[0].rule).toMatch(/starting with a letter or digit/);
    expect(azureContainerNameRule('f', 'Billing')[0].rule).toMatch(/lowercase letters/);
    expect(azureContainerNameRule('f', 'bill--ing')[0].rule).toBe('is not a valid container name: two "-" may not be adjacent');
    expect(azureContainerNameRule('f', 'billing-')[0].rule).toBe('is not a valid container name: it may not end with "-"');
    expect(azureContainerNameRule('f', 'https://examplespacesbilling.blob.core.windows.net/billing')).toHaveLength(1);
  });

  it('storage account ID: the ARM shape, naming the same account', () => {
    expect(azureStorageAccountIdRule('f', ACCOUNT_ID, 'examplespacesbilling')).toEqual([]);
    expect(azureStorageAccountIdRule('f', ACCOUNT_ID.replace('resourceGroups', 'resourcegroups'))[0].rule).toMatch(/^is not a storage account ARM ID/);
    expect(azureStorageAccountIdRule('f', ACCOUNT_ID.replace(SUBSCRIPTION, 'example-sub'))).toHaveLength(1);
    expect(azureStorageAccountIdRule('f', `${ACCOUNT_ID}/blobServices/default/containers/billing`)).toHaveLength(1);
    expect(azureStorageAccountIdRule('f', ACCOUNT_ID, 'otheraccount')[0].rule).toBe(
      'names storage account "examplespacesbilling", not storageAccountName "otheraccount": make them the same account',
    );
    expect(azureStorageAccountIdRule('f', 'https://examplespacesbilling.blob.core.windows.net')[0].rule).toMatch(/^is a URL: use the storage account's ARM ID/);
  });

  it('managed identity name: 3 to 128 letters, digits, - and _, starting alphanumeric', () => {
    for (const ok of ['billing-identity', 'Billing_1', 'a'.repeat(128), undefined]) expect(azureManagedIdentityNameRule('f', ok)).toEqual([]);
    expect(azureManagedIdentityNameRule('f', 'ab')[0].rule).toMatch(/^is 2 characters long/);
    expect(azureManagedIdentityNameRule('f', 'a'.repeat(129))[0].rule).toMatch(/^is 129 characters long/);
    expect(azureManagedIdentityNameRule('f', '_billing')[0].rule).toMatch(/starting with a letter or digit/);
    expect(azureManagedIdentityNameRule('f', 'billing.identity')).toHaveLength(1);
  });

  it('resource group name: 1 to 90 characters, not ending with a period', () => {
    for (const ok of ['example-spaces-rg', 'rg', 'a(b).c_d', 'a'.repeat(90)]) expect(azureResourceGroupNameRule('f', ok)).toEqual([]);
    for (const bad of ['rg.', '', 'a'.repeat(91), 'a b', 'a/b']) expect(azureResourceGroupNameRule('f', bad)).toHaveLength(1);
  });

  it('subscription and tenant IDs are UUIDs', () => {
    expect(azureUuidRule('f', SUBSCRIPTION, 'subscription ID')).toEqual([]);
    expect(azureUuidRule('f', '0000000000000000000000000000000', 'tenant ID')[0].rule).toMatch(/^is not an Azure tenant ID: use the UUID/);
    expect(azureUuidRule('f', 'example-sub', 'subscription ID')[0].rule).toMatch(/^is not an Azure subscription ID/);
  });

  it('AKS issuer: https, kept exact, and with the trailing slash AKS gives it', () => {
    expect(azureAksIssuerUrlRule('f', ISSUER)).toEqual([]);
    expect(azureAksIssuerUrlRule('f', 'https://issuer.example.com/tenant/cluster')).toEqual([]);
    expect(azureAksIssuerUrlRule('f', ISSUER.slice(0, -1))[0].rule).toBe(
      `lacks the trailing "/" AKS issuers have: use "${ISSUER}", exactly as az aks show --query oidcIssuerProfile.issuerUrl prints it`,
    );
    expect(azureAksIssuerUrlRule('f', ISSUER.replace('https://', 'http://'))[0].rule).toMatch(/^must start with https:\/\//);
  });

  it('role scope: storage-account or container', () => {
    expect(azureRoleScopeRule('f', 'container')).toEqual([]);
    expect(azureRoleScopeRule('f', undefined)).toEqual([]);
    expect(azureRoleScopeRule('f', 'resource-group')[0].rule).toBe('is not a role scope: use "storage-account" or "container"');
  });

  it('federated credential limit: 20 per identity', () => {
    expect(azureFederatedCredentialLimitRule('f', namespaces(20))).toEqual([]);
    expect(azureFederatedCredentialLimitRule('f', namespaces(21))).toHaveLength(1);
  });
});

const azureEntry = {
  name: 'azure-workload-identity',
  cloud: 'azure',
  identity: 'workload-identity',
  subscriptionId: SUBSCRIPTION,
  resourceGroupName: 'example-spaces-rg',
  location: 'eastus',
  oidcIssuerUrl: ISSUER,
  storageAccountId: ACCOUNT_ID,
  storageAccountName: 'examplespacesbilling',
  containerName: 'billing',
  controlPlaneNamespaces: ['mxp-ctp-alpha-system', 'mxp-ctp-beta-system'],
};
const document = (stacks: unknown[]) => ({ spaces: { version: '1.14.1', account: 'example-org' }, stacks });

const configProblems = (stacks: unknown[]) => problemsOfConfig(document(stacks));

function synthEntry(entry: Record<string, unknown>) {
  const config = parseConfig(document([entry]));
  const app = Testing.app();
  const stack = new SpacesBillingStack(app, config.stacks[0]);
  return parseStack(Testing.synth(stack));
}

describe('Azure stack', () => {
  it('configures azurerm with the subscription and outputs the client and principal IDs', () => {
    const out = synthEntry(azureEntry);
    const identityId = idOf(out, 'azurerm_user_assigned_identity');
    expect(out.json.provider.azurerm).toEqual([{ features: [{}], subscription_id: SUBSCRIPTION }]);
    expect(out.outputs()).toMatchObject({
      identity_client_id: `\${azurerm_user_assigned_identity.${identityId}.client_id}`,
      identity_principal_id: `\${azurerm_user_assigned_identity.${identityId}.principal_id}`,
    });
    expect(Object.keys(out.resources('azurerm_federated_identity_credential'))).toHaveLength(2);
    expect(out.json.provider.helm[0].kubernetes).toEqual({ config_path: '~/.kube/config' });
  });

  it('connects helm to the AKS cluster from its kube config with kubernetesFromCluster', () => {
    const out = synthEntry({ ...azureEntry, kubernetesFromCluster: true, clusterName: 'example-spaces-aks', clusterResourceGroupName: 'example-aks-rg' });
    const clusters = out.dataSources('azurerm_kubernetes_cluster');
    expect(clusters.AksCluster).toEqual({ name: 'example-spaces-aks', resource_group_name: 'example-aks-rg' });
    const kube = 'data.azurerm_kubernetes_cluster.AksCluster.kube_config[0]';
    expect(out.json.provider.helm[0].kubernetes).toEqual({
      host: `\${${kube}.host}`,
      client_certificate: `\${base64decode(${kube}.client_certificate)}`,
      client_key: `\${base64decode(${kube}.client_key)}`,
      cluster_ca_certificate: `\${base64decode(${kube}.cluster_ca_certificate)}`,
    });
  });

  it('fails on a config entry with a bad subscription ID and an unknown key', () => {
    expect(configProblems([{ ...azureEntry, subscriptionId: 'example-sub', storageAcountName: 'x' }])).toEqual([
      'stacks[0].storageAcountName: "storageAcountName" is not a known key (did you mean "storageAccountName"?)',
      'stacks[0].subscriptionId: "example-sub" is not an Azure subscription ID: use the UUID (for example 00000000-0000-0000-0000-000000000000, from az account show)',
    ]);
  });

  it('fails on two stacks creating the same managed identity in one resource group', () => {
    expect(configProblems([azureEntry, { ...azureEntry, name: 'azure-second', identityName: 'Billing-Identity' }])).toEqual([
      `stacks[1].identityName: "Billing-Identity" is the managed identity name stacks[0] also creates in resource group example-spaces-rg of subscription ${SUBSCRIPTION}: give one of them another identityName`,
    ]);
    expect(configProblems([azureEntry, { ...azureEntry, name: 'azure-second', identityName: 'billing-identity-2' }])).toEqual([]);
  });

  it('fails on 21 namespaces in a config entry, saying how to split them', () => {
    const problems = configProblems([{ ...azureEntry, controlPlaneNamespaces: namespaces(21) }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^stacks\[0\]\.controlPlaneNamespaces: "21 namespaces" need one federated identity credential each, over Azure's limit of 20/);
    expect(problems[0]).toContain('split the control planes across several identities');
  });
});
