import { synthesizeConfig } from './app';
import { EXAMPLE_CONFIG_FILE, checkConfigFile, resolveConfigPath } from './config/load';
import { ValidationError } from './rules/problem';

/**
 * The cdktf app: reads the config and validates all of it, builds every
 * stack (collecting the problems of all of them), and synthesizes all or
 * nothing into the output folder (cdktf's `$CDKTF_OUTDIR`), so bad input
 * writes nothing.
 */
function main(): void {
  const file = resolveConfigPath();
  if (file === EXAMPLE_CONFIG_FILE) {
    // A notice, on stdout: the cdktf CLI shows the app's stderr as errors.
    process.stdout.write(`spaces-workload-identity: no $SPACES_IDENTITY_CONFIG and no ./spaces-identity.yaml: synthesizing the embedded example (${file}), whose values are all fake\n`);
  }
  // Config problems and the construct-time problems of the entries without any are reported together.
  const check = checkConfigFile(file);
  if (!check.config) throw new ValidationError(check.problems, file);
  try {
    synthesizeConfig(check.config, process.env.CDKTF_OUTDIR ?? 'cdktf.out', check.problems);
  } catch (error) {
    throw error instanceof ValidationError ? new ValidationError(error.problems, file) : error;
  }
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
