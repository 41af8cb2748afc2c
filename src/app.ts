import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'cdktf';
import { SpacesIdentityConfig } from './config/config';
import { Problem, ValidationError } from './rules/problem';
import { SpacesBillingStack, SpacesBillingStackOptions } from './stacks/spaces-billing-stack';

/** Adds one stack per config entry to the app. */
export function buildStacks(app: App, config: SpacesIdentityConfig, options: SpacesBillingStackOptions = {}): SpacesBillingStack[] {
  return config.stacks.map((entry) => new SpacesBillingStack(app, entry, options));
}

/**
 * Errors of every construct validation in the tree. Run before `app.synth()`,
 * which writes stacks one by one and would leave a partial output otherwise.
 */
export function treeValidationErrors(app: App): string[] {
  return app.node.findAll().flatMap((c) => c.node.validate().map((message) => `${c.node.path}: ${message}`));
}

/**
 * Builds one stack per config entry, collecting the problems of every stack
 * (not only the first one's) instead of stopping at the first.
 */
export function buildStacksCollectingProblems(app: App, config: SpacesIdentityConfig): Problem[] {
  const problems: Problem[] = [];
  for (const entry of config.stacks) {
    try {
      new SpacesBillingStack(app, entry);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      problems.push(...error.problems.map((p) => (p.field.startsWith('stacks[') || p.field.startsWith('spaces.') ? p : { ...p, field: `stacks[${entry.index}] (${entry.name}): ${p.field}` })));
    }
  }
  for (const message of treeValidationErrors(app)) problems.push({ field: 'construct tree', value: undefined, rule: message });
  return problems;
}

/**
 * Synthesizes the config into `outdir` all or nothing: the app writes into a
 * temporary folder (`new App()` creates its folder at once, and `synth()`
 * writes stacks one by one), and only a complete output is copied over.
 * Throws a ValidationError with every stack's problems, having written nothing.
 */
export function synthesizeConfig(config: SpacesIdentityConfig, outdir: string, configProblems: readonly Problem[] = []): void {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'spaces-identity-synth-'));
  try {
    const app = new App({ outdir: staging });
    const problems = [...configProblems, ...buildStacksCollectingProblems(app, config)];
    if (problems.length > 0) throw new ValidationError(problems);
    app.synth();
    replaceOutput(staging, outdir);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Copies a complete synth output over the output folder, and removes the
 * folders of stacks that are no longer in the config, so that plain
 * Terraform on cdktf.out never finds a stale stack. A current stack's folder
 * keeps what Terraform left in it (.terraform, plans).
 */
function replaceOutput(staging: string, outdir: string): void {
  const stacksDir = path.join(outdir, 'stacks');
  const current = new Set(fs.readdirSync(path.join(staging, 'stacks')));
  if (fs.existsSync(stacksDir)) {
    for (const name of fs.readdirSync(stacksDir)) {
      if (!current.has(name)) fs.rmSync(path.join(stacksDir, name), { recursive: true, force: true });
    }
  }
  fs.mkdirSync(outdir, { recursive: true });
  fs.cpSync(staging, outdir, { recursive: true });
}
