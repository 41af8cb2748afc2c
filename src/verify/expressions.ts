import { getExpressionAst } from '@cdktf/hcl2json';

/**
 * Terraform expressions, parsed offline by HCL itself (the Go parser of
 * `@cdktf/hcl2json`, compiled to WebAssembly).
 *
 * In Terraform's JSON syntax every string is a template: `${...}` holds an
 * expression, `%{...}` a directive, `$${` and `%%{` are escapes. The parser
 * reads the string as an HCL heredoc template, whose literal parts keep
 * quotes and backslashes as they are, so the result is the one Terraform
 * reads from the JSON string.
 */

/** One step of a traversal: `.name` or `[index]`. */
export interface TraversalStep {
  readonly kind: 'name' | 'index';
  readonly value: string;
}

/** A root traversal (`aws_iam_role.x.arn`, `var.name`), the way a reference starts. */
export interface Traversal {
  /** The traversal as written. */
  readonly text: string;
  readonly steps: readonly TraversalStep[];
}

export interface ParsedExpression {
  /** The parser's message when the text does not parse. */
  readonly error?: string;
  /** Root traversals, without the names a `for` expression binds. */
  readonly traversals: readonly Traversal[];
  /** How many `${...}` / `%{...}` parts the template holds. */
  readonly interpolations: number;
}

/** True when a JSON string holds template syntax for Terraform to parse. */
export function hasTemplateSyntax(text: string): boolean {
  return text.includes('${') || text.includes('%{');
}

/** Parses a string the way Terraform reads a string in JSON configuration: as a template. */
export async function parseTemplate(text: string): Promise<ParsedExpression> {
  let delimiter = 'EOT_SPACES_VERIFY';
  while (text.split('\n').some((line) => line.trim() === delimiter)) delimiter += '_';
  return parseWith(`<<${delimiter}\n${text}\n${delimiter}\n`, true);
}

/**
 * Parses a bare expression (a `depends_on` entry, a `replace_triggered_by`
 * entry), which Terraform's JSON syntax writes without `${}`.
 */
export async function parseExpression(text: string): Promise<ParsedExpression> {
  return parseWith(text, false);
}

async function parseWith(source: string, template: boolean): Promise<ParsedExpression> {
  let ast: unknown;
  try {
    ast = await getExpressionAst('verify.tf.json', source);
  } catch (error) {
    return { error: cleanError(String((error as Error).message ?? error)), traversals: [], interpolations: 0 };
  }
  if (ast === null || ast === undefined) return { error: 'the parser returned no expression', traversals: [], interpolations: 0 };
  const traversals: Traversal[] = [];
  collect(ast as AstNode, new Set(), traversals);
  const root = ast as AstNode;
  const interpolations = template ? (root.children ?? []).filter((c) => c.type !== 'literalValue').length : 1;
  return { traversals, interpolations };
}

interface AstNode {
  readonly type: string;
  readonly children?: readonly AstNode[];
  readonly meta?: {
    readonly traversal?: readonly { readonly type: string; readonly segment: string }[];
    readonly value?: string;
    readonly keyVar?: string;
    readonly valVar?: string;
  };
}

function collect(node: AstNode, bound: ReadonlySet<string>, out: Traversal[]): void {
  let scope = bound;
  if (node.type === 'for') {
    const names = [node.meta?.keyVar, node.meta?.valVar].filter((n): n is string => !!n);
    scope = new Set([...bound, ...names]);
  }
  if (node.type === 'scopeTraversal' && node.meta?.traversal) {
    const steps: TraversalStep[] = node.meta.traversal.map((part) => ({
      kind: part.type === 'indexTraversal' ? 'index' : 'name',
      value: part.segment,
    }));
    if (steps.length > 0 && !scope.has(steps[0].value)) out.push({ text: node.meta.value ?? steps.map((s) => s.value).join('.'), steps });
  }
  for (const child of node.children ?? []) collect(child, scope, out);
}

/** The parser's message without the echo of the whole input. */
function cleanError(message: string): string {
  const marker = "': verify.tf.json:";
  const at = message.lastIndexOf(marker);
  const rest = at >= 0 ? message.slice(at + marker.length) : message.replace(/^Error: /, '');
  return rest.replace(/\s+/g, ' ').trim();
}
