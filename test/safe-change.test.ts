import { Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { buildStacks } from '../src/app';
import { parseConfig } from '../src/config/config';
import { EXAMPLE_CONFIG_FILE, loadConfig } from '../src/config/load';
import { parseStack } from './support/synth';

/**
 * Safe change: adding, removing or reordering control plane namespaces must
 * never replace or rewrite another namespace's resources. Each case
 * synthesizes twice and compares every resource address and body.
 */
const example = loadConfig(EXAMPLE_CONFIG_FILE);

/** Every kind in the example, plus variants whose per-namespace data sits elsewhere. */
const variants: Array<{ label: string; entry: Record<string, unknown> }> = example.stacks.flatMap((s) => {
  const { name: _name, ...entry } = s.props;
  const out = [{ label: s.kind, entry }];
  if (s.kind === 'aws/pod-identity') out.push({ label: `${s.kind} restrictToNamespaces`, entry: { ...entry, restrictToNamespaces: true } });
  if (s.kind.startsWith('gcp/')) out.push({ label: `${s.kind} bindingScope project`, entry: { ...entry, bindingScope: 'project' } });
  if (s.kind === 'azure/workload-identity') out.push({ label: `${s.kind} roleScope container`, entry: { ...entry, roleScope: 'container' } });
  return out;
});

/** Attributes that legitimately change in place when the namespace list changes. */
const IN_PLACE: Record<string, string[]> = {
  aws_iam_role: ['assume_role_policy'], // the IRSA subjects, or the Pod Identity namespace tags
  azurerm_federated_identity_credential: ['depends_on'], // the serialized-writes chain
};

function synthWith(entry: Record<string, unknown>, namespaces: string[]): Record<string, any> {
  const config = parseConfig({ spaces: example.spaces, stacks: [{ ...entry, name: 'safe', controlPlaneNamespaces: namespaces }] });
  const [stack] = buildStacks(Testing.app(), config);
  return parseStack(Testing.synth(stack)).addresses();
}

function withoutInPlace(address: string, body: any): any {
  const type = address.replace(/^data\./, '').split('.')[0];
  const drop = IN_PLACE[type] ?? [];
  return Object.fromEntries(Object.entries(body).filter(([k]) => !drop.includes(k)));
}

const [A, B, C, D] = ['mxp-ctp-a-system', 'mxp-ctp-b-system', 'mxp-ctp-c-system', 'mxp-ctp-d-system'];

describe.each(variants)('safe change: $label', ({ entry }) => {
  const before = synthWith(entry, [A, B, C]);

  it('reordering the namespaces changes nothing at all', () => {
    expect(synthWith(entry, [C, A, B])).toEqual(before);
  });

  it('adding a namespace only adds its own resources', () => {
    const after = synthWith(entry, [A, B, C, D]);
    const added = Object.keys(after).filter((a) => !(a in before));
    expect(Object.keys(before).filter((a) => !(a in after))).toEqual([]);
    for (const address of added) expect(JSON.stringify(after[address]), `${address} belongs to ${D}`).toContain(D);
    for (const address of Object.keys(before)) {
      expect(withoutInPlace(address, after[address]), address).toEqual(withoutInPlace(address, before[address]));
    }
  });

  it('removing a namespace from the middle only removes its own resources', () => {
    const after = synthWith(entry, [A, C]);
    const removed = Object.keys(before).filter((a) => !(a in after));
    expect(Object.keys(after).filter((a) => !(a in before))).toEqual([]);
    for (const address of removed) expect(JSON.stringify(before[address]), `${address} belongs to ${B}`).toContain(B);
    for (const address of Object.keys(after)) {
      expect(withoutInPlace(address, after[address]), address).toEqual(withoutInPlace(address, before[address]));
    }
  });
});

describe('safe change covers every kind', () => {
  it('has a variant for each kind of the example', () => {
    expect(new Set(variants.map((v) => v.label.split(' ')[0]))).toEqual(new Set(example.stacks.map((s) => s.kind)));
    expect(variants.length).toBeGreaterThanOrEqual(example.stacks.length);
  });
});
