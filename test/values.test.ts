import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BILLING_COMPONENT } from '../src/component';
import { CHART_VALUE_REFERENCE } from '../src/values/chart-reference';
import { BillingValues, billingChartValues, chartValueLeaves } from '../src/values/chart-values';
import { mergeOwnedValues } from '../src/values/merge';
import { helmValueFlags, helmWouldRetype, renderHelmFlags, renderValuesYaml, shellQuote } from '../src/values/render';
import { componentWorkloadKind, controlPlaneCommands, spacesChartValues } from '../src/values/spaces-values';

const awsBilling: BillingValues = {
  storage: { provider: 'aws', region: 'us-east-1', bucket: 'example-spaces-billing' },
  serviceAccountAnnotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/spaces-billing' },
  podLabels: {},
};
const azureBilling: BillingValues = {
  storage: { provider: 'azure', storageAccount: 'examplespacesbilling', container: 'billing' },
  serviceAccountAnnotations: { 'azure.workload.identity/client-id': '00000000-0000-0000-0000-000000000000' },
  podLabels: { 'azure.workload.identity/use': 'true' },
};
const gcpBilling: BillingValues = {
  storage: { provider: 'gcp', bucket: 'example-spaces-billing-gcp' },
  serviceAccountAnnotations: { 'iam.gke.io/gcp-service-account': 'billing-sa@example-spaces-project.iam.gserviceaccount.com' },
  podLabels: {},
};

/** The reference type of a leaf: the key itself, or the free-form map it sits in. */
function referenceTypeOf(path: readonly string[]): string | undefined {
  for (let n = path.length; n > 0; n--) {
    const entry = CHART_VALUE_REFERENCE[path.slice(0, n).join('.')];
    if (entry) return n === path.length ? entry.type : entry.type === 'object' ? 'object-member' : undefined;
  }
  return undefined;
}

