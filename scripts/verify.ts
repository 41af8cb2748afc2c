/**
 * `npm run verify`: Terraform-native verification of the synthesized example.
 *
 * 1. Synthesizes the embedded example with the cdktf app command (cdktf.json
 *    `app`) into `.verify/run-<pid>/out`, and builds verification variants of
 *    its AWS stacks (values read from data sources) into `.../variants`.
 * 2. Static checks of every stack: each string's `${...}` / `%{...}` parses
 *    as a Terraform template (HCL's own parser, offline), every reference
 *    names a resource, data source, variable, local or module of the stack,
 *    and no `undefined`, `TfToken[` or `[object Object]` is left anywhere.
 * 3. With terraform on PATH and provider plugins on this machine: `terraform
 *    init` from a local filesystem mirror, `terraform validate`; for AWS
 *    stacks an offline `terraform plan -refresh=false -lock=false` with fake
 *    credentials, and the rendered trust and S3 policies (`terraform show
 *    -json`) evaluated against requests that must be allowed or refused.
 *
 * Prints one line per check and `verify: N passed, N failed, N skipped`;
 * exits non-zero on any failure. `--summary <file>` writes `<passed> <failed>`.
 * `--config <file>` verifies another config than the embedded example.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXAMPLE_CONFIG_FILE, loadConfig } from '../src/config/load';
import { SpacesIdentityConfig } from '../src/config/config';
import { CheckResult, fail, formatResult, pass, summarize, summaryFileText, summaryLine } from '../src/verify/report';
import { MODELLED_KINDS, awsExpectations } from '../src/verify/requests';
import { StackReference } from '../src/verify/references';
import { staticChecks } from '../src/verify/static-checks';
import { TerraformJson } from '../src/verify/stack-json';
import { PLUGIN_DIR_ENV, discoverPlugins, findOnPath, terraformVersion } from './verify/discover';
import { concurrency, run } from './verify/process';
import { StackTerraformInput, TerraformSetup, requiredSources, setUpTerraform, terraformChecks } from './verify/terraform';
import { synthVariants } from './verify/variants';

const ROOT = path.resolve(__dirname, '..');
const VERIFY_DIR = path.join(ROOT, '.verify');

interface Options {
  readonly summaryFile?: string;
  readonly config: string;
}

/** A wrong command line: reported by its message alone. */
class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Options {
  let summaryFile: string | undefined;
  let config = EXAMPLE_CONFIG_FILE;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--summary') summaryFile = path.resolve(value());
    else if (arg.startsWith('--summary=')) summaryFile = path.resolve(arg.slice('--summary='.length));
    else if (arg === '--config') config = path.resolve(value());
    else if (arg.startsWith('--config=')) config = path.resolve(arg.slice('--config='.length));
    else throw new UsageError(`unknown argument ${arg} (use --summary <file>, --config <file>)`);
  }
  return { summaryFile, config };
}

interface Stack {
  readonly name: string;
  readonly file: string;
  readonly json: TerraformJson;
  /** The config entry it was synthesized from. */
  readonly entry?: { readonly kind: string; readonly props: Readonly<Record<string, unknown>> };
  readonly variant: boolean;
}

const results: CheckResult[] = [];
function report(...checks: CheckResult[]): void {
  for (const check of checks) {
    results.push(check);
    for (const line of formatResult(check)) console.log(line);
  }
}
const info = (line: string) => console.log(`info: ${line}`);

