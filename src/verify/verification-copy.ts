import { StackReference } from './references';
import { TerraformJson, localsOf, typedBlocks } from './stack-json';

/**
 * The copy of a synthesized stack that Terraform verifies offline: the same
 * configuration, minus what this machine cannot run.
 *
 * - The backend goes (the copy keeps its state, if any, in its own directory).
 * - Providers whose plugin is missing and that only reach the cluster (`helm`,
 *   `kubernetes`) go, with their resources, their data sources and every
 *   block that references what was removed (outputs, locals, resources).
 *   For the offline plan they always go: planning a release needs a cluster.
 * - Each provider's version constraint becomes the plugin version found here.
 * - For the plan only: the `aws` provider gets fake static credentials and its
 *   skip flags, and loses what would call AWS (account checks, assumed roles);
 *   data sources left without a referrer go; what still needs a cloud to
 *   plan is reported as a blocker.
 */

/** Providers that reach the Kubernetes cluster, not the cloud. */
export const CLUSTER_PROVIDERS: ReadonlySet<string> = new Set(['helm', 'kubernetes']);

/** Data sources the AWS provider computes without calling AWS. */
export const OFFLINE_AWS_DATA_SOURCES: ReadonlySet<string> = new Set(['aws_iam_policy_document', 'aws_partition']);

/** Obviously fake static credentials (the AWS documentation's example key pair). */
export const FAKE_AWS_CREDENTIALS = { access_key: 'AKIAIOSFODNN7EXAMPLE', secret_key: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } as const;

/** The `aws` provider settings that keep an offline plan from calling AWS. */
export const OFFLINE_AWS_PROVIDER_SETTINGS = {
  ...FAKE_AWS_CREDENTIALS,
  skip_credentials_validation: true,
  skip_requesting_account_id: true,
  skip_metadata_api_check: true,
  skip_region_validation: true,
} as const;

/** `aws` provider arguments that would make the provider call AWS or read local profiles. */
const AWS_ONLINE_SETTINGS = ['allowed_account_ids', 'forbidden_account_ids', 'assume_role', 'assume_role_with_web_identity', 'profile', 'shared_config_files', 'shared_credentials_files', 'token'];

/** A change the copy made: `removed` and `variables` are the stack's own; the others are the same for every stack. */
export interface CopyNote {
  readonly kind: 'removed' | 'variables' | 'backend' | 'version' | 'offline';
  readonly text: string;
}

export interface VerificationCopyOptions {
  readonly mode: 'validate' | 'plan';
  /** Provider type → the plugin version available on this machine. */
  readonly plugins: ReadonlyMap<string, string>;
  /** The stack's references (from `analyzeStack`): what depends on what. */
  readonly references: readonly StackReference[];
}

export interface VerificationCopy {
  readonly json: TerraformJson;
  /** Providers the stack needs whose plugin is missing (and that could not be removed). */
  readonly missingPlugins: readonly string[];
  /** The blocks removed, by address. */
  readonly removed: readonly string[];
  /** What changed from the synthesized stack, one line each. */
  readonly notes: readonly CopyNote[];
  /** Plan mode: why this copy cannot be planned offline (empty when it can). */
  readonly planBlockers: readonly string[];
  /** Plan mode: values for variables without a default (a `.auto.tfvars.json`). */
  readonly variableValues: Readonly<Record<string, unknown>>;
}

/** The provider type of a local name: the last part of its `source`, else the name. */
export function providerType(json: TerraformJson, localName: string): string {
  const source = json.terraform?.required_providers?.[localName]?.source;
  return typeof source === 'string' ? source.split('/').pop()! : localName;
}

/** The provider local name a resource or data source uses: its `provider` argument, else its type's prefix. */
export function providerOf(type: string, body: unknown): string {
  const explicit = (body as Record<string, unknown> | null)?.provider;
  if (typeof explicit === 'string') return explicit.split('.')[0];
  return type.split('_')[0];
}

/** The local names of every provider the stack requires or configures. */
export function providerNames(json: TerraformJson): string[] {
  return [...new Set([...Object.keys(json.terraform?.required_providers ?? {}), ...Object.keys(json.provider ?? {})])].sort();
}

