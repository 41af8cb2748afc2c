import { BILLING_COMPONENT, WorkloadComponent } from '../component';
import { CHART_VALUE_REFERENCE } from '../values/chart-reference';
import { ChartValues, isChartValues } from '../values/chart-values';
import { closest } from './closest';
import { Problem, joinField } from './problem';

/**
 * Service account annotations and pod labels that bind a workload to a
 * cloud identity. The identity constructs set the ones they need; a user
 * value with one of these keys would bind `vector` to another identity, or
 * to a second one (an IRSA role on a Pod Identity stack).
 */
export const WORKLOAD_IDENTITY_BINDING_KEYS: readonly string[] = [
  'eks.amazonaws.com/role-arn',
  'eks.amazonaws.com/audience',
  'eks.amazonaws.com/sts-regional-endpoints',
  'eks.amazonaws.com/token-expiration',
  'azure.workload.identity/client-id',
  'azure.workload.identity/tenant-id',
  'azure.workload.identity/use',
  'azure.workload.identity/service-account-token-expiration',
  'iam.gke.io/gcp-service-account',
];

/** Chart values that hold static credentials, which workload identity replaces. */
export const STATIC_CREDENTIAL_VALUE_PATHS: readonly string[] = ['billing.storage.azure.connectionString'];

/** The subtrees of the chart values this library knows key by key (from the chart reference). */
const KNOWN_ROOTS = ['billing', 'controlPlanes.vector'];

/**
 * User chart values: no unknown key under the subtrees the chart reference
 * lists (a typo such as `billing.storge` would be ignored by the chart), no
 * workload identity binding of its own, no static credentials.
 */
export function userValuesRule(field: string, values: unknown, component: WorkloadComponent = BILLING_COMPONENT): Problem[] {
  if (values === undefined) return [];
  if (!isChartValues(values)) return [{ field, value: values, rule: 'must be a map of chart values' }];
  const problems: Problem[] = [];
  const bindingMaps = [component.serviceAccountAnnotationsPath.join('.'), component.podLabelsPath.join('.')];
  const walk = (node: ChartValues, path: string[]) => {
    for (const [key, value] of Object.entries(node)) {
      const keyPath = [...path, key];
      const dotted = keyPath.join('.');
      const at = joinField(field, dotted);
      if (bindingMaps.includes(path.join('.'))) {
        if (WORKLOAD_IDENTITY_BINDING_KEYS.includes(key)) {
          problems.push({ field: at, value, rule: 'binds vector to a cloud identity: the identity construct sets the bindings it needs; remove it from the user values' });
        }
        continue;
      }
      if (STATIC_CREDENTIAL_VALUE_PATHS.includes(dotted)) {
        problems.push({ field: at, value: '(redacted)', rule: 'holds static credentials, which workload identity replaces (and which would show in the plan and the outputs); remove it' });
        continue;
      }
      const underKnownRoot = KNOWN_ROOTS.some((root) => dotted === root || dotted.startsWith(`${root}.`) || root.startsWith(`${dotted}.`));
      if (!underKnownRoot) continue;
      const reference = referenceFor(keyPath);
      if (reference === 'unknown') {
        const siblings = knownChildren(path);
        problems.push({ field: at, value: key, rule: `is not a value of the Spaces chart${suggest(key, siblings)}` });
        continue;
      }
      // Free-form maps (nodeSelector, annotations) take any key; only the binding maps are looked into.
      if (isChartValues(value) && (reference !== 'object' || bindingMaps.includes(dotted))) walk(value, keyPath);
    }
  };
  walk(values, []);
  return problems;
}

/** 'object' for a free-form map, 'leaf' for a typed key, 'branch' for a prefix of keys, else 'unknown'. */
function referenceFor(path: readonly string[]): 'object' | 'leaf' | 'branch' | 'unknown' {
  const dotted = path.map((k) => (k.includes('.') ? `"${k}"` : k)).join('.');
  const entry = CHART_VALUE_REFERENCE[dotted];
  if (entry) return entry.type === 'object' ? 'object' : 'leaf';
  if (Object.keys(CHART_VALUE_REFERENCE).some((k) => k.startsWith(`${dotted}.`))) return 'branch';
  return 'unknown';
}

function knownChildren(path: readonly string[]): string[] {
  const prefix = path.length === 0 ? '' : `${path.join('.')}.`;
  return [...new Set(Object.keys(CHART_VALUE_REFERENCE).filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length).split('.')[0]))];
}

function suggest(key: string, known: readonly string[]): string {
  const near = closest(key, known);
  return near ? ` (did you mean "${near}"?)` : '';
}
