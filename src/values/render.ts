import { Token } from 'cdktf';
import { stringify } from 'yaml';
import { ChartValue, ChartValues } from './chart-values';

/**
 * The values as one YAML document, for `helm_release.values` and for a
 * values.yaml file. Every string is double-quoted: the empty string stays
 * empty, `"true"` stays a string, and a token (a role ARN resolved at apply
 * time) cannot be read as another YAML type.
 */
export function renderValuesYaml(values: ChartValues, header?: string): string {
  const body = stringify(values, {
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    lineWidth: 0,
    indent: 2,
  });
  if (!header) return body;
  const comment = header
    .split('\n')
    .map((line) => (line ? `# ${line}` : '#'))
    .join('\n');
  return `${comment}\n${body}`;
}

/** One helm CLI value flag: `--set` or `--set-string`, and its `key=value` argument. */
export interface HelmValueFlag {
  readonly flag: '--set' | '--set-string';
  readonly argument: string;
}

/**
 * The helm CLI flags equivalent to the values, one flag per leaf.
 *
 * Helm's `--set` parser types its values (`true`, `0`, `null` are not
 * strings) and splits on `,` and `.`: strings that it would retype go through
 * `--set-string`, dots inside a key segment (annotation and label keys) are
 * escaped as `\.`, and commas and backslashes in values as `\,` and `\\`.
 * Tokens are left as they are: they resolve to cloud-generated identifiers
 * (ARNs, UUIDs, e-mail addresses) that hold none of those characters.
 */
export function helmValueFlags(values: ChartValues): HelmValueFlag[] {
  return flagLeaves(values, '').map(({ key, value }) => {
    if (typeof value === 'string') {
      const text = Token.isUnresolved(value) ? value : escapeValue(value);
      return { flag: helmWouldRetype(value) ? '--set-string' : '--set', argument: `${key}=${text}` };
    }
    return { flag: '--set', argument: `${key}=${scalarOrListText(value)}` };
  });
}

/**
 * The leaves as helm keys: dots inside a segment escaped, list items that are
 * maps or lists addressed by index (`tolerations[0].key`), lists of scalars
 * kept whole (`{a,b}`). An empty map merges nothing into the chart's defaults,
 * and --set cannot spell it: it is left out.
 */
function flagLeaves(node: ChartValue, key: string): Array<{ key: string; value: ChartValue }> {
  if (Array.isArray(node)) {
    if (node.every((item) => item === null || typeof item !== 'object')) return [{ key, value: node }];
    return node.flatMap((item, i) => flagLeaves(item, `${key}[${i}]`));
  }
  if (node !== null && typeof node === 'object') {
    return Object.entries(node).flatMap(([k, v]) => flagLeaves(v, key ? `${key}.${escapeKeySegment(k)}` : escapeKeySegment(k)));
  }
  return [{ key, value: node }];
}

/** The flags as a shell command line fragment, one flag per line. */
export function renderHelmFlags(values: ChartValues): string {
  return helmValueFlags(values)
    .map(({ flag, argument }) => `${flag} ${shellQuote(argument)}`)
    .join(' \\\n');
}

function escapeKeySegment(segment: string): string {
  return segment.replace(/\\/g, '\\\\').replace(/\./g, '\\.').replace(/,/g, '\\,').replace(/=/g, '\\=');
}

function escapeValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,');
}

/** Mirrors helm's strvals typing: what `--set` would not keep as a string. */
export function helmWouldRetype(value: string): boolean {
  if (value === '') return true;
  if (/^(true|false|null)$/i.test(value)) return true;
  if (value === '0') return true;
  return /^[+-]?[1-9][0-9]*$/.test(value) || /^[+-][0-9]+$/.test(value);
}

function scalarOrListText(value: ChartValue): string {
  if (Array.isArray(value)) return `{${value.map((v) => (typeof v === 'string' ? escapeValue(v) : String(v))).join(',')}}`;
  return String(value);
}

/** Single-quotes an argument for POSIX shells. */
export function shellQuote(argument: string): string {
  return `'${argument.replace(/'/g, `'\\''`)}'`;
}