export function verificationCopy(source: TerraformJson, options: VerificationCopyOptions): VerificationCopy {
  const json: TerraformJson = structuredClone(source);
  const notes: CopyNote[] = [];
  const names = providerNames(json);
  const has = (name: string) => options.plugins.has(providerType(json, name));
  const dropped = names.filter((n) => CLUSTER_PROVIDERS.has(providerType(json, n)) && (options.mode === 'plan' || !has(n)));
  const missingPlugins = names.filter((n) => !dropped.includes(n) && !has(n)).map((n) => providerType(json, n));

  const removed = new Set<string>();
  for (const name of dropped) removed.add(`provider.${name}`);
  for (const section of ['resource', 'data', 'ephemeral'] as const) {
    for (const [type, name, body] of typedBlocks(json, section)) {
      if (dropped.includes(providerOf(type, body))) removed.add(blockAddress(section, type, name));
    }
  }
  const referrers = (address: string) => options.references.filter((r) => r.address === address).map((r) => r.from);
  const spread = () => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const r of options.references) {
        if (removed.has(r.address) && !removed.has(r.from)) {
          removed.add(r.from);
          changed = true;
        }
      }
    }
  };
  spread();
  if (options.mode === 'plan') {
    // Data sources, variables and locals that only the removed blocks used.
    for (let changed = true; changed; ) {
      changed = false;
      for (const address of [...dataAddresses(json), ...Object.keys(json.variable ?? {}).map((n) => `var.${n}`), ...Object.keys(localsOf(json)).map((n) => `local.${n}`)]) {
        if (removed.has(address)) continue;
        const from = referrers(address);
        if (from.length > 0 && from.every((f) => removed.has(f))) {
          removed.add(address);
          changed = true;
        }
      }
      spread();
    }
  }
  removeBlocks(json, removed);
  if (dropped.length > 0) {
    const blocks = [...removed].filter((a) => !a.startsWith('provider.')).sort();
    notes.push({ kind: 'removed', text: `removed provider ${dropped.join(', ')} (${options.mode === 'plan' ? 'planning it needs a cluster' : 'no plugin here'}) and what needs it: ${blocks.join(', ') || '(nothing)'}` });
  }

  const terraform = (json.terraform ??= {});
  for (const key of ['backend', 'cloud']) {
    if (terraform[key] !== undefined) {
      delete terraform[key];
      notes.push({ kind: 'backend', text: `removed the ${key} block (the copy keeps its own local state)` });
    }
  }
  const required = (terraform.required_providers ??= {}) as Record<string, any>;
  for (const name of dropped) delete required[name];
  for (const [name, requirement] of Object.entries(required)) {
    const version = options.plugins.get(providerType(json, name));
    if (version === undefined || typeof requirement !== 'object' || requirement === null) continue;
    if (requirement.version !== version) {
      notes.push({ kind: 'version', text: `provider ${name}: the stack requires ${requirement.version ?? '(any version)'}, the copy requires ${version}, the plugin found here` });
      requirement.version = version;
    }
  }

  const planBlockers: string[] = [];
  const variableValues: Record<string, unknown> = {};
  if (options.mode === 'plan') {
    const providers = (json.provider ?? {}) as Record<string, unknown>;
    for (const [name, configs] of Object.entries(providers)) {
      if (providerType(json, name) !== 'aws') {
        planBlockers.push(`provider ${name} cannot be planned offline here (only aws is)`);
        continue;
      }
      const list = (Array.isArray(configs) ? configs : [configs]) as Record<string, unknown>[];
      providers[name] = list.map((config) => {
        const offline: Record<string, unknown> = { ...config, ...OFFLINE_AWS_PROVIDER_SETTINGS };
        for (const key of AWS_ONLINE_SETTINGS) delete offline[key];
        return offline;
      });
      notes.push({ kind: 'offline', text: `provider ${name}: fake static credentials and skip flags; account checks and assumed roles removed` });
    }
    for (const address of dataAddresses(json)) {
      const type = address.split('.')[1];
      if (!OFFLINE_AWS_DATA_SOURCES.has(type)) planBlockers.push(`${address} is read at plan time and needs the cloud`);
    }
    for (const [name, variable] of Object.entries((json.variable ?? {}) as Record<string, any>)) {
      if (variable?.default !== undefined) continue;
      const type = variable?.type ?? 'string';
      if (type === 'string') variableValues[name] = 'example';
      else if (type === 'number') variableValues[name] = 0;
      else if (type === 'bool') variableValues[name] = false;
      else planBlockers.push(`var.${name} has no default and type ${JSON.stringify(type)}`);
    }
    if (Object.keys(variableValues).length > 0) notes.push({ kind: 'variables', text: `example values for variables without a default: ${Object.keys(variableValues).join(', ')}` });
  }
  return { json, missingPlugins, removed: [...removed].sort(), notes, planBlockers, variableValues };
}

function blockAddress(section: 'resource' | 'data' | 'ephemeral', type: string, name: string): string {
  return section === 'resource' ? `${type}.${name}` : `${section}.${type}.${name}`;
}

function dataAddresses(json: TerraformJson): string[] {
  return typedBlocks(json, 'data').map(([type, name]) => `data.${type}.${name}`);
}

/** Deletes blocks by address, and sections left empty. */
function removeBlocks(json: TerraformJson, removed: ReadonlySet<string>): void {
  for (const address of removed) {
    const parts = address.split('.');
    if (parts[0] === 'provider') delete json.provider?.[parts[1]];
    else if (parts[0] === 'output') delete json.output?.[parts[1]];
    else if (parts[0] === 'var') delete json.variable?.[parts[1]];
    else if (parts[0] === 'module') delete json.module?.[parts[1]];
    else if (parts[0] === 'local') {
      if (Array.isArray(json.locals)) for (const l of json.locals) delete l[parts[1]];
      else delete json.locals?.[parts[1]];
    } else if (parts[0] === 'data' || parts[0] === 'ephemeral') delete json[parts[0]]?.[parts[1]]?.[parts[2]];
    else delete json.resource?.[parts[0]]?.[parts[1]];
  }
  for (const section of ['resource', 'data', 'ephemeral'] as const) {
    for (const [type, byName] of Object.entries(json[section] ?? {})) if (Object.keys(byName as object).length === 0) delete json[section][type];
  }
  for (const section of ['resource', 'data', 'ephemeral', 'provider', 'output', 'variable', 'module', 'locals']) {
    const value = json[section];
    if (value !== undefined && typeof value === 'object' && Object.keys(value).length === 0) delete json[section];
  }
}
