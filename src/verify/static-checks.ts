import { StackAnalysis, analyzeStack } from './references';
import { CheckResult, clip, fail, pass } from './report';
import { TerraformJson, allStrings } from './stack-json';

/**
 * Text that must never reach a synthesized stack: what JavaScript writes
 * for a missing or unrenderable value, and a cdktf token that never resolved.
 */
export const UNRESOLVED_PATTERNS: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'undefined', pattern: /\bundefined\b/ },
  { name: 'TfToken[', pattern: /TfToken\[/ },
  { name: '[object Object]', pattern: /\[object Object\]/ },
];

export interface UnresolvedValue {
  readonly path: string;
  readonly text: string;
  readonly found: string;
}

/** Every string (value or key, anywhere in the stack) that holds unresolved text. */
export function findUnresolved(json: TerraformJson): UnresolvedValue[] {
  const out: UnresolvedValue[] = [];
  for (const { path, text } of allStrings(json)) {
    for (const { name, pattern } of UNRESOLVED_PATTERNS) if (pattern.test(text)) out.push({ path, text, found: name });
  }
  return out;
}

/** The three static checks of a stack: expressions parse, references resolve, nothing is unresolved. */
export async function staticChecks(stack: string, json: TerraformJson): Promise<{ results: CheckResult[]; analysis: StackAnalysis }> {
  const analysis = await analyzeStack(json);
  const results: CheckResult[] = [];
  const counted = `${analysis.interpolations} interpolation${analysis.interpolations === 1 ? '' : 's'} in ${analysis.templates} string${analysis.templates === 1 ? '' : 's'}`;
  results.push(
    analysis.parseErrors.length === 0
      ? pass(stack, `expressions parse (${counted})`)
      : fail(stack, 'expressions parse', analysis.parseErrors.map((e) => `${e.path}: ${clip(e.text)}: ${e.message}`)),
  );
  const refs = analysis.references.length;
  const objects = new Set(analysis.references.map((r) => r.address)).size;
  results.push(
    analysis.missing.length === 0
      ? pass(stack, `references resolve (${refs} reference${refs === 1 ? '' : 's'} to ${objects} object${objects === 1 ? '' : 's'})`)
      : fail(stack, 'references resolve', analysis.missing.map((m) => `${m.path}: ${m.text}: ${m.message}`)),
  );
  const unresolved = findUnresolved(json);
  results.push(
    unresolved.length === 0
      ? pass(stack, `no unresolved values (${UNRESOLVED_PATTERNS.map((p) => p.name).join(', ')})`)
      : fail(stack, 'no unresolved values', unresolved.map((u) => `${u.path}: holds ${u.found}: ${clip(u.text)}`)),
  );
  return { results, analysis };
}
