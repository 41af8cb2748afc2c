import { z } from 'zod';
import { noInterpolationRule } from '../rules/no-interpolation';
import { releaseOnlySettingsRule, spacesSettingsProblems } from '../rules/release-settings';
import { Problem, ValidationError, joinField } from '../rules/problem';
import { kubernetesConnectionRule } from '../rules/kubernetes-connection';
import { stackNameRule } from '../rules/stack-name';
import { spacesSettingsSchema, SpacesSettings } from './common-schema';
import { ENTRY_KINDS, identitiesOf } from './entries';
import { Cloud } from './entries/entry-kind';
import { zodProblems } from './zod-problems';

/** One validated stack entry: its kind key and its props. */
export interface StackEntry {
  readonly kind: string;
  /** The entry's position in `stacks`, for messages. */
  readonly index: number;
  readonly cloud: Cloud;
  readonly identity: string;
  readonly name: string;
  /** The entry as written, validated against its kind's schema. */
  readonly props: Record<string, unknown> & { name: string };
  /** The shared release settings with the stack's overrides applied. */
  readonly spaces: SpacesSettings;
}

export interface SpacesIdentityConfig {
  readonly spaces: SpacesSettings;
  readonly stacks: readonly StackEntry[];
}

const topSchema = z.strictObject({
  spaces: spacesSettingsSchema,
  stacks: z.array(z.looseObject({})).min(1),
});
const CLOUDS: readonly Cloud[] = ['aws', 'azure', 'gcp'];

/** The outcome of checking a config: every problem, and the entries that have none of their own. */
export interface ConfigCheck {
  readonly problems: readonly Problem[];
  /** The config of the entries without problems; undefined when the top level is not usable. */
  readonly config?: SpacesIdentityConfig;
}

/**
 * Validates a parsed config document completely: shape (unknown keys are
 * rejected), every rule of every entry, and the rules across entries. Throws
 * a ValidationError listing every problem; returns only a config that is
 * ready to synthesize.
 */
export function parseConfig(document: unknown): SpacesIdentityConfig {
  const check = checkConfig(document);
  if (check.problems.length > 0 || !check.config) throw new ValidationError(check.problems);
  return check.config;
}

/**
 * Checks a config document and keeps going past problems: it returns every
 * problem, and the entries that have none of their own, so that the app can
 * build those too and report their construct-time problems in the same pass.
 */
export function checkConfig(document: unknown): ConfigCheck {
  const top = topSchema.safeParse(document, { reportInput: true });
  if (!top.success) {
    return { problems: zodProblems(top.error, '', (path) => (path.length === 0 ? ['spaces', 'stacks'] : path[0] === 'spaces' ? Object.keys(spacesSettingsSchema.shape) : [])) };
  }
  const problems: Problem[] = [
    ...noInterpolationRule('', document),
    ...spacesSettingsProblems('spaces', top.data.spaces),
  ];
  const stacks: StackEntry[] = [];
  const clean: StackEntry[] = []; // entries without problems of their own
  top.data.stacks.forEach((raw, i) => {
    const prefix = `stacks[${i}]`;
    const entry = raw as Record<string, unknown>;
    const cloud = entry.cloud;
    if (typeof cloud !== 'string' || !(CLOUDS as readonly string[]).includes(cloud)) {
      problems.push({ field: joinField(prefix, 'cloud'), value: cloud, rule: `must be one of ${CLOUDS.join(', ')}` });
      return;
    }
    const kind = ENTRY_KINDS[`${cloud}/${String(entry.identity)}`];
    if (!kind) {
      const known = identitiesOf(cloud as Cloud);
      problems.push({ field: joinField(prefix, 'identity'), value: entry.identity, rule: `is not an identity for cloud "${cloud}": use one of ${known.join(', ') || '(none yet)'}` });
      return;
    }
    const parsed = kind.schema.safeParse(entry, { reportInput: true });
    if (!parsed.success) {
      // Report the rules too (they take unknown values), except on fields whose shape is already wrong.
      const shape = zodProblems(parsed.error, prefix, (path) => knownKeysAt(kind.schema, path));
      const wrong = new Set(shape.map((p) => p.field));
      const rules = kind.problems(entry, prefix).filter((p) => ![...wrong].some((w) => p.field === w || p.field.startsWith(`${w}.`) || p.field.startsWith(`${w}[`)));
      problems.push(...shape, ...rules);
      return;
    }
    const before = problems.length;
    const props = parsed.data as StackEntry['props'];
    const override = (props.spaces ?? {}) as Partial<SpacesSettings>;
    const spaces: SpacesSettings = { ...top.data.spaces, ...override };
    problems.push(...spacesSettingsProblems(joinField(prefix, 'spaces'), override));
    problems.push(...releaseOnlySettingsRule(prefix, props, spaces, i === 0 ? top.data.spaces : undefined));
    problems.push(...stackNameRule(joinField(prefix, 'name'), props.name));
    problems.push(...kubernetesConnectionRule(prefix, props));
    problems.push(...kind.problems(props, prefix));
    const stack: StackEntry = { kind: `${kind.cloud}/${kind.identity}`, index: i, cloud: kind.cloud, identity: kind.identity, name: props.name, props, spaces };
    stacks.push(stack);
    if (problems.length === before) clean.push(stack);
  });
  problems.push(...crossStackProblems(stacks));
  // Only entries no problem names are built (a collision or an interpolation names its entry too).
  const named = new Set(problems.map((p) => /^stacks\[(\d+)\]/.exec(p.field)?.[1]).filter((i) => i !== undefined).map(Number));
  const usable = !problems.some((p) => !p.field.startsWith('stacks['));
  return { problems, config: usable ? { spaces: top.data.spaces, stacks: clean.filter((s) => !named.has(s.index)) } : undefined };
}

function knownKeysAt(schema: z.ZodObject, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  for (const key of path) {
    if (typeof key === 'number') continue;
    node = unwrap(node)?.shape?.[key as string];
  }
  return Object.keys(unwrap(node)?.shape ?? {});
}

function unwrap(node: unknown): z.ZodObject | undefined {
  let current = node as { unwrap?: () => unknown; shape?: unknown } | undefined;
  while (current && !current.shape && typeof current.unwrap === 'function') current = current.unwrap() as typeof current;
  return current as z.ZodObject | undefined;
}

function crossStackProblems(stacks: readonly StackEntry[]): Problem[] {
  const problems: Problem[] = [];
  const names = new Map<string, number>();
  const scoped = new Map<string, { index: number; field: string }>();
  stacks.forEach((entry) => {
    const i = entry.index;
    // Stack names are folder names in cdktf.out: two that differ only in case collide on some file systems.
    const first = names.get(entry.name.toLowerCase());
    if (first !== undefined) problems.push({ field: `stacks[${i}].name`, value: entry.name, rule: `is also the name of stacks[${first}]: stack names are unique` });
    else names.set(entry.name.toLowerCase(), i);
    for (const n of ENTRY_KINDS[entry.kind].accountScopedNames(entry.props)) {
      const key = `${n.what}\u0000${n.scope}\u0000${n.caseInsensitive ? n.name.toLowerCase() : n.name}`;
      const seen = scoped.get(key);
      if (seen) {
        problems.push({
          field: `stacks[${i}].${n.field}`,
          value: n.name,
          rule: `is the ${n.what} stacks[${seen.index}] also creates in ${n.scope}: give one of them another ${n.field}`,
        });
      } else scoped.set(key, { index: i, field: n.field });
    }
  });
  return problems;
}
