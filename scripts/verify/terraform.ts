import * as fs from 'node:fs';
import * as path from 'node:path';
import { ProviderPlugin, cliConfigText, mirrorPath, providerSourceAddress } from '../../src/verify/plugins';
import { policyChecks } from '../../src/verify/policy-checks';
import { StackReference } from '../../src/verify/references';
import { CheckResult, clip, fail, pass, skip } from '../../src/verify/report';
import { AwsExpectations } from '../../src/verify/requests';
import { TerraformJson } from '../../src/verify/stack-json';
import { CopyNote, providerNames, providerOf, providerType, verificationCopy } from '../../src/verify/verification-copy';
import { BlockArgument, bindingDirectory, bindingSourceHasArgument, unknownArguments, withoutArguments } from '../../src/verify/version-gap';
import { run } from './process';

/** Terraform and the plugins this machine has, wired to a mirror of its own. */
export interface TerraformSetup {
  readonly terraform: string;
  readonly version: string;
  readonly plugins: ReadonlyMap<string, ProviderPlugin>;
  /** The environment every terraform command runs with. */
  readonly env: NodeJS.ProcessEnv;
  /** Where the stacks' working directories go. */
  readonly workDir: string;
}

const TIMEOUT_MS = 180_000;

/**
 * Builds a filesystem mirror of the plugins (symlinks) for every provider
 * source the stacks require, a CLI config that installs from it only, and
 * the environment terraform runs with: that config, no plugin cache, no
 * inherited `TF_*` or `AWS_*` settings, fake AWS credentials, no metadata API.
 */
export function setUpTerraform(base: NodeJS.ProcessEnv, terraform: string, version: string, plugins: ReadonlyMap<string, ProviderPlugin>, runDir: string, sources: readonly string[]): TerraformSetup {
  const mirror = path.join(runDir, 'mirror');
  for (const source of new Set(sources)) {
    const address = providerSourceAddress(source);
    const plugin = plugins.get(address.split('/').pop()!);
    if (!plugin) continue;
    const link = mirrorPath(mirror, address, plugin);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    if (!fs.existsSync(link)) fs.symlinkSync(plugin.file, link);
  }
  fs.mkdirSync(mirror, { recursive: true });
  const cliConfig = path.join(runDir, 'terraform.rc');
  fs.writeFileSync(cliConfig, cliConfigText(mirror));
  const empty = path.join(runDir, 'empty');
  fs.writeFileSync(empty, '');
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) if (!key.startsWith('TF_') && !key.startsWith('AWS_')) env[key] = value;
  Object.assign(env, {
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: empty,
    AWS_SHARED_CREDENTIALS_FILE: empty,
  });
  const workDir = path.join(runDir, 'terraform');
  fs.mkdirSync(workDir, { recursive: true });
  return { terraform, version, plugins, env, workDir };
}

/** The provider sources a stack requires (`aws`, `hashicorp/helm`). */
export function requiredSources(json: TerraformJson): string[] {
  return providerNames(json).map((name) => json.terraform?.required_providers?.[name]?.source ?? name);
}

export interface StackTerraformInput {
  readonly stack: string;
  readonly json: TerraformJson;
  readonly references: readonly StackReference[];
  /** The requests to evaluate on the plan; undefined when the stack's kind has none. */
  readonly expectations?: AwsExpectations;
  /** Why no expectations exist, when they do not. */
  readonly noExpectations?: string;
}

/** A line about what a stack's copies changed; `shared` when every stack gets it. */
export interface StackNote {
  readonly shared: boolean;
  readonly text: string;
}

export interface StackTerraformOutput {
  readonly results: CheckResult[];
  readonly notes: StackNote[];
}

const note = (copy: string) => (n: CopyNote): StackNote => ({ shared: n.kind !== 'removed' && n.kind !== 'variables', text: n.kind === 'removed' || n.kind === 'variables' ? `${copy} copy: ${n.text}` : n.text });

/**
 * Terraform's checks of one stack: `init` + `validate` on the validation
 * copy; for a stack whose only cloud provider is `aws`, an offline `plan`
 * (`-refresh=false -lock=false`) of the plan copy, `show -json` of the saved
 * plan, and the policy requests evaluated on it.
 */
