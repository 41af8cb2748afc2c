/**
 * A small IAM policy evaluator for verification: it answers whether a set of
 * policies allows one request, the way IAM decides it for the elements this
 * project's policies use.
 *
 * - Statements: `Effect` Allow/Deny, `Action`/`NotAction`, `Resource`/`NotResource`,
 *   `Principal`/`NotPrincipal` (`"*"`, `AWS`, `Federated`, `Service`), `Condition`.
 *   An account in an `AWS` principal matches every principal of the account.
 * - Matching: actions case-insensitively with `*` and `?`; resources ARN
 *   segment by segment with `*` and `?` (a wildcard does not cross the first
 *   five colons; the resource part may hold colons).
 * - Conditions: every operator and every key of a statement must match (AND);
 *   a key with several values matches when any value does (OR); a key missing
 *   from the request makes a positive operator fail and a negated one
 *   (`StringNotEquals`, `StringNotLike`, `ArnNot*`) match; `...IfExists`
 *   matches a missing key. Condition key names are case-insensitive.
 * - Decision: an explicit deny wins over any allow; no matching allow is a
 *   default (implicit) deny.
 *
 * Anything else (set operators `ForAnyValue:`/`ForAllValues:`, numeric or
 * date operators, policy variables `${...}`) throws a PolicyError instead of
 * guessing: an evaluator that skipped an unknown condition would allow too much.
 */

/** A policy document as IAM reads it (the parts the evaluator knows). */
export interface IamPolicy {
  readonly Version?: string;
  readonly Statement: IamStatement | readonly IamStatement[];
}

export type StringOrList = string | readonly string[];

export interface IamStatement {
  readonly Sid?: string;
  readonly Effect: string;
  readonly Principal?: '*' | { readonly [type: string]: StringOrList };
  readonly NotPrincipal?: '*' | { readonly [type: string]: StringOrList };
  readonly Action?: StringOrList;
  readonly NotAction?: StringOrList;
  readonly Resource?: StringOrList;
  readonly NotResource?: StringOrList;
  readonly Condition?: { readonly [operator: string]: { readonly [key: string]: unknown } };
}

/** Who makes a request: `{ type: 'Federated', id: '<oidc provider arn>' }`. */
export interface IamPrincipal {
  readonly type: 'AWS' | 'Federated' | 'Service' | 'CanonicalUser';
  readonly id: string;
}

/** One request: an action, on a resource, by a principal, with its context keys. */
export interface IamRequest {
  readonly action: string;
  /** The resource ARN; omitted for a role's trust policy, whose statements name none. */
  readonly resource?: string;
  readonly principal?: IamPrincipal;
  /** Request context keys (`aws:RequestTag/x`, `<issuer>:sub`) and their single values. */
  readonly context?: Readonly<Record<string, string>>;
}

export type IamDecision = 'allow' | 'explicit-deny' | 'implicit-deny';

export interface IamEvaluation {
  readonly decision: IamDecision;
  /** The statements (Sid, else `#<index>`) that matched with Allow. */
  readonly allowedBy: readonly string[];
  /** The statements that matched with Deny. */
  readonly deniedBy: readonly string[];
}

/** A policy the evaluator cannot evaluate exactly. */
export class PolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyError';
  }
}

/** Parses a policy JSON string (as Terraform renders it) into a policy. */
export function parsePolicy(text: string): IamPolicy {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new PolicyError(`policy is not JSON: ${(error as Error).message}`);
  }
  if (typeof document !== 'object' || document === null || !('Statement' in document)) {
    throw new PolicyError('policy has no Statement');
  }
  return document as IamPolicy;
}

