import { ParsedExpression, Traversal, hasTemplateSyntax, parseExpression, parseTemplate } from './expressions';
import { ExpressionSite, StackSymbols, TerraformJson, expressionSites, stackSymbols } from './stack-json';

/** Root names Terraform provides itself; a reference to them names nothing in the stack. */
export const BUILT_IN_ROOTS: ReadonlySet<string> = new Set(['each', 'count', 'self', 'path', 'terraform']);

export type Resolution =
  /** The reference names this object of the stack (`aws_iam_role.x`, `data.t.x`, `var.x`, `local.x`, `module.x`). */
  | { readonly kind: 'object'; readonly address: string }
  /** The reference names something Terraform provides (`each.value`, `path.module`). */
  | { readonly kind: 'built-in' }
  | { readonly kind: 'missing'; readonly message: string };

/** What a root traversal names, and whether it exists in the stack. */
export function resolveTraversal(traversal: Traversal, symbols: StackSymbols): Resolution {
  const [root, ...rest] = traversal.steps;
  const name = (i: number) => (rest[i]?.kind === 'name' ? rest[i].value : undefined);
  if (BUILT_IN_ROOTS.has(root.value) || symbols.dynamicIterators.has(root.value)) return { kind: 'built-in' };
  const lookup = (set: ReadonlySet<string>, key: string | undefined, address: string, what: string): Resolution =>
    key !== undefined && set.has(key) ? { kind: 'object', address } : { kind: 'missing', message: `no ${what} ${key === undefined ? '(name missing)' : key} in the stack` };
  switch (root.value) {
    case 'var':
      return lookup(symbols.variables, name(0), `var.${name(0)}`, 'variable');
    case 'local':
      return lookup(symbols.locals, name(0), `local.${name(0)}`, 'local value');
    case 'module':
      return lookup(symbols.modules, name(0), `module.${name(0)}`, 'module');
    case 'data':
    case 'ephemeral': {
      const [type, object] = [name(0), name(1)];
      const key = type !== undefined && object !== undefined ? `${type}.${object}` : undefined;
      const set = root.value === 'data' ? symbols.dataSources : symbols.ephemeral;
      return lookup(set, key, `${root.value}.${key}`, root.value === 'data' ? 'data source' : 'ephemeral resource');
    }
    default: {
      const object = name(0);
      if (object === undefined) return { kind: 'missing', message: `"${traversal.text}" is not a reference Terraform knows (a resource reference is <type>.<name>)` };
      const key = `${root.value}.${object}`;
      return lookup(symbols.resources, key, key, 'resource');
    }
  }
}

/** A reference from one block of the stack to an object of the stack. */
export interface StackReference {
  readonly from: string;
  readonly path: string;
  readonly text: string;
  readonly address: string;
}

export interface SiteProblem {
  readonly path: string;
  readonly text: string;
  readonly message: string;
}

export interface StackAnalysis {
  /** How many strings hold template syntax, and how many interpolations they hold. */
  readonly templates: number;
  readonly interpolations: number;
  readonly parseErrors: readonly SiteProblem[];
  readonly references: readonly StackReference[];
  /** References to objects the stack does not have. */
  readonly missing: readonly SiteProblem[];
  /** How many traversals named built-ins (`each`, `count`) or a dynamic block's iterator. */
  readonly builtIns: number;
}

/** Parses every expression of a stack and resolves every reference in it. */
export async function analyzeStack(json: TerraformJson): Promise<StackAnalysis> {
  const symbols = stackSymbols(json);
  const cache = new Map<string, Promise<ParsedExpression>>();
  const parse = (site: ExpressionSite) => {
    const key = `${site.kind}\u0000${site.text}`;
    let parsed = cache.get(key);
    if (!parsed) {
      parsed = site.kind === 'template' ? parseTemplate(site.text) : parseExpression(site.text);
      cache.set(key, parsed);
    }
    return parsed;
  };
  let templates = 0;
  let interpolations = 0;
  let builtIns = 0;
  const parseErrors: SiteProblem[] = [];
  const references: StackReference[] = [];
  const missing: SiteProblem[] = [];
  for (const site of expressionSites(json)) {
    if (site.kind === 'provider') {
      const problem = providerReferenceProblem(site.text, symbols);
      if (problem) missing.push({ path: site.path, text: site.text, message: problem });
      continue;
    }
    if (site.kind === 'template' && !hasTemplateSyntax(site.text)) continue;
    const parsed = await parse(site);
    if (site.kind === 'template') {
      templates++;
      interpolations += parsed.interpolations;
    }
    if (parsed.error !== undefined) {
      parseErrors.push({ path: site.path, text: site.text, message: parsed.error });
      continue;
    }
    if (site.kind === 'reference' && parsed.traversals.length !== 1) {
      parseErrors.push({ path: site.path, text: site.text, message: 'is not a bare reference' });
      continue;
    }
    for (const traversal of parsed.traversals) {
      const resolution = resolveTraversal(traversal, symbols);
      if (resolution.kind === 'object') references.push({ from: site.block, path: site.path, text: traversal.text, address: resolution.address });
      else if (resolution.kind === 'built-in') builtIns++;
      else missing.push({ path: site.path, text: traversal.text, message: resolution.message });
    }
  }
  return { templates, interpolations, parseErrors, references, missing, builtIns };
}

/**
 * `aws.west` must name a provider configuration of the stack; a plain `aws`
 * may use the provider's empty default configuration.
 */
function providerReferenceProblem(text: string, symbols: StackSymbols): string | undefined {
  const [name, alias = ''] = text.split('.', 2);
  if (alias === '') return undefined;
  if (!symbols.providers.get(name)?.has(alias)) return `no configuration of provider ${name} has alias ${alias}`;
  return undefined;
}
