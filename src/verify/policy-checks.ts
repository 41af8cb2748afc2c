import { IamPolicy, PolicyError, evaluatePolicies, parsePolicy } from './iam-evaluator';
import { CheckResult, fail, pass, skip } from './report';
import { AwsExpectations, RequestExpectation } from './requests';

/**
 * Reads the IAM roles, their policies and the Pod Identity associations from
 * a saved plan (`terraform show -json <plan>`), and evaluates the expected
 * requests against the policies as Terraform rendered them.
 */

/** A resource of the plan: its planned values, what is unknown until apply, and what its arguments reference. */
export interface PlannedResource {
  readonly address: string;
  readonly type: string;
  readonly values: Readonly<Record<string, any>>;
  readonly afterUnknown: Readonly<Record<string, any>>;
  /** Argument → the addresses its expression references (`aws_iam_role.x.id`, `aws_iam_role.x`). */
  readonly references: Readonly<Record<string, readonly string[]>>;
}

/** The managed resources of a plan (root and child modules). */
export function plannedResources(plan: Record<string, any>): PlannedResource[] {
  const unknown = new Map<string, Record<string, any>>();
  for (const change of plan.resource_changes ?? []) unknown.set(change.address, change.change?.after_unknown ?? {});
  const references = new Map<string, Record<string, string[]>>();
  const configured = (module: any, prefix: string) => {
    for (const resource of module?.resources ?? []) {
      const refs: Record<string, string[]> = {};
      for (const [arg, expression] of Object.entries((resource.expressions ?? {}) as Record<string, any>)) {
        if (Array.isArray(expression?.references)) refs[arg] = expression.references;
      }
      references.set(`${prefix}${resource.address}`, refs);
    }
    for (const [name, call] of Object.entries((module?.module_calls ?? {}) as Record<string, any>)) configured(call.module, `${prefix}module.${name}.`);
  };
  configured(plan.configuration?.root_module, '');
  const out: PlannedResource[] = [];
  const planned = (module: any) => {
    for (const r of module?.resources ?? []) {
      if (r.mode !== 'managed') continue;
      // Count/for_each instances share their configuration's references.
      const configAddress = String(r.address).replace(/\[[^\]]*\]$/, '');
      out.push({ address: r.address, type: r.type, values: r.values ?? {}, afterUnknown: unknown.get(r.address) ?? {}, references: references.get(configAddress) ?? {} });
    }
    for (const child of module?.child_modules ?? []) planned(child);
  };
  planned(plan.planned_values?.root_module);
  return out;
}

/** A policy as planned: parsed, or unknown until apply. */
export type PlannedPolicy = { readonly known: true; readonly policy: IamPolicy; readonly source: string } | { readonly known: false; readonly source: string };

export interface PlannedRole {
  readonly address: string;
  readonly trust: PlannedPolicy;
  /** The identity policies: inline (`aws_iam_role_policy`, `inline_policy`) and attached (`aws_iam_policy` of this plan). */
  readonly permissions: readonly PlannedPolicy[];
  /** Attached policies that are not in the plan (managed by AWS or elsewhere): not evaluated. */
  readonly externalPolicies: readonly string[];
}

function refersTo(refs: readonly string[] | undefined, address: string): boolean {
  return (refs ?? []).some((r) => r === address || r.startsWith(`${address}.`));
}

function plannedPolicy(resource: PlannedResource, argument: string): PlannedPolicy {
  const source = `${resource.address}.${argument}`;
  const text = resource.values[argument];
  if (typeof text !== 'string' || resource.afterUnknown[argument] === true) return { known: false, source };
  return { known: true, policy: parsePolicy(text), source };
}

/** The IAM roles of a plan with their trust and identity policies. */
export function plannedRoles(resources: readonly PlannedResource[]): PlannedRole[] {
  return resources
    .filter((r) => r.type === 'aws_iam_role')
    .map((role) => {
      const permissions: PlannedPolicy[] = [];
      const externalPolicies: string[] = [];
      (Array.isArray(role.values.inline_policy) ? role.values.inline_policy : []).forEach((inline: any, i: number) => {
        if (typeof inline?.policy === 'string' && inline.policy !== '') permissions.push({ known: true, policy: parsePolicy(inline.policy), source: `${role.address}.inline_policy[${i}]` });
      });
      for (const r of resources) {
        if (r.type === 'aws_iam_role_policy' && refersTo(r.references.role, role.address)) permissions.push(plannedPolicy(r, 'policy'));
        if (r.type === 'aws_iam_role_policy_attachment' && refersTo(r.references.role, role.address)) {
          const policy = resources.find((p) => p.type === 'aws_iam_policy' && refersTo(r.references.policy_arn, p.address));
          if (policy) permissions.push(plannedPolicy(policy, 'policy'));
          else externalPolicies.push(String(r.values.policy_arn ?? `${r.address}.policy_arn`));
        }
      }
      for (const arn of Array.isArray(role.values.managed_policy_arns) ? role.values.managed_policy_arns : []) externalPolicies.push(String(arn));
      return { address: role.address, trust: plannedPolicy(role, 'assume_role_policy'), permissions, externalPolicies };
    });
}

