/**
 * The parts of a synthesized stack (`cdk.tf.json`, Terraform's JSON syntax)
 * that the static checks read: which strings Terraform evaluates, and which
 * objects a reference may name.
 */

/** A stack as Terraform JSON. */
export type TerraformJson = Record<string, any>;

/** A string of a stack that Terraform evaluates. */
export interface ExpressionSite {
  /**
   * The block it belongs to, named the way a reference names it:
   * `aws_iam_role.x`, `data.aws_eks_cluster.x`, `var.x`, `local.x`,
   * `module.x`, `output.x`, `provider.aws`.
   */
  readonly block: string;
  /** Where it sits, for messages: `aws_iam_role.x.assume_role_policy`. */
  readonly path: string;
  readonly text: string;
  /**
   * `template`: a string (a template); `reference`: a bare reference
   * (`depends_on`, `replace_triggered_by`); `provider`: a provider reference
   * (`aws`, `aws.west`).
   */
  readonly kind: 'template' | 'reference' | 'provider';
}

/** Everything a reference in the stack may name. */
export interface StackSymbols {
  /** `type.name` of each managed resource. */
  readonly resources: ReadonlySet<string>;
  /** `type.name` of each data source. */
  readonly dataSources: ReadonlySet<string>;
  /** `type.name` of each ephemeral resource. */
  readonly ephemeral: ReadonlySet<string>;
  readonly variables: ReadonlySet<string>;
  readonly locals: ReadonlySet<string>;
  readonly modules: ReadonlySet<string>;
  /** Provider local name → its aliases (`''` for the default configuration). */
  readonly providers: ReadonlyMap<string, ReadonlySet<string>>;
  /** Iterator names of `dynamic` blocks, which their content may reference. */
  readonly dynamicIterators: ReadonlySet<string>;
}

const METADATA_KEY = '//';

/** The blocks of a two-level section (`resource`, `data`): `[type, name, body]`. */
export function typedBlocks(json: TerraformJson, section: 'resource' | 'data' | 'ephemeral'): [string, string, any][] {
  const out: [string, string, any][] = [];
  for (const [type, byName] of Object.entries(json[section] ?? {})) {
    for (const [name, body] of Object.entries((byName ?? {}) as Record<string, unknown>)) out.push([type, name, body]);
  }
  return out;
}

/** The local values: `locals` is an object, or a list of objects. */
export function localsOf(json: TerraformJson): Record<string, unknown> {
  const locals = json.locals;
  if (Array.isArray(locals)) return Object.assign({}, ...locals);
  return (locals ?? {}) as Record<string, unknown>;
}

/** The configurations of each provider: `provider.<name>` is an object or a list of objects. */
export function providerConfigs(json: TerraformJson): [string, Record<string, any>[]][] {
  return Object.entries(json.provider ?? {}).map(([name, configs]) => [name, (Array.isArray(configs) ? configs : [configs]) as Record<string, any>[]]);
}

export function stackSymbols(json: TerraformJson): StackSymbols {
  const key = ([type, name]: [string, string, any]) => `${type}.${name}`;
  const providers = new Map<string, Set<string>>();
  for (const [name, configs] of providerConfigs(json)) {
    providers.set(name, new Set(configs.map((c) => (typeof c?.alias === 'string' ? c.alias : ''))));
  }
  const dynamicIterators = new Set<string>();
  walkValues(json, (path, value) => {
    if (path[path.length - 1] !== 'dynamic' || typeof value !== 'object' || value === null || Array.isArray(value)) return;
    for (const [label, body] of Object.entries(value as Record<string, any>)) {
      for (const b of Array.isArray(body) ? body : [body]) dynamicIterators.add(typeof b?.iterator === 'string' ? b.iterator : label);
    }
  });
  return {
    resources: new Set(typedBlocks(json, 'resource').map(key)),
    dataSources: new Set(typedBlocks(json, 'data').map(key)),
    ephemeral: new Set(typedBlocks(json, 'ephemeral').map(key)),
    variables: new Set(Object.keys(json.variable ?? {})),
    locals: new Set(Object.keys(localsOf(json))),
    modules: new Set(Object.keys(json.module ?? {})),
    providers,
    dynamicIterators,
  };
}

/** Resource meta-arguments that hold bare references instead of templates. */
const REFERENCE_LISTS = new Set(['depends_on']);
/** Keys of a resource's `lifecycle` block that are not templates. */
const LIFECYCLE_LITERALS = new Set(['ignore_changes', 'create_before_destroy', 'prevent_destroy']);

