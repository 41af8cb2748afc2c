import { TerraformJson } from './stack-json';

/**
 * Arguments the provider plugin on this machine does not know, when it is
 * older than the provider version the bindings were generated for: the
 * bindings (and the synthesized JSON) may use arguments the older plugin
 * rejects. Such an argument is removed from the verification copy, and the
 * rest is validated, only when the bindings know it (so it is valid for the
 * pinned version); any other unknown argument stays an error.
 */

/** A top-level argument of one resource or data source. */
export interface BlockArgument {
  readonly section: 'resource' | 'data';
  readonly type: string;
  readonly name: string;
  readonly argument: string;
}

/** The diagnostics Terraform gives an argument its provider schema does not have. */
const UNKNOWN_ARGUMENT_SUMMARIES = new Set(['Extraneous JSON object property', 'Unsupported argument']);

/**
 * The unknown top-level arguments named by `terraform validate -json`
 * diagnostics, and the diagnostics that are something else.
 */
export function unknownArguments(json: TerraformJson, diagnostics: readonly any[]): { unknown: BlockArgument[]; other: any[] } {
  const unknown: BlockArgument[] = [];
  const other: any[] = [];
  for (const d of diagnostics) {
    if (d?.severity !== 'error') continue;
    const argument = /named "([^"]+)"/.exec(String(d.detail ?? ''))?.[1];
    const context = /^(resource|data)\.([^.]+)\.(.+)$/.exec(String(d.snippet?.context ?? ''));
    if (!UNKNOWN_ARGUMENT_SUMMARIES.has(d.summary) || argument === undefined || !context) {
      other.push(d);
      continue;
    }
    const [, section, type, name] = context as unknown as [string, 'resource' | 'data', string, string];
    const body = json[section]?.[type]?.[name];
    if (body === undefined || typeof body !== 'object' || !(argument in body)) {
      other.push(d);
      continue;
    }
    if (!unknown.some((u) => u.section === section && u.type === type && u.name === name && u.argument === argument)) unknown.push({ section, type, name, argument });
  }
  return { unknown, other };
}

/** A copy of the stack without these arguments. */
export function withoutArguments(json: TerraformJson, args: readonly BlockArgument[]): TerraformJson {
  const copy: TerraformJson = structuredClone(json);
  for (const a of args) {
    const body = copy[a.section]?.[a.type]?.[a.name];
    if (body && typeof body === 'object') delete body[a.argument];
  }
  return copy;
}

/**
 * The directory of a resource's or data source's binding in a prebuilt
 * provider package: `aws_eks_pod_identity_association` →
 * `lib/eks-pod-identity-association`, data source `aws_eks_cluster` → `lib/data-aws-eks-cluster`.
 */
export function bindingDirectory(provider: string, section: 'resource' | 'data', type: string): string {
  const bare = type.startsWith(`${provider}_`) ? type.slice(provider.length + 1) : type;
  const dir = section === 'data' ? `data-${provider}-${bare}` : bare;
  return `lib/${dir.replace(/_/g, '-')}`;
}

/** True when a binding's compiled source maps an argument of that name (`disable_session_tags: cdktf.booleanToTerraform(...)`). */
export function bindingSourceHasArgument(source: string, argument: string): boolean {
  const escaped = argument.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s+${escaped}: `, 'm').test(source);
}
