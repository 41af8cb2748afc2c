import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { ProviderPlugin, choosePlugins, cliConfigPluginDirs, parsePluginPath, terraformPlatform } from '../../src/verify/plugins';
import { run } from './process';

/** The environment variable that points the verification at a directory of provider plugins. */
export const PLUGIN_DIR_ENV = 'SPACES_VERIFY_PLUGIN_DIR';

/** An executable on PATH, like `which`. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

export interface PluginDiscovery {
  /** The newest usable plugin of each provider type. */
  readonly plugins: ReadonlyMap<string, ProviderPlugin>;
  /** Where the plugins were found (or looked for), for the report. */
  readonly searched: string;
}

/**
 * Finds provider plugins: in `$SPACES_VERIFY_PLUGIN_DIR` only, when set;
 * else in the directories the user's Terraform CLI config names (plugin
 * cache, filesystem mirrors) and Terraform's implied local mirror
 * directories; else with a bounded search of the machine's root filesystem.
 */
export async function discoverPlugins(env: NodeJS.ProcessEnv, exclude: readonly string[]): Promise<PluginDiscovery> {
  const override = env[PLUGIN_DIR_ENV];
  if (override !== undefined && override !== '') {
    return { plugins: choosePlugins(await findPlugins([override], exclude)), searched: `${PLUGIN_DIR_ENV}=${override}` };
  }
  const configured = await configuredPluginDirs(env);
  if (configured.length > 0) {
    const plugins = choosePlugins(await findPlugins(configured, exclude));
    if (plugins.has('aws')) return { plugins, searched: configured.join(', ') };
  }
  const plugins = choosePlugins(await findPlugins([path.parse(process.cwd()).root], exclude));
  return { plugins, searched: `${[...configured, path.parse(process.cwd()).root].join(', ')} (find -xdev -maxdepth ${FIND_DEPTH})` };
}

/** The plugin directories of the user's Terraform CLI config and Terraform's implied local mirrors, those that exist. */
async function configuredPluginDirs(env: NodeJS.ProcessEnv): Promise<string[]> {
  const home = env.HOME ?? os.homedir();
  const dirs: string[] = [];
  const configFile = env.TF_CLI_CONFIG_FILE || path.join(home, '.terraformrc');
  if (fs.existsSync(configFile)) {
    try {
      dirs.push(...cliConfigPluginDirs(await parse(configFile, fs.readFileSync(configFile, 'utf8'))));
    } catch {
      /* an unreadable CLI config names no directory */
    }
  }
  if (env.TF_PLUGIN_CACHE_DIR) dirs.push(env.TF_PLUGIN_CACHE_DIR);
  const dataHome = env.XDG_DATA_HOME || path.join(home, '.local', 'share');
  dirs.push(path.join(home, '.terraform.d', 'plugins'), path.join(dataHome, 'terraform', 'plugins'), '/usr/local/share/terraform/plugins', '/usr/share/terraform/plugins');
  return [...new Set(dirs.map((d) => d.replace(/^~(?=\/|$)/, home)))].filter((d) => fs.existsSync(d));
}

const FIND_DEPTH = 8;

/** Plugin executables under the roots: a bounded `find` that skips pseudo filesystems, node_modules and working directories. */
async function findPlugins(roots: readonly string[], exclude: readonly string[]): Promise<ProviderPlugin[]> {
  const prune = ['/proc', '/sys', '/dev', '/run', ...exclude].flatMap((p) => ['-path', p, '-o']);
  const args = [...roots, '-xdev', '-maxdepth', String(FIND_DEPTH), '(', ...prune, '-name', 'node_modules', '-o', '-name', '.git', '-o', '-name', '.terraform', ')', '-prune', '-o', '(', '-type', 'f', '-o', '-type', 'l', ')', '-name', 'terraform-provider-*', '-print'];
  const result = await run('find', args, { timeoutMs: 60_000 });
  const platform = terraformPlatform();
  return result.stdout
    .split('\n')
    .filter((line) => line !== '')
    .flatMap((file) => {
      const plugin = parsePluginPath(file, platform);
      if (!plugin) return [];
      try {
        const real = fs.realpathSync(file);
        fs.accessSync(real, fs.constants.X_OK);
        return fs.statSync(real).isFile() ? [{ ...plugin, file: real }] : [];
      } catch {
        return [];
      }
    });
}

/** `terraform version`, first line (`Terraform v1.11.4`). */
export async function terraformVersion(terraform: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const result = await run(terraform, ['version'], { env, timeoutMs: 30_000 });
  if (result.code !== 0) return undefined;
  return /Terraform v(\S+)/.exec(result.stdout)?.[1];
}