/** Every string of the stack that Terraform evaluates, with the block it belongs to. */
export function expressionSites(json: TerraformJson): ExpressionSite[] {
  const sites: ExpressionSite[] = [];
  const body = (block: string, path: string, value: unknown, resourceLike: boolean) => collectBody(sites, block, path, value, resourceLike);

  for (const section of ['resource', 'data', 'ephemeral'] as const) {
    for (const [type, name, value] of typedBlocks(json, section)) {
      const block = section === 'resource' ? `${type}.${name}` : `${section}.${type}.${name}`;
      body(block, block, value, true);
    }
  }
  for (const [name, value] of Object.entries(json.output ?? {})) body(`output.${name}`, `output.${name}`, value, true);
  for (const [name, value] of Object.entries(localsOf(json))) collectValue(sites, `local.${name}`, `local.${name}`, value);
  for (const [name, configs] of providerConfigs(json)) {
    configs.forEach((config, i) => body(`provider.${name}`, `provider.${name}[${i}]`, config, false));
  }
  for (const [name, value] of Object.entries(json.module ?? {})) {
    const { source: _source, version: _version, providers: _providers, ...rest } = (value ?? {}) as Record<string, unknown>;
    body(`module.${name}`, `module.${name}`, rest, true);
  }
  // A variable's type and default are literals; only its validations are expressions.
  for (const [name, value] of Object.entries(json.variable ?? {})) {
    const validation = (value as Record<string, unknown> | null)?.validation;
    if (validation !== undefined) collectValue(sites, `var.${name}`, `var.${name}.validation`, validation);
  }
  return sites;
}

function collectBody(sites: ExpressionSite[], block: string, path: string, value: unknown, resourceLike: boolean): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    collectValue(sites, block, path, value);
    return;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (key === METADATA_KEY) continue;
    const at = `${path}.${key}`;
    if (resourceLike && REFERENCE_LISTS.has(key) && Array.isArray(child)) {
      child.forEach((ref, i) => typeof ref === 'string' && sites.push({ block, path: `${at}[${i}]`, text: ref, kind: 'reference' }));
    } else if (resourceLike && key === 'provider' && typeof child === 'string') {
      sites.push({ block, path: at, text: child, kind: 'provider' });
    } else if (resourceLike && key === 'lifecycle' && typeof child === 'object' && child !== null) {
      for (const lifecycle of Array.isArray(child) ? child : [child]) {
        for (const [lkey, lvalue] of Object.entries(lifecycle as Record<string, unknown>)) {
          if (LIFECYCLE_LITERALS.has(lkey)) continue;
          if (lkey === 'replace_triggered_by' && Array.isArray(lvalue)) {
            lvalue.forEach((ref, i) => typeof ref === 'string' && sites.push({ block, path: `${at}.${lkey}[${i}]`, text: ref, kind: 'reference' }));
          } else collectValue(sites, block, `${at}.${lkey}`, lvalue);
        }
      }
    } else collectValue(sites, block, at, child);
  }
}

function collectValue(sites: ExpressionSite[], block: string, path: string, value: unknown): void {
  walkValues(value, (p, v) => {
    if (typeof v === 'string') sites.push({ block, path: joinPath(path, p), text: v, kind: 'template' });
  }, (p, key) => {
    // An object key is a template too (a map key may be computed).
    sites.push({ block, path: joinPath(path, p), text: key, kind: 'template' });
  });
}

function joinPath(base: string, rest: readonly (string | number)[]): string {
  return rest.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : `${acc}.${part}`), base);
}

/**
 * Visits every value under `value` (objects, arrays and scalars), skipping
 * cdktf's `//` metadata; `onKey` also sees every object key.
 */
export function walkValues(
  value: unknown,
  onValue: (path: readonly (string | number)[], value: unknown) => void,
  onKey?: (path: readonly (string | number)[], key: string) => void,
  path: (string | number)[] = [],
  includeMetadata = false,
): void {
  onValue(path, value);
  if (Array.isArray(value)) {
    value.forEach((item, i) => walkValues(item, onValue, onKey, [...path, i], includeMetadata));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (key === METADATA_KEY && !includeMetadata) continue;
      onKey?.([...path, key], key);
      walkValues(child, onValue, onKey, [...path, key], includeMetadata);
    }
  }
}

/** Every string of the stack (values and keys, metadata included), with its path. */
export function allStrings(json: TerraformJson): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  walkValues(
    json,
    (p, v) => typeof v === 'string' && out.push({ path: joinPath('', p).replace(/^\./, ''), text: v }),
    (p, key) => out.push({ path: `${joinPath('', p).replace(/^\./, '')} (key)`, text: key }),
    [],
    true,
  );
  return out;
}
