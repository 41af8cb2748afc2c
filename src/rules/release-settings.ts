import { chartVersionRule } from './chart-version';
import { namespaceRule } from './namespace';
import { Problem, joinField } from './problem';
import { userValuesRule } from './user-values';

/** The release settings a `spaces:` block may hold (shared, or a stack's overrides). */
export interface ReleaseSettingsInput {
  readonly version?: unknown;
  readonly account?: unknown;
  readonly namespace?: unknown;
  readonly releaseName?: unknown;
  readonly values?: unknown;
  readonly manageRelease?: unknown;
  readonly repositoryUsername?: unknown;
  readonly wait?: unknown;
  readonly timeout?: unknown;
  readonly createNamespace?: unknown;
}

// Helm release names: a DNS subdomain of at most 53 characters (Helm keeps room for its suffixes).
const HELM_RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const UPBOUND_ACCOUNT = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A Helm release name. */
export function helmReleaseNameRule(field: string, value: unknown): Problem[] {
  if (value === undefined) return [];
  if (typeof value !== 'string' || value.length === 0 || value.length > 53 || !HELM_RELEASE_NAME.test(value)) {
    return [{ field, value, rule: 'is not a Helm release name: 1 to 53 lowercase letters, digits, "-" and ".", starting and ending with a letter or digit' }];
  }
  return [];
}

/** The Upbound organization: the chart's `account` value. */
export function upboundAccountRule(field: string, value: unknown): Problem[] {
  if (value === undefined) return [];
  if (typeof value !== 'string' || value.length === 0 || value.length > 100 || !UPBOUND_ACCOUNT.test(value)) {
    return [{ field, value, rule: 'is not an Upbound organization name: lowercase letters, digits and "-", starting and ending with a letter or digit' }];
  }
  return [];
}

/** Every rule of one `spaces:` block. */
export function spacesSettingsProblems(prefix: string, settings: ReleaseSettingsInput): Problem[] {
  const f = (name: string) => joinField(prefix, name);
  return [
    ...(settings.version !== undefined ? chartVersionRule(f('version'), settings.version) : []),
    ...upboundAccountRule(f('account'), settings.account),
    ...(settings.namespace !== undefined ? namespaceRule(f('namespace'), settings.namespace) : []),
    ...helmReleaseNameRule(f('releaseName'), settings.releaseName),
    ...(settings.repositoryUsername === '' ? [{ field: f('repositoryUsername'), value: '', rule: 'is empty: leave it out for anonymous pulls' }] : []),
    ...userValuesRule(f('values'), settings.values),
  ];
}

const RELEASE_ONLY = ['namespace', 'releaseName', 'repositoryUsername', 'wait', 'timeout', 'createNamespace'] as const;
const CONNECTION_ONLY = ['kubeconfigPath', 'kubeconfigContext', 'kubernetesFromCluster'] as const;

/**
 * With `manageRelease: false` the stack has no helm provider and no release:
 * a setting that only they read would be silently ignored.
 */
export function releaseOnlySettingsRule(
  prefix: string,
  entry: Readonly<Record<string, unknown>>,
  effective: { manageRelease?: boolean },
  shared?: ReleaseSettingsInput,
): Problem[] {
  if (effective.manageRelease !== false) return [];
  const problems: Problem[] = [];
  for (const key of CONNECTION_ONLY) {
    if (entry[key] !== undefined) {
      problems.push({ field: joinField(prefix, key), value: entry[key], rule: 'has no effect with manageRelease: false (the stack has no helm provider); remove it' });
    }
  }
  // Release settings are flagged in the block that turns the release off, where they contradict it.
  const blocks: Array<[string, ReleaseSettingsInput | undefined]> = [
    [joinField(prefix, 'spaces'), entry.spaces as ReleaseSettingsInput | undefined],
    ['spaces', shared],
  ];
  for (const [at, block] of blocks) {
    if (block?.manageRelease !== false) continue;
    for (const key of RELEASE_ONLY) {
      if (block[key] !== undefined) {
        problems.push({ field: joinField(at, key), value: block[key], rule: 'has no effect with manageRelease: false (the stack makes no release); remove it' });
      }
    }
  }
  return problems;
}
