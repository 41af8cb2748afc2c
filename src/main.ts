import { App } from 'cdktf';
import { buildStacks, treeValidationErrors } from './app';
import { loadConfig, resolveConfigPath } from './config/load';
import { ValidationError } from './rules/problem';

/**
 * The cdktf app: reads the config, validates all of it, builds the stacks,
 * validates the tree, and only then synthesizes, so that bad input writes
 * nothing.
 */
function main(): void {
  const file = resolveConfigPath();
  const config = loadConfig(file);
  const app = new App();
  buildStacks(app, config);
  const errors = treeValidationErrors(app);
  if (errors.length > 0) throw new Error(`validation failed:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
  app.synth();
}

try {
  main();
} catch (error) {
  // A clear message, not a stack trace: the problems name the field, the value and the rule.
  const message = error instanceof ValidationError ? error.message : error instanceof Error ? error.message : String(error);
  process.stderr.write(`spaces-workload-identity: ${message}\n`);
  process.exitCode = 1;
}
