import { App } from 'cdktf';
import { treeValidationErrors } from '../../src/app';
import { SpacesIdentityConfig, StackEntry, parseConfig } from '../../src/config/config';
import { ENTRY_KINDS } from '../../src/config/entries';
import { ValidationError } from '../../src/rules/problem';
import { SpacesBillingStack } from '../../src/stacks/spaces-billing-stack';
import { CheckResult, fail, pass, skip } from '../../src/verify/report';

/**
 * Verification variants of the example's AWS stacks, built in this process
 * from the same config entries, to put the token paths before Terraform:
 *
 * - `<name>-from-data-sources`: no account ID, no issuer, no OIDC provider
 *   ARN (the cluster name given), the helm connection read from the cluster:
 *   the issuer, the account and the cluster come from data sources.
 * - `<name>-all-options`: the entry with every optional boolean switch of
 *   its kind turned on (create the OIDC provider, restrict the trust policy
 *   to the namespaces, install the agent add-on, read the helm connection
 *   from the cluster, ...).
 * - `<name>-all-options-from-data-sources`: both.
 *
 * Terraform validates them all (validation reads no data source); those that
 * read no data source are planned offline too.
 */
export interface Variant {
  readonly name: string;
  readonly entry: StackEntry;
  /** The config entry the variant was made from. */
  readonly base: string;
}

/** Entry keys that would take the value a variant reads from a data source. */
const KNOWN_VALUES = ['accountId', 'oidcIssuerUrl', 'oidcProviderArn'];
/** Entry keys that `kubernetesFromCluster: true` excludes. */
const KUBECONFIG = ['kubeconfigPath', 'kubeconfigContext'];

/** The variant entries (as written in a config) of the config's AWS entries. */
export function variantDocuments(config: SpacesIdentityConfig): { name: string; base: string; raw: Record<string, unknown> }[] {
  const out: { name: string; base: string; raw: Record<string, unknown> }[] = [];
  for (const entry of config.stacks) {
    if (entry.cloud !== 'aws') continue;
    const without = (raw: Record<string, unknown>, keys: readonly string[]) => Object.fromEntries(Object.entries(raw).filter(([k]) => !keys.includes(k)));
    const clusterName = (entry.props.clusterName as string | undefined) ?? 'spaces-example';
    const fromData = { ...without(entry.props, [...KNOWN_VALUES, ...KUBECONFIG]), clusterName, kubernetesFromCluster: true };
    const switches = Object.fromEntries(optionalBooleans(entry.kind).map((k) => [k, true]));
    // Creating the OIDC provider replaces naming an existing one.
    const allOptions = { ...without(entry.props, [...KUBECONFIG, ...(switches.createOidcProvider ? ['oidcProviderArn'] : [])]), clusterName, ...switches };
    const add = (suffix: string, raw: Record<string, unknown>) => out.push({ name: `${entry.name}${suffix}`, base: entry.name, raw: { ...raw, name: `${entry.name}${suffix}` } });
    add('-from-data-sources', fromData);
    add('-all-options', allOptions);
    add('-all-options-from-data-sources', { ...fromData, ...switches });
  }
  return out;
}

/** The optional boolean keys of an entry kind's schema. */
export function optionalBooleans(kind: string): string[] {
  const shape = (ENTRY_KINDS[kind]?.schema.shape ?? {}) as Record<string, any>;
  return Object.entries(shape)
    .filter(([, schema]) => schema?._zod?.def?.type === 'optional' && schema._zod.def.innerType?._zod?.def?.type === 'boolean')
    .map(([key]) => key)
    .sort();
}

/** Validates the variant entries, builds their stacks in one app and synthesizes them into `outdir`. */
export function synthVariants(config: SpacesIdentityConfig, outdir: string): { variants: Variant[]; results: CheckResult[] } {
  const variants: Variant[] = [];
  const results: CheckResult[] = [];
  for (const document of variantDocuments(config)) {
    try {
      const parsed = parseConfig({ spaces: config.spaces, stacks: [document.raw] });
      variants.push({ name: document.name, entry: parsed.stacks[0], base: document.base });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      results.push(skip(document.name, `the config rules refuse the variant: ${error.problems.map((p) => `${p.field} ${p.rule}`).join('; ')}`, 'variant'));
    }
  }
  if (variants.length === 0) return { variants, results };
  const app = new App({ outdir });
  try {
    for (const variant of variants) new SpacesBillingStack(app, variant.entry);
  } catch (error) {
    return { variants: [], results: [...results, fail('variants', 'variant stacks build', [(error as Error).message])] };
  }
  const errors = treeValidationErrors(app);
  if (errors.length > 0) return { variants: [], results: [...results, fail('variants', 'variant stacks validate', errors)] };
  app.synth();
  const bases = new Set(variants.map((v) => v.base)).size;
  results.push(pass('variants', `synthesized ${variants.length} variant stack(s) of ${bases} AWS entr${bases === 1 ? 'y' : 'ies'}`));
  return { variants, results };
}
