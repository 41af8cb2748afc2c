import type { GcpBillingIdentityProps } from '../constructs/gcp-billing-identity';
import { gcpIamRoleRule } from '../rules/gcp-iam-role';
import { gcpProjectIdRule } from '../rules/gcp-project-id';
import { gcpProjectNumberRule } from '../rules/gcp-project-number';
import { gcsBucketNameRule } from '../rules/gcs-bucket-name';
import { googleServiceAccountIdRule } from '../rules/google-service-account-id';
import { namespaceListRule } from '../rules/namespace';
import { Problem, joinField } from '../rules/problem';

type Input = { readonly [K in keyof GcpBillingIdentityProps]?: unknown };

export const GCP_IDENTITY_MODES = ['principal', 'impersonation'] as const;
export type GcpIdentityMode = (typeof GCP_IDENTITY_MODES)[number];
export const GCP_BINDING_SCOPES = ['bucket', 'project'] as const;
export type GcpBindingScope = (typeof GCP_BINDING_SCOPES)[number];

/**
 * Every problem in GCP billing identity props; shared by the construct and
 * the config loader.
 *
 * A prop the chosen mode does not use is an error, not silently ignored:
 * `projectNumber` in impersonation mode (the Google service account is the
 * member) and `serviceAccountId` in principal mode (no service account is
 * made). So is `bucketLocation` without `createBucket`, and the reverse.
 */
export function gcpBillingIdentityProblems(input: Input, prefix = ''): Problem[] {
  const f = (name: string) => joinField(prefix, name);
  const problems: Problem[] = [];
  if (input.projectId === undefined) problems.push({ field: f('projectId'), value: undefined, rule: 'is required (the project of the bucket and of the GKE cluster)' });
  problems.push(...gcpProjectIdRule(f('projectId'), input.projectId));
  problems.push(...gcsBucketNameRule(f('bucketName'), input.bucketName));
  problems.push(...namespaceListRule(f('controlPlaneNamespaces'), input.controlPlaneNamespaces));
  problems.push(...gcpIamRoleRule(f('role'), input.role));
  problems.push(...oneOf(f('mode'), input.mode, GCP_IDENTITY_MODES));
  problems.push(...oneOf(f('bindingScope'), input.bindingScope, GCP_BINDING_SCOPES));

  const mode = input.mode ?? 'principal';
  if (mode === 'principal') {
    problems.push(...gcpProjectNumberRule(f('projectNumber'), input.projectNumber));
    if (input.serviceAccountId !== undefined) {
      problems.push({ field: f('serviceAccountId'), value: input.serviceAccountId, rule: 'is not used in principal mode (no Google service account is made): remove it, or use impersonation' });
    }
  } else if (mode === 'impersonation') {
    problems.push(...googleServiceAccountIdRule(f('serviceAccountId'), input.serviceAccountId));
    if (input.projectNumber !== undefined) {
      problems.push({ field: f('projectNumber'), value: input.projectNumber, rule: 'is not used in impersonation mode (the Google service account is the member): remove it' });
    }
  }

  if (input.createBucket !== undefined && typeof input.createBucket !== 'boolean') {
    problems.push({ field: f('createBucket'), value: input.createBucket, rule: 'must be true or false' });
  }
  if (input.createBucket === true && (typeof input.bucketLocation !== 'string' || input.bucketLocation === '')) {
    problems.push({ field: f('bucketLocation'), value: input.bucketLocation, rule: 'is required with createBucket: true (a region such as us-central1, or a multi-region such as US)' });
  }
  if (input.createBucket !== true && input.bucketLocation !== undefined) {
    problems.push({ field: f('bucketLocation'), value: input.bucketLocation, rule: 'is only used with createBucket: true: remove it, or set createBucket: true' });
  }
  return problems;
}

function oneOf(field: string, value: unknown, allowed: readonly string[]): Problem[] {
  if (value === undefined || (typeof value === 'string' && allowed.includes(value))) return [];
  return [{ field, value, rule: `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}` }];
}
