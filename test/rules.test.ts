import { describe, expect, it } from 'vitest';
import { Token } from 'cdktf';
import { Problem, formatProblem } from '../src/rules/problem';
import { namespaceListRule, namespaceRule } from '../src/rules/namespace';
import { namespacePatternRule } from '../src/rules/namespace-pattern';
import { s3BucketNameRule } from '../src/rules/s3-bucket-name';
import { awsAccountIdRule } from '../src/rules/aws-account-id';
import { awsRegionRule } from '../src/rules/aws-region';
import { awsPartitionRule } from '../src/rules/aws-partition';
import { arnRule } from '../src/rules/aws-arn';
import { iamRoleNameRule } from '../src/rules/iam-role-name';
import { iamRolePathRule } from '../src/rules/iam-role-path';
import { oidcIssuerUrlRule } from '../src/rules/oidc-issuer-url';
import { chartVersionRule } from '../src/rules/chart-version';
import { stackNameRule } from '../src/rules/stack-name';
import { kubernetesConnectionRule } from '../src/rules/kubernetes-connection';
import { eksClusterNameRule } from '../src/rules/eks-cluster-name';
import { podIdentityAssociationLimitRule } from '../src/rules/pod-identity-association-limit';
import { azureStorageAccountNameRule } from '../src/rules/azure-storage-account-name';
import { azureContainerNameRule } from '../src/rules/azure-container-name';
import { azureStorageAccountIdRule } from '../src/rules/azure-resource-id';
import { azureManagedIdentityNameRule } from '../src/rules/azure-managed-identity-name';
import { azureResourceGroupNameRule } from '../src/rules/azure-resource-group-name';
import { azureUuidRule } from '../src/rules/azure-uuid';
import { azureRoleScopeRule } from '../src/rules/azure-role-scope';
import { azureAksIssuerUrlRule } from '../src/rules/azure-aks-issuer-url';
import { azureFederatedCredentialLimitRule } from '../src/rules/azure-federated-credential-limit';
import { gcsBucketNameRule } from '../src/rules/gcs-bucket-name';
import { gcpProjectIdRule } from '../src/rules/gcp-project-id';
import { gcpProjectNumberRule } from '../src/rules/gcp-project-number';
import { gcpRegionRule } from '../src/rules/gcp-region';
import { gcpIamRoleRule } from '../src/rules/gcp-iam-role';
import { googleServiceAccountIdRule } from '../src/rules/google-service-account-id';
import { namespacesThatFit, trustPolicyMaxLengthRule, trustPolicySizeRule } from '../src/rules/trust-policy-size';

/** A rejection: the rule's problems, the field and value the message must name, and a fragment of the rule. */
type Rejection = [label: string, problems: () => Problem[], field: string, value: unknown, rule: RegExp];