/** A working directory of this run; those of earlier runs whose process is gone are removed. */
function runDirectory(): string {
  fs.mkdirSync(VERIFY_DIR, { recursive: true });
  for (const name of fs.readdirSync(VERIFY_DIR)) {
    const pid = /^run-(\d+)$/.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid) continue;
    try {
      process.kill(Number(pid), 0);
    } catch {
      fs.rmSync(path.join(VERIFY_DIR, name), { recursive: true, force: true });
    }
  }
  const dir = path.join(VERIFY_DIR, `run-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function readStacks(outdir: string, variant: boolean, entries: ReadonlyMap<string, Stack['entry']>): Stack[] {
  const stacksDir = path.join(outdir, 'stacks');
  if (!fs.existsSync(stacksDir)) return [];
  return fs
    .readdirSync(stacksDir)
    .sort()
    .map((name) => path.join(stacksDir, name, 'cdk.tf.json'))
    .filter((file) => fs.existsSync(file))
    .map((file) => {
      const name = path.basename(path.dirname(file));
      return { name, file, json: JSON.parse(fs.readFileSync(file, 'utf8')) as TerraformJson, entry: entries.get(name), variant };
    });
}

async function synthExample(runDir: string, config: string): Promise<string | undefined> {
  const cdktf = JSON.parse(fs.readFileSync(path.join(ROOT, 'cdktf.json'), 'utf8')) as { app: string };
  const outdir = path.join(runDir, 'out');
  const synth = await run(cdktf.app, [], {
    cwd: ROOT,
    shell: true,
    env: { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: '1', SPACES_IDENTITY_CONFIG: config },
    timeoutMs: 300_000,
  });
  if (synth.code !== 0) {
    report(fail('config', `synth (${cdktf.app})`, [`exit code ${synth.code}${synth.timedOut ? ' (timed out)' : ''}`, ...`${synth.stderr}\n${synth.stdout}`.trim().split('\n').slice(-20)]));
    return undefined;
  }
  report(pass('config', `synth (${cdktf.app}, ${path.relative(ROOT, config)}, ${(synth.ms / 1000).toFixed(1)} s)`));
  return outdir;
}

async function terraformSetup(runDir: string, stacks: readonly Stack[]): Promise<TerraformSetup | string> {
  const terraform = findOnPath('terraform');
  if (!terraform) {
    info('SKIP: terraform not found on PATH: the terraform checks are skipped');
    return 'terraform not found on PATH';
  }
  // An empty CLI config: the inherited TF_CLI_CONFIG_FILE may name a file that does not exist.
  const emptyConfig = path.join(runDir, 'empty.tfrc');
  fs.writeFileSync(emptyConfig, '');
  const version = await terraformVersion(terraform, { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: emptyConfig });
  if (!version) return `${terraform} version failed`;
  const discovery = await discoverPlugins(process.env, [VERIFY_DIR]);
  info(`terraform ${version} at ${terraform}`);
  if (discovery.plugins.size === 0) info(`SKIP: no provider plugin found (searched ${discovery.searched}; set ${PLUGIN_DIR_ENV} to a directory that has one)`);
  for (const plugin of discovery.plugins.values()) info(`provider plugin ${plugin.type} ${plugin.version} (${plugin.platform}) at ${plugin.file}`);
  return setUpTerraform(process.env, terraform, version, discovery.plugins, runDir, stacks.flatMap((s) => requiredSources(s.json)));
}

function expectationsOf(stack: Stack): Pick<StackTerraformInput, 'expectations' | 'noExpectations'> {
  if (!stack.entry) return { noExpectations: 'no config entry names this stack' };
  const expectations = awsExpectations(stack.entry.kind, stack.entry.props);
  return expectations ? { expectations } : { noExpectations: `no requests modelled for ${stack.entry.kind} (modelled: ${MODELLED_KINDS.join(', ')})` };
}

async function main(): Promise<number> {
  const started = Date.now();
  const options = parseArgs(process.argv.slice(2));
  const runDir = runDirectory();
  info(`working directory ${path.relative(ROOT, runDir)}`);

  let config: SpacesIdentityConfig | undefined;
  const outdir = await synthExample(runDir, options.config);
  const stacks: Stack[] = [];
  if (outdir !== undefined) {
    config = loadConfig(options.config);
    const entries = new Map(config.stacks.map((e) => [e.name, { kind: e.kind, props: e.props }]));
    const example = readStacks(outdir, false, entries);
    if (example.length === 0) report(fail('config', 'stacks', [`no stacks/*/cdk.tf.json in ${outdir}`]));
    stacks.push(...example);
    const variantsDir = path.join(runDir, 'variants');
    const variants = synthVariants(config, variantsDir);
    report(...variants.results);
    const kinds = new Map(variants.variants.map((v) => [v.name, { kind: v.entry.kind, props: v.entry.props }]));
    stacks.push(...readStacks(variantsDir, true, kinds));
  }

  const references = new Map<string, readonly StackReference[]>();
  for (const stack of stacks) {
    const { results: checks, analysis } = await staticChecks(stack.name, stack.json);
    references.set(stack.name, analysis.references);
    report(...checks);
  }

  if (stacks.length > 0) {
    const setup = await terraformSetup(runDir, stacks);
    const shared = new Set<string>();
    // Two at a time: terraform loads the AWS provider schema for each command, and the machine is shared.
    const limit = concurrency(2);
    const pending = stacks.map((stack) => limit(() => terraformChecks(setup, { stack: stack.name, json: stack.json, references: references.get(stack.name) ?? [], ...expectationsOf(stack) })));
    for (const next of pending) {
      const output = await next;
      for (const note of output.notes) {
        if (!note.shared) console.log(`note: ${output.results[0]?.stack}: ${note.text}`);
        else if (!shared.has(note.text)) {
          shared.add(note.text);
          console.log(`note: every stack: ${note.text}`);
        }
      }
      report(...output.results);
    }
  }

  const summary = summarize(results);
  console.log(summaryLine(summary));
  info(`took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (options.summaryFile) fs.writeFileSync(options.summaryFile, summaryFileText(summary));
  return summary.failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`verify: ${error instanceof UsageError ? error.message : ((error as Error).stack ?? error)}`);
    const options = (() => {
      try {
        return parseArgs(process.argv.slice(2));
      } catch {
        return undefined;
      }
    })();
    const summary = summarize(results);
    if (options?.summaryFile) fs.writeFileSync(options.summaryFile, summaryFileText({ ...summary, failed: summary.failed + 1 }));
    console.log(summaryLine({ ...summary, failed: summary.failed + 1 }));
    process.exitCode = 1;
  },
);