/** Evaluates the expected requests, and the Pod Identity associations, against a plan. */
export function policyChecks(stack: string, plan: Record<string, any>, expectations: AwsExpectations): CheckResult[] {
  const results: CheckResult[] = [];
  let resources: PlannedResource[];
  let roles: PlannedRole[];
  try {
    resources = plannedResources(plan);
    roles = plannedRoles(resources);
  } catch (error) {
    return [fail(stack, 'policies parse', [(error as Error).message])];
  }
  for (const reason of expectations.notModelled) results.push(skip(stack, 'not modelled', reason));
  if (roles.length === 0) return [...results, fail(stack, 'policies', ['the plan has no aws_iam_role'])];

  const trust = expectations.requests.filter((e) => e.policy === 'trust');
  const unknownTrust = roles.filter((r) => !r.trust.known);
  const trustingRoles = new Set<string>();
  if (trust.length > 0 && unknownTrust.length > 0) {
    results.push(skip(stack, `${unknownTrust.map((r) => r.trust.source).join(', ')} is known only after apply`, `${trust.length} trust requests`));
  } else {
    for (const expectation of trust) {
      const outcome = evaluateOn(roles, expectation, (role) => [role.trust]);
      if (expectation.expect === 'allow') outcome.allowing.forEach((a) => trustingRoles.add(a));
      results.push(outcome.result(stack));
    }
  }

  const permissions = expectations.requests.filter((e) => e.policy === 'permissions');
  // The billing roles: those the expected subjects may assume; all roles when none was evaluated.
  const billing = trustingRoles.size > 0 ? roles.filter((r) => trustingRoles.has(r.address)) : roles;
  const unknownPermissions = billing.flatMap((r) => r.permissions.filter((p) => !p.known).map((p) => p.source));
  if (permissions.length > 0 && unknownPermissions.length > 0) {
    results.push(skip(stack, `${unknownPermissions.join(', ')} is known only after apply`, `${permissions.length} permission requests`));
  } else {
    for (const role of billing) {
      if (role.externalPolicies.length > 0) results.push(skip(stack, `attached policies outside the plan are not evaluated: ${role.externalPolicies.join(', ')}`, `${role.address}: external policies`));
    }
    for (const expectation of permissions) results.push(evaluateOn(billing, expectation, (role) => role.permissions).result(stack, true));
  }

  if (expectations.associations) results.push(...associationChecks(stack, resources, expectations.associations, billing.map((r) => r.address)));
  return results;
}

/**
 * Evaluates one expectation on roles. `allow`: some role allows it (every
 * role, with `all`); `deny`: no role allows it.
 */
function evaluateOn(roles: readonly PlannedRole[], expectation: RequestExpectation, policiesOf: (role: PlannedRole) => readonly PlannedPolicy[]) {
  const allowing: string[] = [];
  const refusing: string[] = [];
  const errors: string[] = [];
  for (const role of roles) {
    const policies = policiesOf(role).flatMap((p) => (p.known ? [p.policy] : []));
    try {
      const evaluation = evaluatePolicies(policies, expectation.request);
      if (evaluation.decision === 'allow') allowing.push(`${role.address} (allowed by ${evaluation.allowedBy.join(', ')})`);
      else refusing.push(`${role.address} (${evaluation.decision}${evaluation.deniedBy.length > 0 ? ` by ${evaluation.deniedBy.join(', ')}` : ''})`);
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      errors.push(`${role.address}: cannot evaluate: ${error.message}`);
    }
  }
  const request = `request: ${JSON.stringify(expectation.request)}`;
  return {
    allowing: allowing.map((a) => a.split(' ')[0]),
    result(stack: string, all = false): CheckResult {
      if (errors.length > 0) return fail(stack, expectation.what, [...errors, request]);
      const ok = expectation.expect === 'allow' ? (all ? refusing.length === 0 : allowing.length > 0) : allowing.length === 0;
      return ok ? pass(stack, expectation.what) : fail(stack, expectation.what, [...(expectation.expect === 'allow' ? refusing : allowing), request]);
    },
  };
}

function associationChecks(stack: string, resources: readonly PlannedResource[], expected: NonNullable<AwsExpectations['associations']>, roles: readonly string[]): CheckResult[] {
  const associations = resources.filter((r) => r.type === 'aws_eks_pod_identity_association');
  const results: CheckResult[] = [];
  for (const namespace of expected.namespaces) {
    const what = `association: ${expected.serviceAccount} in ${namespace} gets the billing role in cluster ${expected.clusterName}`;
    const matching = associations.filter((a) => a.values.namespace === namespace);
    const problems: string[] = [];
    if (matching.length !== 1) problems.push(`${matching.length} associations for namespace ${namespace}, expected 1`);
    for (const a of matching) {
      if (a.values.service_account !== expected.serviceAccount) problems.push(`${a.address}: service_account is ${JSON.stringify(a.values.service_account)}`);
      if (a.values.cluster_name !== expected.clusterName) problems.push(`${a.address}: cluster_name is ${JSON.stringify(a.values.cluster_name)}`);
      if (!roles.some((role) => refersTo(a.references.role_arn, role))) problems.push(`${a.address}: role_arn does not reference ${roles.join(' or ')}`);
    }
    results.push(problems.length === 0 ? pass(stack, what) : fail(stack, what, problems));
  }
  const strays = associations.filter((a) => !expected.namespaces.includes(a.values.namespace) || a.values.service_account !== expected.serviceAccount);
  results.push(
    strays.length === 0
      ? pass(stack, 'association: none for another namespace or service account')
      : fail(stack, 'association: none for another namespace or service account', strays.map((a) => `${a.address}: ${a.values.service_account} in ${a.values.namespace}`)),
  );
  return results;
}