/** Evaluates a request against policies that apply together (explicit deny wins, default deny). */
export function evaluatePolicies(policies: readonly IamPolicy[], request: IamRequest): IamEvaluation {
  const allowedBy: string[] = [];
  const deniedBy: string[] = [];
  policies.forEach((policy, p) => {
    statementsOf(policy).forEach((statement, s) => {
      const label = statement.Sid ? statement.Sid : policies.length > 1 ? `#${p}.${s}` : `#${s}`;
      if (!statementMatches(statement, request)) return;
      if (statement.Effect === 'Deny') deniedBy.push(label);
      else allowedBy.push(label);
    });
  });
  const decision: IamDecision = deniedBy.length > 0 ? 'explicit-deny' : allowedBy.length > 0 ? 'allow' : 'implicit-deny';
  return { decision, allowedBy, deniedBy };
}

/** True when the policies allow the request. */
export function isAllowed(policies: readonly IamPolicy[], request: IamRequest): boolean {
  return evaluatePolicies(policies, request).decision === 'allow';
}

function statementsOf(policy: IamPolicy): readonly IamStatement[] {
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement as IamStatement];
  for (const statement of statements) {
    if (typeof statement !== 'object' || statement === null) throw new PolicyError('a statement is not an object');
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') throw new PolicyError(`statement Effect ${JSON.stringify(statement.Effect)} is neither Allow nor Deny`);
    if ((statement.Action === undefined) === (statement.NotAction === undefined)) throw new PolicyError('a statement needs exactly one of Action and NotAction');
    if (statement.Resource !== undefined && statement.NotResource !== undefined) throw new PolicyError('a statement cannot have both Resource and NotResource');
    if (statement.Principal !== undefined && statement.NotPrincipal !== undefined) throw new PolicyError('a statement cannot have both Principal and NotPrincipal');
  }
  return statements;
}

/** True when every element of the statement matches the request. */
export function statementMatches(statement: IamStatement, request: IamRequest): boolean {
  return actionMatches(statement, request.action) && resourceMatches(statement, request.resource) && principalMatches(statement, request.principal) && conditionsMatch(statement.Condition, request.context ?? {});
}

function list(value: StringOrList | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}

function actionMatches(statement: IamStatement, action: string): boolean {
  if (statement.Action !== undefined) return list(statement.Action).some((pattern) => globMatch(pattern, action, true));
  return !list(statement.NotAction).some((pattern) => globMatch(pattern, action, true));
}

function resourceMatches(statement: IamStatement, resource: string | undefined): boolean {
  if (statement.Resource === undefined && statement.NotResource === undefined) return true;
  const matchesAny = (patterns: readonly string[]) => patterns.some((pattern) => pattern === '*' || (resource !== undefined && arnMatch(pattern, resource)));
  if (statement.Resource !== undefined) return matchesAny(list(statement.Resource));
  return !matchesAny(list(statement.NotResource));
}

function principalMatches(statement: IamStatement, principal: IamPrincipal | undefined): boolean {
  if (statement.Principal !== undefined) return principal !== undefined && principalIn(statement.Principal, principal);
  if (statement.NotPrincipal !== undefined) return principal === undefined || !principalIn(statement.NotPrincipal, principal);
  return true;
}

function principalIn(element: '*' | { readonly [type: string]: StringOrList }, principal: IamPrincipal): boolean {
  if (element === '*') return true;
  if (typeof element !== 'object' || element === null) throw new PolicyError(`Principal ${JSON.stringify(element)} is neither "*" nor an object`);
  for (const type of Object.keys(element)) {
    if (!['AWS', 'Federated', 'Service', 'CanonicalUser'].includes(type)) throw new PolicyError(`principal type ${type} is not one of AWS, Federated, Service, CanonicalUser`);
  }
  const ids = list(element[principal.type]);
  return ids.some((id) => {
    if (id.includes('${')) throw new PolicyError(`policy variable in principal ${id} is not supported`);
    switch (principal.type) {
      case 'AWS':
        return id === '*' || id === principal.id || accountMatches(id, principal.id);
      case 'Service':
        return id.toLowerCase() === principal.id.toLowerCase();
      default:
        return id === principal.id;
    }
  });
}

/**
 * An account in a Principal (`123456789012` or `arn:aws:iam::123456789012:root`)
 * delegates to the account: it matches every principal of that account
 * (whose own policies then decide), not only the root user.
 */
