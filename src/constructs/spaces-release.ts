import { Release } from '@cdktf/provider-helm/lib/release';
import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { chartVersionRule } from '../rules/chart-version';
import { Problem, throwIfProblems } from '../rules/problem';
import { ChartValues } from '../values/chart-values';
import { renderValuesYaml } from '../values/render';
import { spacesChartValues } from '../values/spaces-values';
import { BillingIdentity } from './billing-identity';

/** Where the Spaces chart is published. */
export const SPACES_CHART_REPOSITORY = 'oci://xpkg.upbound.io/spaces-artifacts';
export const SPACES_CHART_NAME = 'spaces';

export interface SpacesReleaseProps {
  /** The Spaces chart version, without a leading `v` (for example `1.14.1`). */
  readonly version: string;
  /** The Upbound organization (chart value `account`). */
  readonly account: string;
  /** The billing identity whose chart values the release carries. */
  readonly billing: BillingIdentity;
  /**
   * The namespace of the release.
   * @default "upbound-system"
   */
  readonly namespace?: string;
  /**
   * The release name.
   * @default "spaces"
   */
  readonly releaseName?: string;
  /**
   * Extra chart values, deep-merged with the billing values. A value that
   * contradicts a billing value is an error.
   * @default - none
   */
  readonly values?: ChartValues;
  /**
   * The user name for the chart registry.
   * @default - anonymous pull
   */
  readonly repositoryUsername?: string;
  /**
   * The password for the chart registry (sensitive: pass a variable, never a literal).
   * @default - anonymous pull
   */
  readonly repositoryPassword?: string;
  /**
   * Wait until every resource of the release is ready.
   * @default true
   */
  readonly wait?: boolean;
  /**
   * The time in seconds to wait for any individual Kubernetes operation.
   * @default 300
   */
  readonly timeout?: number;
  /**
   * Create the release namespace if it does not exist.
   * @default true
   */
  readonly createNamespace?: boolean;
  /**
   * The helm provider to use.
   * @default - the stack's default helm provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * The Upbound Spaces chart as a `helm_release`, carrying the billing values
 * of a workload identity as one YAML document (never `set` entries, which
 * would retype `"true"` and the empty string).
 */
export class SpacesRelease extends Construct {
  /** All chart values of the release. */
  public readonly values: ChartValues;
  /** The values as the YAML document passed to the release. */
  public readonly valuesYaml: string;
  public readonly release: Release;

  constructor(scope: Construct, id: string, props: SpacesReleaseProps) {
    super(scope, id);
    const problems: Problem[] = [...chartVersionRule('version', props.version)];
    if (typeof props.account !== 'string' || props.account.length === 0) {
      problems.push({ field: 'account', value: props.account, rule: 'must be your Upbound organization name' });
    }
    const merged = spacesChartValues({ account: props.account, billing: props.billing.billingValues, userValues: props.values });
    throwIfProblems([...problems, ...merged.problems], this.node.path);
    this.values = merged.values;
    this.valuesYaml = renderValuesYaml(this.values);

    this.release = new Release(this, 'Release', {
      provider: props.provider,
      name: props.releaseName ?? 'spaces',
      namespace: props.namespace ?? 'upbound-system',
      createNamespace: props.createNamespace ?? true,
      repository: SPACES_CHART_REPOSITORY,
      chart: SPACES_CHART_NAME,
      version: props.version,
      values: [this.valuesYaml],
      repositoryUsername: props.repositoryUsername,
      repositoryPassword: props.repositoryPassword,
      wait: props.wait ?? true,
      timeout: props.timeout ?? 300,
    });
  }
}