export async function terraformChecks(setup: TerraformSetup | string, input: StackTerraformInput): Promise<StackTerraformOutput> {
  const { stack, json } = input;
  const results: CheckResult[] = [];
  const notes: StackNote[] = [];
  const isAws = providerNames(json).some((n) => providerType(json, n) === 'aws');
  const planned = isAws ? ['terraform plan (offline)', 'policy requests'] : [];
  if (typeof setup === 'string') {
    for (const what of ['terraform validate', ...planned]) results.push(skip(stack, setup, what));
    return { results, notes };
  }
  const plugins = new Map([...setup.plugins].map(([type, plugin]) => [type, plugin.version]));
  const validate = verificationCopy(json, { mode: 'validate', plugins, references: input.references });
  if (validate.missingPlugins.length > 0) {
    const reason = `no plugin of provider ${validate.missingPlugins.join(', ')} on this machine`;
    for (const what of ['terraform validate', ...planned]) results.push(skip(stack, reason, what));
    return { results, notes };
  }
  notes.push(...validate.notes.map(note('validate')));
  const validateDir = path.join(setup.workDir, stack, 'validate');
  let gap: BlockArgument[] = [];
  const validated = await initAndRun(setup, validateDir, validate.json, {}, async (dir) => {
    const first = await terraformValidate(setup, dir);
    if (first.valid) return [pass(stack, `terraform validate (terraform ${setup.version}, aws plugin ${plugins.get('aws') ?? '-'}${warningsNote(first, notes)})`)];
    // Arguments of a newer provider than the plugin here: validate the rest without them.
    const { unknown } = unknownArguments(validate.json, first.errors);
    gap = unknown.filter((u) => versionGap(json, u, plugins));
    if (gap.length === 0) return [fail(stack, 'terraform validate', first.lines)];
    fs.writeFileSync(path.join(dir, 'cdk.tf.json'), `${JSON.stringify(withoutArguments(validate.json, gap), null, 2)}\n`);
    const second = await terraformValidate(setup, dir);
    const skipped = [...new Set(gap.map((g) => `${g.type}.${g.argument}`))].map((arg) => {
      const provider = providerType(json, providerOf(arg.split('.')[0], undefined));
      return skip(stack, `the ${provider} plugin here (${plugins.get(provider)}) does not know it; the bindings (${provider} ${pinnedVersion(json, provider) ?? '?'}) do`, `terraform validate of ${arg}`);
    });
    if (!second.valid) return [fail(stack, 'terraform validate', second.lines), ...skipped];
    return [pass(stack, `terraform validate (terraform ${setup.version}, aws plugin ${plugins.get('aws') ?? '-'}, without ${gapNames(gap)}, which the plugin lacks${warningsNote(second, notes)})`), ...skipped];
  });
  results.push(...validated);
  if (!isAws) return { results, notes };

  const copy = verificationCopy(json, { mode: 'plan', plugins, references: input.references });
  const plan = { ...copy, json: withoutArguments(copy.json, gap) };
  if (plan.planBlockers.length > 0) {
    const reason = plan.planBlockers.join('; ');
    for (const what of planned) results.push(skip(stack, reason, what));
    return { results, notes };
  }
  notes.push(...plan.notes.map(note('plan')));
  const planDir = path.join(setup.workDir, stack, 'plan');
  let planJson: Record<string, any> | undefined;
  const planResults = await initAndRun(setup, planDir, plan.json, plan.variableValues, async (dir) => {
    const planned = await run(setup.terraform, ['plan', '-refresh=false', '-lock=false', '-input=false', '-no-color', '-out=tfplan'], { cwd: dir, env: setup.env, timeoutMs: TIMEOUT_MS });
    if (planned.code !== 0) return [fail(stack, 'terraform plan (offline)', outputLines(planned))];
    const shown = await run(setup.terraform, ['show', '-json', 'tfplan'], { cwd: dir, env: setup.env, timeoutMs: TIMEOUT_MS });
    const parsed = parseJson(shown.stdout);
    if (shown.code !== 0 || !parsed) return [fail(stack, 'terraform plan (offline)', ['terraform show -json of the saved plan failed', ...outputLines(shown)])];
    if (parsed.errored === true) return [fail(stack, 'terraform plan (offline)', ['the saved plan is marked errored'])];
    planJson = parsed;
    const changes = ((parsed.resource_changes ?? []) as any[]).filter((c) => (c.change?.actions ?? []).includes('create')).length;
    return [pass(stack, `terraform plan (offline, ${changes} to create${gap.length > 0 ? `, without ${gapNames(gap)}` : ''})`)];
  });
  results.push(...planResults);
  if (planJson === undefined) {
    if (planResults.every((r) => r.status !== 'fail')) results.push(skip(stack, 'no plan', 'policy requests'));
    return { results, notes };
  }
  if (input.expectations === undefined) results.push(skip(stack, input.noExpectations ?? 'no requests modelled for this stack', 'policy requests'));
  else results.push(...policyChecks(stack, planJson, input.expectations));
  return { results, notes };
}