function accountMatches(id: string, principalArn: string): boolean {
  const account = /^\d{12}$/.test(id) ? id : /^arn:aws[a-z-]*:iam::(\d{12}):root$/.exec(id)?.[1];
  return account !== undefined && /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/.exec(principalArn)?.[1] === account;
}

type KeyMatcher = (values: readonly string[], actual: string | undefined) => boolean;

const anyValue = (match: (pattern: string, actual: string) => boolean): KeyMatcher => (values, actual) =>
  actual !== undefined && values.some((v) => match(v, actual));
const noValue = (match: (pattern: string, actual: string) => boolean): KeyMatcher => (values, actual) =>
  actual === undefined || !values.some((v) => match(v, actual));

/** The condition operators the evaluator knows, without the `IfExists` suffix. */
const OPERATORS: Readonly<Record<string, KeyMatcher>> = {
  StringEquals: anyValue((v, a) => v === a),
  StringNotEquals: noValue((v, a) => v === a),
  StringEqualsIgnoreCase: anyValue((v, a) => v.toLowerCase() === a.toLowerCase()),
  StringNotEqualsIgnoreCase: noValue((v, a) => v.toLowerCase() === a.toLowerCase()),
  StringLike: anyValue((v, a) => globMatch(v, a, false)),
  StringNotLike: noValue((v, a) => globMatch(v, a, false)),
  ArnEquals: anyValue(arnMatch),
  ArnLike: anyValue(arnMatch),
  ArnNotEquals: noValue(arnMatch),
  ArnNotLike: noValue(arnMatch),
  Bool: anyValue((v, a) => v.toLowerCase() === a.toLowerCase()),
  // Null: "true" matches a missing key, "false" a present one.
  Null: (values, actual) => values.some((v) => (v.toLowerCase() === 'true') === (actual === undefined)),
};

function conditionsMatch(condition: IamStatement['Condition'], context: Readonly<Record<string, string>>): boolean {
  if (condition === undefined) return true;
  const lowered = new Map(Object.entries(context).map(([k, v]) => [k.toLowerCase(), v]));
  return Object.entries(condition).every(([operatorName, keys]) => {
    if (operatorName.includes(':')) throw new PolicyError(`condition set operator ${operatorName} is not supported`);
    const ifExists = operatorName.endsWith('IfExists') && operatorName !== 'IfExists';
    const base = ifExists ? operatorName.slice(0, -'IfExists'.length) : operatorName;
    const matcher = OPERATORS[base];
    if (!matcher || (ifExists && base === 'Null')) throw new PolicyError(`condition operator ${operatorName} is not supported`);
    if (typeof keys !== 'object' || keys === null) throw new PolicyError(`condition ${operatorName} is not an object of keys`);
    return Object.entries(keys).every(([key, raw]) => {
      const values = (Array.isArray(raw) ? raw : [raw]).map((v) => {
        if (typeof v !== 'string' && typeof v !== 'boolean' && typeof v !== 'number') throw new PolicyError(`condition value of ${key} is not a string`);
        const text = String(v);
        if (text.includes('${')) throw new PolicyError(`policy variable in condition value ${text} is not supported`);
        return text;
      });
      const actual = lowered.get(key.toLowerCase());
      if (ifExists && actual === undefined) return true;
      return matcher(values, actual);
    });
  });
}

/** Matches IAM's `*` (any run of characters) and `?` (one character). */
export function globMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  if (pattern.includes('${')) throw new PolicyError(`policy variable in ${pattern} is not supported`);
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

/**
 * Matches an ARN pattern against an ARN: the six parts
 * (`arn:partition:service:region:account:resource`) one by one, so that a
 * wildcard in the region does not swallow the account. A pattern that is not
 * an ARN is matched as a whole.
 */
export function arnMatch(pattern: string, value: string): boolean {
  const p = arnParts(pattern);
  if (p === undefined) return globMatch(pattern, value, false);
  const v = arnParts(value);
  if (v === undefined) return false;
  return p.every((part, i) => globMatch(part, v[i], false));
}

function arnParts(arn: string): string[] | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}
