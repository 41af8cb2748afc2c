import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';

/** A synthesized stack, parsed. */
export interface SynthesizedStack {
  readonly json: Record<string, any>;
  /** Every resource of a type, keyed by logical ID. */
  resources(type: string): Record<string, any>;
  /** The one resource of a type; fails when there is not exactly one. */
  resource(type: string): any;
  dataSources(type: string): Record<string, any>;
  outputs(): Record<string, any>;
  /** Every resource address (`type.logicalId`) with its body, without cdktf metadata. */
  addresses(): Record<string, any>;
}

export function parseStack(text: string): SynthesizedStack {
  const json = JSON.parse(text) as Record<string, any>;
  const strip = (body: any) => {
    const { ['//']: _metadata, ...rest } = body;
    return rest;
  };
  return {
    json,
    resources: (type) => Object.fromEntries(Object.entries(json.resource?.[type] ?? {}).map(([k, v]) => [k, strip(v)])),
    resource(type) {
      const all = Object.values(json.resource?.[type] ?? {});
      if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
      return strip(all[0]);
    },
    dataSources: (type) => Object.fromEntries(Object.entries(json.data?.[type] ?? {}).map(([k, v]) => [k, strip(v)])),
    outputs: () => Object.fromEntries(Object.entries(json.output ?? {}).map(([k, v]: [string, any]) => [k, v.value])),
    addresses() {
      const out: Record<string, any> = {};
      for (const [type, byId] of Object.entries(json.resource ?? {})) {
        for (const [id, body] of Object.entries(byId as Record<string, any>)) out[`${type}.${id}`] = strip(body);
      }
      for (const [type, byId] of Object.entries(json.data ?? {})) {
        for (const [id, body] of Object.entries(byId as Record<string, any>)) out[`data.${type}.${id}`] = strip(body);
      }
      return out;
    },
  };
}

/** Builds constructs in a fresh test stack and synthesizes it. */
export function synthConstructs(build: (stack: TerraformStack) => void): SynthesizedStack {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  build(stack);
  return parseStack(Testing.synth(stack));
}

/** Synthesizes a stack made by a factory in a test app. */
export function synthStack(make: (app: App) => TerraformStack): SynthesizedStack {
  const app = Testing.app();
  return parseStack(Testing.synth(make(app)));
}

/** Builds in a test stack and returns the construct built, for its attributes. */
export function build<T extends Construct>(make: (stack: TerraformStack) => T): { construct: T; stack: TerraformStack } {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  return { construct: make(stack), stack };
}

/** Parses a policy JSON string from a resource attribute. */
export function policy(text: string): any {
  return JSON.parse(text);
}

/**
 * Parses a JSON string that holds Terraform interpolations, the way Terraform
 * would after evaluating them: each `${...}` is replaced by `resolve(expr)`.
 */
export function parseTemplateJson(text: string, resolve: (expression: string) => string): any {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}' && --depth === 0) break;
      }
      out += resolve(text.slice(i + 2, j));
      i = j;
    } else out += text[i];
  }
  return JSON.parse(out);
}

/** The synth warnings (cdktf annotations) of a construct tree, as `path: message`. */
export function warningsOf(scope: Construct): string[] {
  return scope.node
    .findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => `${c.node.path}: ${m.data}`));
}
