import * as path from 'node:path';

/**
 * Terraform provider plugins found on the machine, and the filesystem mirror
 * that makes `terraform init` install them without the network.
 */

/** A provider plugin executable. */
export interface ProviderPlugin {
  /** The provider type (`aws`). */
  readonly type: string;
  /** The version (`5.100.0`). */
  readonly version: string;
  /** The platform it runs on (`linux_amd64`). */
  readonly platform: string;
  /** The executable. */
  readonly file: string;
}

/** The plugin file name Terraform expects: `terraform-provider-<type>_v<version>[_x<protocol>]`. */
const PLUGIN_FILE = /^terraform-provider-([a-z0-9-]+)_v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)(?:_x\d+)?(?:\.exe)?$/;
const PLATFORM_DIR = /^[a-z0-9]+_[a-z0-9]+$/;

/** Terraform's name of the platform Node runs on (`linux_amd64`, `darwin_arm64`). */
export function terraformPlatform(platform: string = process.platform, arch: string = process.arch): string {
  const os = platform === 'win32' ? 'windows' : platform;
  const cpu = ({ x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm' } as Record<string, string>)[arch] ?? arch;
  return `${os}_${cpu}`;
}

/**
 * Reads a plugin's type, version and platform from its path; the platform
 * from its directory when it sits in a `<os>_<arch>` directory (a mirror or
 * cache layout), else the given default.
 */
export function parsePluginPath(file: string, defaultPlatform: string = terraformPlatform()): ProviderPlugin | undefined {
  const match = PLUGIN_FILE.exec(path.basename(file));
  if (!match) return undefined;
  const dir = path.basename(path.dirname(file));
  return { type: match[1], version: match[2], platform: PLATFORM_DIR.test(dir) ? dir : defaultPlatform, file };
}

/** Compares two versions `a.b.c[-pre]`: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core, pre] = v.split('-', 2);
    return { nums: core.split('.').map(Number), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if (x.nums[i] !== y.nums[i]) return x.nums[i] - y.nums[i];
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/** The newest plugin of each type that runs on the platform. */
export function choosePlugins(found: readonly ProviderPlugin[], platform: string = terraformPlatform()): Map<string, ProviderPlugin> {
  const best = new Map<string, ProviderPlugin>();
  for (const plugin of found) {
    if (plugin.platform !== platform) continue;
    const current = best.get(plugin.type);
    if (!current || compareVersions(plugin.version, current.version) > 0) best.set(plugin.type, plugin);
  }
  return best;
}

/**
 * The full source address of a provider: `aws` and `hashicorp/aws` are
 * `registry.terraform.io/hashicorp/aws`.
 */
export function providerSourceAddress(source: string): string {
  const parts = source.split('/');
  if (parts.length === 1) return `registry.terraform.io/hashicorp/${parts[0]}`;
  if (parts.length === 2) return `registry.terraform.io/${parts[0]}/${parts[1]}`;
  return source;
}

/** Where a plugin sits in an unpacked filesystem mirror: `<mirror>/<host>/<namespace>/<type>/<version>/<platform>/<file>`. */
export function mirrorPath(mirror: string, sourceAddress: string, plugin: ProviderPlugin): string {
  return path.join(mirror, ...sourceAddress.split('/'), plugin.version, plugin.platform, path.basename(plugin.file));
}

/** A Terraform CLI config that installs providers from the mirror only: never from the network. */
export function cliConfigText(mirror: string): string {
  return ['provider_installation {', '  filesystem_mirror {', `    path = ${JSON.stringify(mirror)}`, '  }', '}', ''].join('\n');
}

/**
 * The directories a Terraform CLI config (as JSON, parsed from HCL) points
 * plugins at: `plugin_cache_dir` and each `filesystem_mirror` path.
 */
export function cliConfigPluginDirs(config: Record<string, any>): string[] {
  const dirs: string[] = [];
  const add = (value: unknown) => typeof value === 'string' && value !== '' && dirs.push(value);
  add(config.plugin_cache_dir);
  for (const installation of asList(config.provider_installation)) {
    for (const mirror of asList(installation?.filesystem_mirror)) add(mirror?.path);
  }
  return dirs;
}

function asList(value: unknown): any[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
