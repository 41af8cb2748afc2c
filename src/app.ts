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
 * Builds every stack in a throwaway app whose output folder is a temporary
 * one, and collects the problems of all stacks (not only the first one's).
 * `new App()` creates its output folder, so a real app is made only once
 * this returns no problem: bad input then writes nothing.
 */
export function dryRunProblems(config: SpacesIdentityConfig): Problem[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'spaces-identity-dry-run-'));
  try {
    const app = new App({ outdir, skipValidation: true });
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
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
