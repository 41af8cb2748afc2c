import * as fs from 'node:fs';
import * as path from 'node:path';
import { YAMLParseError, parse } from 'yaml';
import { ValidationError } from '../rules/problem';
import { ConfigCheck, SpacesIdentityConfig, checkConfig } from './config';

/** The environment variable that names the config file. */
export const CONFIG_ENV_VAR = 'SPACES_IDENTITY_CONFIG';
/** The config file looked for in the working directory. */
export const LOCAL_CONFIG_FILE = 'spaces-identity.yaml';
/** The example config shipped with the project, used when there is no other. */
export const EXAMPLE_CONFIG_FILE = findExampleConfig(__dirname);

/** The package's examples folder, found upwards from here (src/config, or dist/src/config when compiled). */
function findExampleConfig(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'examples', 'spaces-identity.yaml');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return path.join(from, '..', '..', 'examples', 'spaces-identity.yaml');
  }
}

/** Which config file the app reads: `$SPACES_IDENTITY_CONFIG`, else `./spaces-identity.yaml`, else the example. */
export function resolveConfigPath(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const fromEnv = env[CONFIG_ENV_VAR];
  // Set but empty is a mistake (an unset CI variable), not a request for the example.
  if (fromEnv !== undefined && fromEnv.trim() === '') {
    throw new ValidationError([{ field: CONFIG_ENV_VAR, value: fromEnv, rule: 'is set but empty: point it at your config file, or unset it' }]);
  }
  if (fromEnv !== undefined) return path.resolve(cwd, fromEnv);
  const local = path.join(cwd, LOCAL_CONFIG_FILE);
  return fs.existsSync(local) ? local : EXAMPLE_CONFIG_FILE;
}

/** Parses YAML config text and validates it. */
export function parseConfigText(text: string, source: string): SpacesIdentityConfig {
  const check = checkConfigText(text, source);
  if (check.problems.length > 0 || !check.config) throw new ValidationError(check.problems, source);
  return check.config;
}

/** Parses YAML config text and checks it, keeping going past problems (see checkConfig). */
export function checkConfigText(text: string, source: string): ConfigCheck {
  let document: unknown;
  try {
    document = parse(text, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    const detail = error instanceof YAMLParseError ? error.message : String(error);
    throw new ValidationError([{ field: source, rule: `is not valid YAML: ${detail}` }]);
  }
  if (document === null || document === undefined) {
    throw new ValidationError([{ field: source, rule: 'is empty: it needs a spaces: block and a stacks: list (see examples/spaces-identity.yaml)' }]);
  }
  return checkConfig(document);
}

/** Reads and validates a config file. */
export function loadConfig(file: string): SpacesIdentityConfig {
  return parseConfigText(readConfigFile(file), file);
}

/** Reads and checks a config file, keeping going past problems (see checkConfig). */
export function checkConfigFile(file: string): ConfigCheck {
  return checkConfigText(readConfigFile(file), file);
}

function readConfigFile(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read (${(error as Error).message})`;
    throw new ValidationError([{ field: CONFIG_ENV_VAR, value: file, rule: reason }]);
  }
  return text;
}
