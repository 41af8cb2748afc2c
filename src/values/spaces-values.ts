import { BILLING_COMPONENT, WorkloadComponent } from '../component';
import { Problem } from '../rules/problem';
import { BillingValues, ChartValues, billingChartValues, getPath } from './chart-values';
import { mergeOwnedValues } from './merge';

export interface SpacesValuesInput {
  /** The Upbound organization (chart value `account`). */
  readonly account: string;
  readonly billing: BillingValues;
  /** Extra user values, deep-merged; they may not contradict the owned ones. */
  readonly userValues?: ChartValues;
  /** The field name of the user values in messages. */
  readonly userValuesField?: string;
}

/** All chart values of a Spaces release with billing through workload identity. */
export function spacesChartValues(input: SpacesValuesInput): { values: ChartValues; problems: Problem[] } {
  const owned: ChartValues = { account: input.account, ...billingChartValues(input.billing) };
  return mergeOwnedValues(owned, input.userValues ?? {}, input.userValuesField ?? 'values');
}

/**
 * The kind of Kubernetes workload that runs the component's pods under these
 * values: the chart makes Vector a StatefulSet when persistence is enabled.
 */
export function componentWorkloadKind(values: ChartValues, component: WorkloadComponent = BILLING_COMPONENT): 'deployment' | 'statefulset' {
  if (component.statefulWhenPath && getPath(values, component.statefulWhenPath) === true) return 'statefulset';
  return 'deployment';
}

/** Per namespace, the commands to check the wiring and to restart the component so it picks it up. */
export function controlPlaneCommands(
  namespaces: readonly string[],
  values: ChartValues,
  verifyCommand?: (namespace: string) => string,
  component: WorkloadComponent = BILLING_COMPONENT,
): Record<string, { verify: string; restart: string }> {
  const kind = componentWorkloadKind(values, component);
  const verify = verifyCommand ?? ((ns: string) => `kubectl get serviceaccount ${component.serviceAccountName} -n ${ns} -o yaml`);
  return Object.fromEntries(
    [...namespaces].sort().map((ns) => [
      ns,
      {
        verify: verify(ns),
        restart: `kubectl -n ${ns} rollout restart ${kind} ${component.workloadName}`,
      },
    ]),
  );
}
