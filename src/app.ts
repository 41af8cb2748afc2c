import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'cdktf';
import { SpacesIdentityConfig } from './config/config';
import { Problem, ValidationError } from './rules/problem';
import { SpacesBillingStack } from './stacks/spaces-billing-stack';

/** Adds one stack per config entry to the app. */
export function buildStacks(app: App, config: SpacesIdentityConfig): SpacesBillingStack[] {
  return config.stacks.map((entry) => new SpacesBillingStack(app, entry));
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
export function synthesizeConfig(config: SpacesIdentityConfig, outdir: string): void {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'spaces-identity-synth-'));
  try {
    const app = new App({ outdir: staging });
    const problems = buildStacksCollectingProblems(app, config);
    if (problems.length > 0) throw new ValidationError(problems);
    app.synth();
    fs.mkdirSync(outdir, { recursive: true });
    fs.cpSync(staging, outdir, { recursive: true });
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** The problems of building every stack, in a throwaway app that writes nothing. */
export function dryRunProblems(config: SpacesIdentityConfig): Problem[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'spaces-identity-dry-run-'));
  try {
    return buildStacksCollectingProblems(new App({ outdir, skipValidation: true }), config);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