/** Writes a copy into a fresh working directory, runs `terraform init`, then the step. */
async function initAndRun(setup: TerraformSetup, dir: string, json: TerraformJson, variables: Readonly<Record<string, unknown>>, step: (dir: string) => Promise<CheckResult[]>): Promise<CheckResult[]> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'cdk.tf.json'), `${JSON.stringify(json, null, 2)}\n`);
  if (Object.keys(variables).length > 0) fs.writeFileSync(path.join(dir, 'verify.auto.tfvars.json'), `${JSON.stringify(variables, null, 2)}\n`);
  const stack = path.basename(path.dirname(dir));
  const init = await run(setup.terraform, ['init', '-input=false', '-no-color'], { cwd: dir, env: setup.env, timeoutMs: TIMEOUT_MS });
  if (init.code !== 0) return [fail(stack, `terraform init (${path.basename(dir)} copy)`, outputLines(init))];
  return step(dir);
}

function gapNames(gap: readonly BlockArgument[]): string {
  return [...new Set(gap.map((g) => `${g.type}.${g.argument}`))].join(', ');
}

interface Validation {
  readonly valid: boolean;
  readonly errors: readonly any[];
  readonly warnings: readonly any[];
  /** The errors, one line each (or the command's output when it gave no JSON). */
  readonly lines: string[];
}

async function terraformValidate(setup: TerraformSetup, dir: string): Promise<Validation> {
  const result = await run(setup.terraform, ['validate', '-json', '-no-color'], { cwd: dir, env: setup.env, timeoutMs: TIMEOUT_MS });
  const report = parseJson(result.stdout);
  const diagnostics = (report?.diagnostics ?? []) as any[];
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  const valid = result.code === 0 && report?.valid === true;
  return { valid, errors, warnings, lines: errors.length > 0 ? errors.map(diagnosticLine) : outputLines(result) };
}

function warningsNote(validation: Validation, notes: StackNote[]): string {
  for (const w of validation.warnings) notes.push({ shared: false, text: `terraform validate warning: ${diagnosticLine(w)}` });
  return validation.warnings.length > 0 ? `, ${validation.warnings.length} warning(s)` : '';
}

/** The version a stack pins for a provider type. */
function pinnedVersion(json: TerraformJson, type: string): string | undefined {
  const name = providerNames(json).find((n) => providerType(json, n) === type);
  const version = name !== undefined ? json.terraform?.required_providers?.[name]?.version : undefined;
  return typeof version === 'string' ? version : undefined;
}

/**
 * True when an argument the plugin rejects is one of a newer provider: the
 * plugin's version differs from the pinned one and the pinned bindings map
 * the argument.
 */
function versionGap(json: TerraformJson, argument: BlockArgument, plugins: ReadonlyMap<string, string>): boolean {
  const body = json[argument.section]?.[argument.type]?.[argument.name];
  const provider = providerType(json, providerOf(argument.type, body));
  const pinned = pinnedVersion(json, provider);
  if (pinned === undefined || pinned === plugins.get(provider)) return false;
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve(`@cdktf/provider-${provider}/package.json`));
  } catch {
    return false;
  }
  const file = path.join(packageDir, bindingDirectory(provider, argument.section, argument.type), 'index.js');
  return fs.existsSync(file) && bindingSourceHasArgument(fs.readFileSync(file, 'utf8'), argument.argument);
}

function parseJson(text: string): Record<string, any> | undefined {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function diagnosticLine(d: any): string {
  const where = d.range ? ` (${d.range.filename}:${d.range.start?.line})` : '';
  const address = d.address ? `${d.address}: ` : '';
  return clip(`${address}${d.summary}${d.detail ? `: ${d.detail}` : ''}${where}`, 400);
}

/** The interesting lines of a failed command: its errors, else its last lines. */
function outputLines(result: { stdout: string; stderr: string; timedOut: boolean; code: number | null }): string[] {
  if (result.timedOut) return [`timed out after ${TIMEOUT_MS / 1000} s`];
  const lines = `${result.stderr}\n${result.stdout}`.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '' && !/^[│╷╵]\s*$/.test(l));
  const errorAt = lines.findIndex((l) => /Error:/.test(l));
  const picked = errorAt >= 0 ? lines.slice(errorAt, errorAt + 12) : lines.slice(-12);
  return [`exit code ${result.code}`, ...picked.map((l) => clip(l.replace(/^[│╷╵]\s?/, ''), 300))];
}
