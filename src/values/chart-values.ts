import { BILLING_COMPONENT, WorkloadComponent } from '../component';

/** A chart value: what a Helm values file can hold. */
export type ChartValue = string | number | boolean | null | ChartValue[] | ChartValues;
/** A tree of chart values, as in a values.yaml file. */
export interface ChartValues {
  [key: string]: ChartValue;
}

/** The object storage providers the billing component supports. */
export type BillingStorageProvider = 'aws' | 'azure' | 'gcp';

/** Where the billing component uploads usage data. */
export type BillingStorage =
  | { readonly provider: 'aws'; readonly region: string; readonly bucket: string }
  | { readonly provider: 'azure'; readonly storageAccount: string; readonly container: string }
  | { readonly provider: 'gcp'; readonly bucket: string };

/**
 * What an identity construct contributes to the chart: the storage target, and
 * the service account annotations and pod labels that bind `vector` to the
 * cloud identity. Values may be tokens (a role ARN, a client ID).
 */
export interface BillingValues {
  readonly storage: BillingStorage;
  readonly serviceAccountAnnotations: Readonly<Record<string, string>>;
  readonly podLabels: Readonly<Record<string, string>>;
}

/**
 * The chart values for billing through workload identity.
 *
 * `billing.storage.secretRef.name` is always the empty string: the chart's
 * default (`billing-storage`) makes Vector read static credentials from a
 * Secret, which is what workload identity replaces.
 */
export function billingChartValues(billing: BillingValues, component: WorkloadComponent = BILLING_COMPONENT): ChartValues {
  const { provider, ...target } = billing.storage;
  const values: ChartValues = {
    billing: {
      enabled: true,
      storage: {
        provider,
        [provider]: { ...target },
        secretRef: { name: '' },
      },
    },
  };
  if (Object.keys(billing.serviceAccountAnnotations).length > 0) {
    setPath(values, component.serviceAccountAnnotationsPath, sortedRecord(billing.serviceAccountAnnotations));
  }
  if (Object.keys(billing.podLabels).length > 0) {
    setPath(values, component.podLabelsPath, sortedRecord(billing.podLabels));
  }
  return values;
}

/** True for a plain object of chart values (not a list, not a scalar). */
export function isChartValues(value: unknown): value is ChartValues {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a path, or undefined. */
export function getPath(values: ChartValues, path: readonly string[]): ChartValue | undefined {
  let node: ChartValue | undefined = values;
  for (const key of path) {
    if (!isChartValues(node) || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

function setPath(values: ChartValues, path: readonly string[], value: ChartValue): void {
  let node = values;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (!isChartValues(next)) node[key] = {};
    node = node[key] as ChartValues;
  }
  node[path[path.length - 1]] = value;
}

function sortedRecord(record: Readonly<Record<string, string>>): ChartValues {
  return Object.fromEntries(Object.keys(record).sort().map((k) => [k, record[k]]));
}

/** One leaf of a values tree: its key path and its value. */
export interface ChartValueLeaf {
  readonly path: readonly string[];
  readonly value: ChartValue;
}

/**
 * The leaves of a values tree, depth first. Lists and empty objects are leaves.
 * Objects at `stopAt` paths (free-form maps such as annotations) are expanded
 * one level and no further.
 */
export function chartValueLeaves(values: ChartValues, prefix: readonly string[] = []): ChartValueLeaf[] {
  const leaves: ChartValueLeaf[] = [];
  for (const [key, value] of Object.entries(values)) {
    const path = [...prefix, key];
    if (isChartValues(value) && Object.keys(value).length > 0) {
      leaves.push(...chartValueLeaves(value, path));
    } else {
      leaves.push({ path, value });
    }
  }
  return leaves;
}