describe('billing chart values', () => {
  it('models the AWS billing values with an empty secretRef', () => {
    const values = billingChartValues(awsBilling);
    expect(values).toMatchSnapshot();
    expect(values).toEqual({
      billing: {
        enabled: true,
        storage: { provider: 'aws', aws: { region: 'us-east-1', bucket: 'example-spaces-billing' }, secretRef: { name: '' } },
      },
      controlPlanes: { vector: { serviceAccount: { customAnnotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/spaces-billing' } } } },
    });
  });

  it('places the Azure label under controlPlanes.vector.pod.customLabels as the string "true"', () => {
    const values = billingChartValues(azureBilling) as any;
    expect(values.controlPlanes.vector.pod.customLabels).toEqual({ 'azure.workload.identity/use': 'true' });
    expect(values.billing.storage.azure).toEqual({ storageAccount: 'examplespacesbilling', container: 'billing' });
  });

  it.each([
    ['aws', awsBilling],
    ['azure', azureBilling],
    ['gcp', gcpBilling],
  ])('emits only keys of the chart value reference, with their types (%s)', (_name, billing) => {
    const leaves = chartValueLeaves(spacesChartValues({ account: 'example-org', billing }).values);
    expect(leaves.length).toBeGreaterThan(5);
    for (const { path, value } of leaves) {
      const type = referenceTypeOf(path);
      const where = path.join('.');
      expect(type, `${where} is not in the chart reference`).toBeDefined();
      const actual = typeof value === 'boolean' ? 'bool' : typeof value === 'number' ? 'int' : typeof value === 'string' ? 'string' : 'other';
      if (type === 'object-member') expect(actual, `${where} is a map entry and must be a string`).toBe('string');
      else expect(actual, `${where} has the wrong type`).toBe(type);
    }
  });

  it('keeps the component facts in one place', () => {
    expect(BILLING_COMPONENT.serviceAccountName).toBe('vector');
    expect(CHART_VALUE_REFERENCE[BILLING_COMPONENT.serviceAccountAnnotationsPath.join('.')].type).toBe('object');
    expect(CHART_VALUE_REFERENCE[BILLING_COMPONENT.podLabelsPath.join('.')].type).toBe('object');
    expect(CHART_VALUE_REFERENCE[BILLING_COMPONENT.statefulWhenPath!.join('.')].type).toBe('bool');
    expect(CHART_VALUE_REFERENCE['billing.storage.secretRef.name'].default).toBe('"billing-storage"');
  });
});

describe('values YAML', () => {
  it('renders one document whose strings stay strings', () => {
    const text = renderValuesYaml(spacesChartValues({ account: 'example-org', billing: azureBilling }).values);
    expect(text).toMatchSnapshot();
    expect(text).toContain('        azure.workload.identity/use: "true"\n');
    expect(text).toContain('      name: ""\n');
    const parsed = parse(text);
    expect(parsed.controlPlanes.vector.pod.customLabels['azure.workload.identity/use']).toBe('true');
    expect(parsed.billing.storage.secretRef.name).toBe('');
    expect(parsed.billing.enabled).toBe(true);
  });

  it('adds a header as YAML comments', () => {
    const text = renderValuesYaml({ a: 'b' }, 'line one\n\nline two');
    expect(text).toBe('# line one\n#\n# line two\na: "b"\n');
  });
});

describe('helm CLI flags', () => {
  it('escapes dots in annotation keys and uses --set-string for strings helm would retype', () => {
    const flags = helmValueFlags(spacesChartValues({ account: 'example-org', billing: azureBilling }).values);
    expect(flags).toMatchSnapshot();
    expect(flags).toContainEqual({ flag: '--set-string', argument: 'controlPlanes.vector.pod.customLabels.azure\\.workload\\.identity/use=true' });
    expect(flags).toContainEqual({ flag: '--set', argument: 'controlPlanes.vector.serviceAccount.customAnnotations.azure\\.workload\\.identity/client-id=00000000-0000-0000-0000-000000000000' });
    expect(flags).toContainEqual({ flag: '--set-string', argument: 'billing.storage.secretRef.name=' });
    expect(flags).toContainEqual({ flag: '--set', argument: 'billing.enabled=true' });
  });

  it('escapes commas and backslashes in values', () => {
    expect(helmValueFlags({ a: { b: 'x,y\\z' } })).toEqual([{ flag: '--set', argument: 'a.b=x\\,y\\\\z' }]);
  });

  it('renders the AWS role-arn annotation key with escaped dots', () => {
    const text = renderHelmFlags(billingChartValues(awsBilling));
    expect(text).toContain(`--set 'controlPlanes.vector.serviceAccount.customAnnotations.eks\\.amazonaws\\.com/role-arn=arn:aws:iam::123456789012:role/spaces-billing'`);
    expect(text.split(' \\\n')).toHaveLength(6);
  });

  it('knows which strings helm --set would retype', () => {
    for (const v of ['', 'true', 'False', 'null', '0', '42', '-7']) expect(helmWouldRetype(v), v).toBe(true);
    for (const v of ['vector', '0755', '1.5', 'truex', 'arn:aws:iam::123456789012:role/x']) expect(helmWouldRetype(v), v).toBe(false);
  });

  it('single-quotes arguments for the shell', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });

  it('skips empty maps, which merge nothing', () => {
    expect(helmValueFlags({ a: {}, b: true })).toEqual([{ flag: '--set', argument: 'b=true' }]);
  });
});

describe('user values', () => {
  const owned = billingChartValues(awsBilling);

  it('merges extra values deeply', () => {
    const { values, problems } = mergeOwnedValues(owned, { controlPlanes: { vector: { persistence: { enabled: true } } } }, 'values');
    expect(problems).toEqual([]);
    expect((values as any).controlPlanes.vector).toEqual({
      persistence: { enabled: true },
      serviceAccount: { customAnnotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/spaces-billing' } },
    });
  });

  it('accepts a user value equal to the owned one', () => {
    expect(mergeOwnedValues(owned, { billing: { enabled: true } }, 'values').problems).toEqual([]);
  });

  it('fails on a user value that contradicts a billing value', () => {
    const { problems } = mergeOwnedValues(owned, { billing: { storage: { secretRef: { name: 'billing-storage' } } } }, 'spaces.values');
    expect(problems).toEqual([
      {
        field: 'spaces.values.billing.storage.secretRef.name',
        value: 'billing-storage',
        rule: 'contradicts the value this library sets ("" at billing.storage.secretRef.name); remove it from the user values',
      },
    ]);
  });

  it('fails on a user scalar that replaces a billing subtree', () => {
    const { problems } = mergeOwnedValues(owned, { billing: false }, 'values');
    expect(problems.map((p) => p.field)).toContain('values.billing');
  });
});

describe('control plane commands', () => {
  it('restarts a deployment by default and a statefulset with persistence', () => {
    expect(controlPlaneCommands(['mxp-b-system', 'mxp-a-system'], {})).toEqual({
      'mxp-a-system': { verify: 'kubectl get serviceaccount vector -n mxp-a-system -o yaml', restart: 'kubectl -n mxp-a-system rollout restart deployment vector' },
      'mxp-b-system': { verify: 'kubectl get serviceaccount vector -n mxp-b-system -o yaml', restart: 'kubectl -n mxp-b-system rollout restart deployment vector' },
    });
    const persistent = { controlPlanes: { vector: { persistence: { enabled: true } } } };
    expect(componentWorkloadKind(persistent)).toBe('statefulset');
    expect(controlPlaneCommands(['mxp-a-system'], persistent)['mxp-a-system'].restart).toBe('kubectl -n mxp-a-system rollout restart statefulset vector');
  });
});
