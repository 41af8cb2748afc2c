import { App } from 'cdktf';
import { buildStacks, dryRunProblems } from './app';
import { EXAMPLE_CONFIG_FILE, loadConfig, resolveConfigPath } from './config/load';
import { ValidationError } from './rules/problem';

/**
 * The cdktf app: reads the config and validates all of it, builds every
 * stack once in a throwaway app to collect the problems of all of them, and
 * only then builds the real app and synthesizes, so bad input writes nothing.
 */
function main(): void {
  const file = resolveConfigPath();
  if (file === EXAMPLE_CONFIG_FILE) {
    process.stderr.write(`spaces-workload-identity: no $SPACES_IDENTITY_CONFIG and no ./spaces-identity.yaml: synthesizing the embedded example (${file}), whose values are all fake\n`);
  }
  const config = loadConfig(file);
  const problems = dryRunProblems(config);
  if (problems.length > 0) throw new ValidationError(problems, file);
  const app = new App();
  buildStacks(app, config);
  app.synth();
}

try {
  main();
} catch (error) {
  // A clear message, not a stack trace: the problems name the field, the value and the rule.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`spaces-workload-identity: ${message}\n`);
  if (!(error instanceof ValidationError) && error instanceof Error && process.env.SPACES_IDENTITY_DEBUG) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
}
