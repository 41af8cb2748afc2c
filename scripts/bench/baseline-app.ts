/**
 * Benchmark fixture only (not part of the library, not run by CI).
 *
 * A cdktf app that builds the same IRSA stack as the library's `aws/irsa`
 * entry (same construct IDs, resources, providers and outputs) but imports
 * the provider bindings from the packages' root, as generated code and most
 * examples do. Root imports load every binding of the provider (thousands of
 * modules for AWS); `npm run bench` compares the library's synth against it.
 *
 * It reads the first `aws/irsa` entry of $SPACES_IDENTITY_CONFIG (default:
 * the embedded example) and supports the shape the example uses: plain
 * `accountId` and `oidcIssuerUrl`, no namespace pattern, a managed release
 * with the kubeconfig connection. It reuses the library's pure policy and
 * values functions so that its output can be compared with the library's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { parse } from 'yaml';
import { irsaTrustPolicy, issuerHostPath, oidcProviderArn } from '../../src/aws/irsa-trust-policy';
import { AwsPartition, partitionForRegion } from '../../src/aws/partition';
import { policyJson } from '../../src/aws/policy-document';
import { s3AccessPolicy } from '../../src/aws/s3-access-policy';
import { renderHelmFlags, renderValuesYaml } from '../../src/values/render';
import { controlPlaneCommands, spacesChartValues } from '../../src/values/spaces-values';
import { ChartValues } from '../../src/values/chart-values';

// The root imports, `import { provider, iamRole, iamRolePolicy } from '@cdktf/provider-aws'`
// compiled to CommonJS: the same require() of each package root at run time. Spelled as a typed
// require so that the type checker reads only the few bindings used, not the declarations of
// every AWS resource (700k lines; they would slow every `tsc` run of the project by seconds).
const { provider: awsProvider, iamRole, iamRolePolicy } = require('@cdktf/provider-aws') as {
  provider: typeof import('@cdktf/provider-aws/lib/provider');
  iamRole: typeof import('@cdktf/provider-aws/lib/iam-role');
  iamRolePolicy: typeof import('@cdktf/provider-aws/lib/iam-role-policy');
};
const { provider: helmProvider, release } = require('@cdktf/provider-helm') as {
  provider: typeof import('@cdktf/provider-helm/lib/provider');
  release: typeof import('@cdktf/provider-helm/lib/release');
};

interface IrsaEntry {
  name: string;
  region: string;
  accountId: string;
  oidcIssuerUrl: string;
  bucketName: string;
  controlPlaneNamespaces: string[];
  roleName?: string;
  partition?: AwsPartition;
  allowDeleteObject?: boolean;
  kmsKeyArn?: string;
  kubeconfigPath?: string;
  kubeconfigContext?: string;
  tags?: Record<string, string>;
  spaces?: Record<string, unknown>;
}

interface SpacesSettings {
  version: string;
  account: string;
  namespace?: string;
  releaseName?: string;
  values?: ChartValues;
  wait?: boolean;
  timeout?: number;
  createNamespace?: boolean;
}

function readEntry(): { entry: IrsaEntry; spaces: SpacesSettings } {
  const file = process.env.SPACES_IDENTITY_CONFIG || path.join(__dirname, '..', '..', 'examples', 'spaces-identity.yaml');
  const document = parse(fs.readFileSync(file, 'utf8')) as { spaces: SpacesSettings; stacks: Array<Record<string, unknown>> };
  const raw = document.stacks.find((s) => s.cloud === 'aws' && s.identity === 'irsa');
  if (!raw) throw new Error(`${file}: no aws/irsa stack entry for the baseline`);
  const entry = raw as unknown as IrsaEntry;
  for (const key of ['accountId', 'oidcIssuerUrl', 'controlPlaneNamespaces'] as const) {
    if (entry[key] === undefined) throw new Error(`${file}: the baseline needs ${key} on the aws/irsa entry`);
  }
  return { entry, spaces: { ...document.spaces, ...(entry.spaces ?? {}) } as SpacesSettings };
}

class BaselineIrsaStack extends TerraformStack {
  constructor(scope: Construct, entry: IrsaEntry, spaces: SpacesSettings) {
    super(scope, entry.name);
    new LocalBackend(this, { path: `../../../terraform.${entry.name}.tfstate` });
    new awsProvider.AwsProvider(this, 'aws', { region: entry.region, allowedAccountIds: [entry.accountId] });

    const partition = entry.partition ?? partitionForRegion(entry.region) ?? 'aws';
    const hostPath = issuerHostPath(entry.oidcIssuerUrl);
    const namespaces = [...entry.controlPlaneNamespaces].sort();
    const identity = new Construct(this, 'BillingIdentity');
    const billingRole = new Construct(identity, 'BillingRole');
    const role = new iamRole.IamRole(billingRole, 'Role', {
      name: entry.roleName ?? 'spaces-billing',
      description: 'Upbound Spaces billing (vector) through IRSA',
      assumeRolePolicy: policyJson(
        irsaTrustPolicy({ oidcProviderArn: oidcProviderArn(partition, entry.accountId, hostPath), issuerHostPath: hostPath, namespaces }),
      ),
      tags: entry.tags,
    });
    new iamRolePolicy.IamRolePolicy(billingRole, 'S3Access', {
      name: 'spaces-billing-s3',
      role: role.id,
      policy: policyJson(s3AccessPolicy({ partition, bucketName: entry.bucketName, allowDeleteObject: entry.allowDeleteObject, kmsKeyArn: entry.kmsKeyArn })),
    });

    const merged = spacesChartValues({
      account: spaces.account,
      billing: {
        storage: { provider: 'aws', region: entry.region, bucket: entry.bucketName },
        serviceAccountAnnotations: { 'eks.amazonaws.com/role-arn': role.arn },
        podLabels: {},
      },
      userValues: spaces.values ?? {},
    });
    if (merged.problems.length > 0) throw new Error(`baseline: ${JSON.stringify(merged.problems)}`);
    const values = merged.values;
    const valuesYaml = renderValuesYaml(values);

    new helmProvider.HelmProvider(this, 'helm', {
      kubernetes: { configPath: entry.kubeconfigPath ?? '~/.kube/config', configContext: entry.kubeconfigContext },
    });
    const spacesRelease = new Construct(this, 'Spaces');
    new release.Release(spacesRelease, 'Release', {
      name: spaces.releaseName ?? 'spaces',
      namespace: spaces.namespace ?? 'upbound-system',
      createNamespace: spaces.createNamespace ?? true,
      repository: 'oci://xpkg.upbound.io/spaces-artifacts',
      chart: 'spaces',
      version: spaces.version,
      values: [valuesYaml],
      wait: spaces.wait ?? true,
      timeout: spaces.timeout ?? 300,
    });

    new TerraformOutput(this, 'role_arn', { value: role.arn, description: 'The IAM role the billing component (vector) assumes through IRSA' });
    new TerraformOutput(this, 'helm_values_yaml', {
      value: valuesYaml,
      description: 'The Spaces chart values for billing, as a values.yaml file (helm upgrade --install -f)',
    });
    new TerraformOutput(this, 'helm_set_flags', { value: renderHelmFlags(values), description: 'The same values as helm CLI flags' });
    new TerraformOutput(this, 'control_plane_commands', {
      value: controlPlaneCommands(namespaces, values),
      description:
        'Per control plane namespace: the command that shows the vector service account, and the restart that makes vector pick up its identity',
    });
  }
}

const { entry, spaces } = readEntry();
const app = new App();
new BaselineIrsaStack(app, entry, spaces);
app.synth();