const rejections: Rejection[] = [
  ['namespace with uppercase', () => namespaceRule('ns', 'MXP-A-system'), 'ns', 'MXP-A-system', /lowercase RFC 1123 label/],
  ['namespace with underscore', () => namespaceRule('ns', 'mxp_a_system'), 'ns', 'mxp_a_system', /lowercase RFC 1123 label/],
  ['namespace with a leading hyphen', () => namespaceRule('ns', '-mxp-a'), 'ns', '-mxp-a', /starting and ending with a letter or digit/],
  ['namespace with a trailing hyphen', () => namespaceRule('ns', 'mxp-a-'), 'ns', 'mxp-a-', /starting and ending with a letter or digit/],
  ['namespace longer than 63', () => namespaceRule('ns', 'a'.repeat(64)), 'ns', 'a'.repeat(64), /64 characters long: a namespace name is at most 63/],
  ['empty namespace', () => namespaceRule('ns', ''), 'ns', '', /is empty/],
  ['namespace with surrounding whitespace', () => namespaceRule('ns', ' mxp-a-system'), 'ns', ' mxp-a-system', /surrounding whitespace/],
  ['empty namespace list', () => namespaceListRule('controlPlaneNamespaces', []), 'controlPlaneNamespaces', [], /is empty: list at least one/],
  ['namespace listed twice', () => namespaceListRule('cp', ['mxp-a-system', 'mxp-b-system', 'mxp-a-system']), 'cp[2]', 'mxp-a-system', /listed twice \(first at cp\[0\]\)/],
  ['namespace pattern without wildcard', () => namespacePatternRule('namespacePattern', 'mxp-a-system'), 'namespacePattern', 'mxp-a-system', /has no wildcard/],
  ['namespace pattern matching everything', () => namespacePatternRule('namespacePattern', '*'), 'namespacePattern', '*', /matches every namespace/],
  ['S3 bucket name too short', () => s3BucketNameRule('bucketName', 'ab'), 'bucketName', 'ab', /3 to 63 characters/],
  ['S3 bucket name too long', () => s3BucketNameRule('bucketName', 'a'.repeat(64)), 'bucketName', 'a'.repeat(64), /3 to 63 characters/],
  ['S3 bucket name with uppercase', () => s3BucketNameRule('bucketName', 'Example-Bucket'), 'bucketName', 'Example-Bucket', /lowercase letters, digits/],
  ['S3 bucket name as an IP address', () => s3BucketNameRule('bucketName', '192.168.5.4'), 'bucketName', '192.168.5.4', /IP address/],
  ['S3 bucket name with xn-- prefix', () => s3BucketNameRule('bucketName', 'xn--billing'), 'bucketName', 'xn--billing', /"xn--"/],
  ['S3 bucket name with -s3alias suffix', () => s3BucketNameRule('bucketName', 'billing-s3alias'), 'bucketName', 'billing-s3alias', /"-s3alias"/],
  ['S3 bucket name with adjacent periods', () => s3BucketNameRule('bucketName', 'a..b'), 'bucketName', 'a..b', /two periods/],
  ['AWS account ID of 11 digits', () => awsAccountIdRule('accountId', '12345678901'), 'accountId', '12345678901', /exactly 12 digits/],
  ['AWS account ID as a number', () => awsAccountIdRule('accountId', 123456789012), 'accountId', 123456789012, /quoted as a string/],
  ['AWS region', () => awsRegionRule('region', 'us-east'), 'region', 'us-east', /not an AWS region code/],
  ['AWS partition unknown', () => awsPartitionRule('partition', 'aws-iso'), 'partition', 'aws-iso', /use one of aws, aws-cn, aws-us-gov/],
  ['AWS partition not matching the region', () => awsPartitionRule('partition', 'aws', 'cn-north-1'), 'partition', 'aws', /region "cn-north-1", which is in partition "aws-cn"/],
  ['IAM role name longer than 64', () => iamRoleNameRule('roleName', 'r'.repeat(65)), 'roleName', 'r'.repeat(65), /1 to 64 characters/],
  ['IAM role name with a space', () => iamRoleNameRule('roleName', 'spaces billing'), 'roleName', 'spaces billing', /letters, digits and \+=,\.@_-/],
  ['IAM role path without slashes', () => iamRolePathRule('rolePath', 'spaces'), 'rolePath', 'spaces', /starts and ends with "\/"/],
  ['IAM role path without the trailing slash', () => iamRolePathRule('rolePath', '/spaces'), 'rolePath', '/spaces', /starts and ends with "\/"/],
  ['role ARN shape', () => arnRule('roleArn', 'arn:aws:iam::123456789012:user/x', 'IAM role'), 'roleArn', 'arn:aws:iam::123456789012:user/x', /not a valid IAM role ARN/],
  ['KMS alias instead of a key ARN', () => arnRule('kmsKeyArn', 'arn:aws:kms:us-east-1:123456789012:alias/billing', 'KMS key'), 'kmsKeyArn', 'arn:aws:kms:us-east-1:123456789012:alias/billing', /not a valid KMS key ARN/],
  ['permissions boundary ARN', () => arnRule('permissionsBoundaryArn', 'boundary', 'IAM policy'), 'permissionsBoundaryArn', 'boundary', /not a valid IAM policy ARN/],
  ['OIDC provider ARN', () => arnRule('oidcProviderArn', 'arn:aws:iam::123456789012:role/x', 'IAM OIDC provider'), 'oidcProviderArn', 'arn:aws:iam::123456789012:role/x', /not a valid IAM OIDC provider ARN/],
  ['OIDC issuer over http', () => oidcIssuerUrlRule('oidcIssuerUrl', 'http://oidc.eks.us-east-1.amazonaws.com/id/X'), 'oidcIssuerUrl', 'http://oidc.eks.us-east-1.amazonaws.com/id/X', /must start with https:\/\//],
  ['EKS issuer with a trailing slash', () => oidcIssuerUrlRule('oidcIssuerUrl', 'https://oidc.eks.us-east-1.amazonaws.com/id/X/', { noTrailingSlash: true }), 'oidcIssuerUrl', 'https://oidc.eks.us-east-1.amazonaws.com/id/X/', /ends with "\/"/],
  ['chart version with a leading v', () => chartVersionRule('spaces.version', 'v1.14.1'), 'spaces.version', 'v1.14.1', /leading "v": chart versions have none, use "1.14.1"/],
  ['chart version not semver', () => chartVersionRule('spaces.version', 'latest'), 'spaces.version', 'latest', /not a semantic version/],
  ['stack name with a slash', () => stackNameRule('name', 'aws/irsa'), 'name', 'aws/irsa', /not a stack name/],
  ['kubernetesFromCluster without clusterName', () => kubernetesConnectionRule('s', { kubernetesFromCluster: true }), 's.clusterName', undefined, /required with kubernetesFromCluster/],
  ['trust policy quota out of range', () => trustPolicyMaxLengthRule('trustPolicyMaxLength', 8192), 'trustPolicyMaxLength', 8192, /2048 to 4096/],
  ['EKS cluster name with a leading hyphen', () => eksClusterNameRule('clusterName', '-spaces'), 'clusterName', '-spaces', /not a valid EKS cluster name/],
  ['Pod Identity associations over the cluster quota', () => podIdentityAssociationLimitRule('controlPlaneNamespaces', Array.from({ length: 5001 }, (_, i) => `mxp-${i}-system`)), 'controlPlaneNamespaces', '5001 namespaces', /over the quota of 5000 per cluster/],
  ['Azure storage account name with a hyphen', () => azureStorageAccountNameRule('storageAccountName', 'example-billing'), 'storageAccountName', 'example-billing', /only lowercase letters and digits/],
  ['Azure storage account name longer than 24', () => azureStorageAccountNameRule('storageAccountName', 'a'.repeat(25)), 'storageAccountName', 'a'.repeat(25), /3 to 24 characters/],
  ['Azure container name as a URL', () => azureContainerNameRule('containerName', 'https://x.blob.core.windows.net/billing'), 'containerName', 'https://x.blob.core.windows.net/billing', /not its https:\/\/ URL/],
  ['Azure container name with "--"', () => azureContainerNameRule('containerName', 'bill--ing'), 'containerName', 'bill--ing', /two "-" may not be adjacent/],
  ['Azure storage account ID as a URL', () => azureStorageAccountIdRule('storageAccountId', 'https://examplespacesbilling.blob.core.windows.net'), 'storageAccountId', 'https://examplespacesbilling.blob.core.windows.net', /is a URL: use the storage account's ARM ID/],
  ['Azure storage account ID of another account', () => azureStorageAccountIdRule('storageAccountId', '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/other', 'examplespacesbilling'), 'storageAccountId', '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/other', /names storage account "other", not storageAccountName "examplespacesbilling"/],
  ['Azure managed identity name with a dot', () => azureManagedIdentityNameRule('identityName', 'billing.identity'), 'identityName', 'billing.identity', /not a valid managed identity name/],
  ['Azure resource group ending with a dot', () => azureResourceGroupNameRule('resourceGroupName', 'spaces.'), 'resourceGroupName', 'spaces.', /not ending with "\."/],
  ['Azure subscription ID', () => azureUuidRule('subscriptionId', 'my-subscription', 'subscription ID'), 'subscriptionId', 'my-subscription', /not an Azure subscription ID/],
  ['Azure role scope', () => azureRoleScopeRule('roleScope', 'blob'), 'roleScope', 'blob', /not a role scope/],
  ['AKS issuer without its trailing slash', () => azureAksIssuerUrlRule('oidcIssuerUrl', 'https://eastus.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111'), 'oidcIssuerUrl', 'https://eastus.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111', /lacks the trailing "\/"/],
  ['Azure federated credentials over 20 per identity', () => azureFederatedCredentialLimitRule('controlPlaneNamespaces', Array.from({ length: 21 }, (_, i) => `mxp-${i}-system`)), 'controlPlaneNamespaces', '21 namespaces', /over Azure's limit of 20 per managed identity/],
  ['GCS bucket name with "google"', () => gcsBucketNameRule('bucketName', 'my-google-billing'), 'bucketName', 'my-google-billing', /may not contain "google"/],
  ['GCS bucket name with uppercase', () => gcsBucketNameRule('bucketName', 'Billing'), 'bucketName', 'Billing', /not a valid Cloud Storage bucket name/],
  ['GCP project ID given as a number', () => gcpProjectIdRule('projectId', '123456789012'), 'projectId', '123456789012', /is a project number/],
  ['GCP project ID too short', () => gcpProjectIdRule('projectId', 'abc'), 'projectId', 'abc', /6 to 30 characters/],
  ['GCP project number with letters', () => gcpProjectNumberRule('projectNumber', 'example-spaces-project'), 'projectNumber', 'example-spaces-project', /not a Google Cloud project number/],
  ['GCP region given as a zone', () => gcpRegionRule('region', 'us-central1-a'), 'region', 'us-central1-a', /is a zone: give its region \("us-central1"\)/],
  ['GCP IAM role without roles/', () => gcpIamRoleRule('role', 'storage.objectAdmin'), 'role', 'storage.objectAdmin', /not an IAM role name/],
  ['Google service account ID as an e-mail', () => googleServiceAccountIdRule('serviceAccountId', 'billing-sa@example-spaces-project.iam.gserviceaccount.com'), 'serviceAccountId', 'billing-sa@example-spaces-project.iam.gserviceaccount.com', /is an e-mail address/],
  ['Google service account ID too short', () => googleServiceAccountIdRule('serviceAccountId', 'sa'), 'serviceAccountId', 'sa', /6 to 30 characters/],
];

describe('rules reject bad input, naming the field, the value and the rule', () => {
  it.each(rejections)('fails on %s', (_label, problems, field, value, rule) => {
    const found = problems();
    expect(found).toHaveLength(1);
    expect(found[0].field).toBe(field);
    expect(found[0].value).toEqual(value);
    expect(found[0].rule).toMatch(rule);
    const line = formatProblem(found[0]);
    expect(line.startsWith(`${field}: ${value === undefined ? '(missing)' : JSON.stringify(value)} `)).toBe(true);
  });
});

const acceptances: Array<[label: string, problems: () => Problem[]]> = [
  ['namespace', () => namespaceRule('ns', 'mxp-3f2b1c4d-0000-4000-8000-000000000000-system')],
  ['namespace of one character', () => namespaceRule('ns', 'a')],
  ['namespace list', () => namespaceListRule('cp', ['mxp-a-system', 'mxp-b-system'])],
  ['empty list with a pattern', () => namespaceListRule('cp', [], { allowEmpty: true })],
  ['namespace pattern', () => namespacePatternRule('p', 'mxp-*-system')],
  ['S3 bucket name with dots', () => s3BucketNameRule('b', 'example.spaces.billing')],
  ['AWS account ID', () => awsAccountIdRule('a', '012345678901')],
  ...['us-east-1', 'eu-central-2', 'cn-north-1', 'us-gov-west-1', 'ap-southeast-5'].map((r): [string, () => Problem[]] => [`region ${r}`, () => awsRegionRule('r', r)]),
  ['partition matching a GovCloud region', () => awsPartitionRule('p', 'aws-us-gov', 'us-gov-east-1')],
  ['IAM role name of 64', () => iamRoleNameRule('n', 'r'.repeat(64))],
  ['IAM role path /', () => iamRolePathRule('p', '/')],
  ['IAM role path /a/b/', () => iamRolePathRule('p', '/a/b/')],
  ['KMS key ARN', () => arnRule('k', 'arn:aws-cn:kms:cn-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab', 'KMS key')],
  ['AWS managed boundary', () => arnRule('b', 'arn:aws:iam::aws:policy/PowerUserAccess', 'IAM policy')],
  ['EKS issuer', () => oidcIssuerUrlRule('i', 'https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE', { noTrailingSlash: true })],
  ['AKS issuer with a trailing slash', () => oidcIssuerUrlRule('i', 'https://eastus.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111/')],
  ['chart version', () => chartVersionRule('v', '1.14.1-rc.1')],
  ['stack name', () => stackNameRule('n', 'aws-irsa_eu')],
  ['trust policy quota 4096', () => trustPolicyMaxLengthRule('t', 4096)],
  ['EKS cluster name', () => eksClusterNameRule('c', 'spaces_example-1')],
  ['5000 Pod Identity associations', () => podIdentityAssociationLimitRule('c', Array.from({ length: 5000 }, (_, i) => `mxp-${i}-system`))],
  ['Azure storage account name', () => azureStorageAccountNameRule('s', 'examplespacesbilling')],
  ['Azure container name', () => azureContainerNameRule('c', 'billing-data')],
  ['Azure storage account ID', () => azureStorageAccountIdRule('i', '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/example-spaces-rg/providers/Microsoft.Storage/storageAccounts/examplespacesbilling', 'examplespacesbilling')],
  ['Azure managed identity name', () => azureManagedIdentityNameRule('n', 'billing-identity')],
  ['Azure resource group name', () => azureResourceGroupNameRule('g', 'example-spaces-rg')],
  ['Azure tenant ID', () => azureUuidRule('t', '11111111-1111-1111-1111-111111111111', 'tenant ID')],
  ['Azure role scope container', () => azureRoleScopeRule('r', 'container')],
  ['AKS issuer', () => azureAksIssuerUrlRule('i', 'https://eastus.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111/')],
  ['20 Azure federated credentials', () => azureFederatedCredentialLimitRule('c', Array.from({ length: 20 }, (_, i) => `mxp-${i}-system`))],
  ['GCS bucket name with dots', () => gcsBucketNameRule('b', 'billing.example.com')],
  ['GCP project ID', () => gcpProjectIdRule('p', 'example-spaces-project')],
  ['GCP project number', () => gcpProjectNumberRule('n', '123456789012')],
  ['GCP region', () => gcpRegionRule('r', 'europe-west4')],
  ['GCP zone where a zone is allowed', () => gcpRegionRule('r', 'us-central1-a', { allowZone: true })],
  ['GCP custom role', () => gcpIamRoleRule('r', 'projects/example-spaces-project/roles/billingWriter')],
  ['Google service account ID', () => googleServiceAccountIdRule('s', 'billing-sa')],
];

describe('rules accept good input', () => {
  it.each(acceptances)('accepts %s', (_label, problems) => {
    expect(problems()).toEqual([]);
  });

  it('leaves tokens to apply time', () => {
    const token = Token.asString({ toString: () => 'x' } as never);
    expect(s3BucketNameRule('b', token)).toEqual([]);
    expect(oidcIssuerUrlRule('i', token)).toEqual([]);
    expect(awsAccountIdRule('a', token)).toEqual([]);
  });

  it('rejects a token namespace: logical IDs derive from namespaces', () => {
    const token = Token.asString({ toString: () => 'x' } as never);
    expect(namespaceRule('ns', token)[0].rule).toMatch(/is a token/);
  });
});

describe('trust policy size', () => {
  const lengthFor = (n: number) => 200 + 50 * n;

  it('counts the namespaces that fit', () => {
    expect(namespacesThatFit(lengthFor, 2048)).toBe(36);
    expect(namespacesThatFit(lengthFor, 4096)).toBe(77);
  });

  it('fails over the quota with the length, the count that fits and the ways out', () => {
    const [problem] = trustPolicySizeRule('controlPlaneNamespaces', { lengthFor, namespaceCount: 40, maxLength: 2048 });
    expect(problem.field).toBe('controlPlaneNamespaces');
    expect(problem.value).toBe('40 namespaces');
    expect(problem.rule).toBe(
      'make a trust policy of 2200 characters, over the limit of 2048: 36 namespaces fit; raise the quota (up to 4096) and set trustPolicyMaxLength, use namespacePattern, or use EKS Pod Identity',
    );
  });

  it('does not offer to raise a quota that is at its ceiling', () => {
    const [problem] = trustPolicySizeRule('cp', { lengthFor, namespaceCount: 80, maxLength: 4096 });
    expect(problem.rule).not.toContain('raise the quota');
  });

  it('accepts a policy at the limit exactly', () => {
    expect(trustPolicySizeRule('cp', { lengthFor: () => 2048, namespaceCount: 1, maxLength: 2048 })).toEqual([]);
  });
});
