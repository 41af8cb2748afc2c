import { HelmProvider, HelmProviderKubernetes } from '@cdktf/provider-helm/lib/provider';
import { LocalBackend, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { StackEntry } from '../config/config';
import { SpacesRelease } from '../constructs/spaces-release';
import { throwIfProblems } from '../rules/problem';
import { ChartValues } from '../values/chart-values';
import { renderHelmFlags, renderValuesYaml } from '../values/render';
import { controlPlaneCommands, spacesChartValues } from '../values/spaces-values';
import { STACK_BUILDERS } from './builders';

/** The Kubernetes connection settings every stack entry may carry. */
interface KubernetesSettings {
  readonly kubeconfigPath?: string;
  readonly kubeconfigContext?: string;
  readonly kubernetesFromCluster?: boolean;
}

export interface SpacesBillingStackOptions {
  /**
   * Adds the stack's Terraform backend (for example an S3Backend for shared state).
   * @default - a LocalBackend at `../../../terraform.<stack>.tfstate`: the project folder, seen from cdktf.out/stacks/<stack>
   */
  readonly backend?: (stack: TerraformStack) => void;
}

/**
 * One stack per config entry: the cloud provider, the billing identity, the
 * Spaces release (unless `manageRelease: false`) and the outputs a user needs
 * to install or check the wiring by hand.
 */
export class SpacesBillingStack extends TerraformStack {
  constructor(scope: Construct, entry: StackEntry, options: SpacesBillingStackOptions = {}) {
    super(scope, entry.name);
    if (options.backend) options.backend(this);
    // A relative state path: cdktf's default is this machine's absolute working directory. From
    // cdktf.out/stacks/<name>, where Terraform runs, it is the project folder, as by default.
    else new LocalBackend(this, { path: `../../../terraform.${entry.name}.tfstate` });
    const builder = STACK_BUILDERS[entry.kind];
    if (!builder) throw new Error(`no stack builder for ${entry.kind}`);
    const built = builder(this, entry.props);
    const { identity } = built;
    const spaces = entry.spaces;
    const userValues = (spaces.values ?? {}) as ChartValues;

    // Check the user values here, where the field they came from is known.
    const valuesField = (entry.props.spaces as { values?: unknown } | undefined)?.values !== undefined ? `stacks[${entry.index}].spaces.values` : 'spaces.values';
    const merged = spacesChartValues({ account: spaces.account, billing: identity.billingValues, userValues, userValuesField: valuesField });
    throwIfProblems(merged.problems, entry.name);
    const values = merged.values;

    if (spaces.manageRelease !== false) {
      const settings = entry.props as KubernetesSettings;
      const kubernetes: HelmProviderKubernetes = settings.kubernetesFromCluster
        ? built.clusterConnection()
        : { configPath: settings.kubeconfigPath ?? '~/.kube/config', configContext: settings.kubeconfigContext };
      new HelmProvider(this, 'helm', { kubernetes });
      const password =
        spaces.repositoryUsername !== undefined
          ? new TerraformVariable(this, 'spaces_repository_password', {
              type: 'string',
              sensitive: true,
              description: `Password or token of ${spaces.repositoryUsername} for the Spaces chart registry`,
            }).stringValue
          : undefined;
      new SpacesRelease(this, 'Spaces', {
        version: spaces.version,
        account: spaces.account,
        billing: identity,
        namespace: spaces.namespace,
        releaseName: spaces.releaseName,
        values: userValues,
        repositoryUsername: spaces.repositoryUsername,
        repositoryPassword: password,
        wait: spaces.wait,
        timeout: spaces.timeout,
        createNamespace: spaces.createNamespace,
      });
    }

    for (const [name, output] of Object.entries(built.outputs)) {
      new TerraformOutput(this, name, { value: output.value, description: output.description });
    }
    new TerraformOutput(this, 'helm_values_yaml', {
      value: renderValuesYaml(values),
      description: 'The Spaces chart values for billing, as a values.yaml file (helm upgrade --install -f)',
    });
    new TerraformOutput(this, 'helm_set_flags', {
      value: renderHelmFlags(values),
      description: 'The same values as helm CLI flags',
    });
    new TerraformOutput(this, 'control_plane_commands', {
      value: controlPlaneCommands(identity.controlPlaneNamespaces, values, identity.verifyCommand),
      description: 'Per control plane namespace: the command that shows the vector service account, and the restart that makes vector pick up its identity',
    });
  }
}
