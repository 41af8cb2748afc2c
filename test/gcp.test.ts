import { DataGoogleProject } from '@cdktf/provider-google/lib/data-google-project';
import { AnnotationMetadataEntryType, Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { buildStacks } from '../src/app';
import { parseConfig } from '../src/config/config';
import { GcpBillingIdentity, GcpBillingIdentityProps } from '../src/constructs/gcp-billing-identity';
import { SpacesRelease } from '../src/constructs/spaces-release';
import {
  principalMember,
  serviceAccountEmail,
  serviceAccountMember,
  workloadIdentityPool,
  workloadIdentityUserMember,
} from '../src/gcp/members';
import { gcpBillingIdentityProblems } from '../src/gcp/validation';
import { gcpIamRoleRule } from '../src/rules/gcp-iam-role';
import { gcpProjectIdRule } from '../src/rules/gcp-project-id';
import { gcpProjectNumberRule } from '../src/rules/gcp-project-number';
import { gcpRegionRule } from '../src/rules/gcp-region';
import { gcsBucketNameRule } from '../src/rules/gcs-bucket-name';
import { googleServiceAccountIdRule } from '../src/rules/google-service-account-id';
import { build, parseStack, synthConstructs } from './support/synth';

const POOL = 'example-spaces-project.svc.id.goog';
const PRINCIPAL_PREFIX = `principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/${POOL}/subject/ns`;
const THREE = ['mxp-ctp-gamma-system', 'mxp-ctp-alpha-system', 'mxp-ctp-beta-system'];
const base: GcpBillingIdentityProps = {
  projectId: 'example-spaces-project',
  projectNumber: '123456789012',
  bucketName: 'example-spaces-billing-gcp',
  controlPlaneNamespaces: ['mxp-ctp-alpha-system'],
};
const impersonation: GcpBillingIdentityProps = { ...base, mode: 'impersonation', projectNumber: undefined };

function synthGcp(props: Partial<GcpBillingIdentityProps> = {}, from: GcpBillingIdentityProps = base) {
  return synthConstructs((stack) => {
    const identity = new GcpBillingIdentity(stack, 'Billing', { ...from, ...props });
    new SpacesRelease(stack, 'Spaces', { version: '1.14.1', account: 'example-org', billing: identity });
  });
}

/** The only logical ID of a resource or data source type. */
function onlyId(record: Record<string, unknown>): string {
  const ids = Object.keys(record);
  expect(ids).toHaveLength(1);
  return ids[0];
}

/** The warnings added to a construct, as the cdktf CLI prints them. */
function warningsOf(props: GcpBillingIdentityProps): string[] {
  const { construct } = build((stack) => new GcpBillingIdentity(stack, 'Billing', props));
  return construct.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN).map((m) => String(m.data));
}

/** Every resource and data source type in a synthesized stack. */
function allTypes(json: Record<string, any>): string[] {
  return [...Object.keys(json.resource ?? {}), ...Object.keys(json.data ?? {}).map((t) => `data.${t}`)];
}

describe('GCP member builders', () => {
  it('builds the principal identifier with the project number in the path and the project id in the pool', () => {
    expect(workloadIdentityPool('example-spaces-project')).toBe('example-spaces-project.svc.id.goog');
    expect(principalMember('123456789012', 'example-spaces-project', 'mxp-ctp-alpha-system')).toBe(
      'principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/example-spaces-project.svc.id.goog/subject/ns/mxp-ctp-alpha-system/sa/vector',
    );
    expect(principalMember('123456789012', 'example-spaces-project', 'mxp-ctp-alpha-system')).not.toContain('principalSet');
  });

  it('builds the workload identity user and service account members', () => {
    expect(workloadIdentityUserMember('example-spaces-project', 'mxp-ctp-alpha-system')).toBe(
      'serviceAccount:example-spaces-project.svc.id.goog[mxp-ctp-alpha-system/vector]',
    );
    expect(serviceAccountMember('billing-sa@example-spaces-project.iam.gserviceaccount.com')).toBe(
      'serviceAccount:billing-sa@example-spaces-project.iam.gserviceaccount.com',
    );
    expect(serviceAccountEmail('billing-sa', 'example-spaces-project')).toBe('billing-sa@example-spaces-project.iam.gserviceaccount.com');
  });
});

describe('GcpBillingIdentity, principal mode', () => {
  it('grants roles/storage.objectAdmin on the bucket to the principal identifier of one namespace', () => {
    const out = synthGcp();
    expect(out.addresses()).toMatchSnapshot();
    expect(out.resource('google_storage_bucket_iam_member')).toEqual({
      bucket: 'example-spaces-billing-gcp',
      role: 'roles/storage.objectAdmin',
      member: `${PRINCIPAL_PREFIX}/mxp-ctp-alpha-system/sa/vector`,
    });
    expect(out.resources('google_service_account')).toEqual({});
    expect(out.resources('google_project_iam_member')).toEqual({});
    // A plain project number reads no data source.
    expect(out.json.data).toBeUndefined();
  });

  it('grants one member per namespace of three, sorted, whatever the input order', () => {
    const out = synthGcp({ controlPlaneNamespaces: THREE });
    expect(out.addresses()).toMatchSnapshot();
    const members = Object.values(out.resources('google_storage_bucket_iam_member'));
    expect(members.map((m) => m.member).sort()).toEqual([
      `${PRINCIPAL_PREFIX}/mxp-ctp-alpha-system/sa/vector`,
      `${PRINCIPAL_PREFIX}/mxp-ctp-beta-system/sa/vector`,
      `${PRINCIPAL_PREFIX}/mxp-ctp-gamma-system/sa/vector`,
    ]);
    for (const m of members) expect(m).toMatchObject({ bucket: 'example-spaces-billing-gcp', role: 'roles/storage.objectAdmin' });
  });

  it('keeps the logical ID and body of a namespace member when other namespaces are added, removed or reordered', () => {
    const alone = synthGcp({ controlPlaneNamespaces: ['mxp-ctp-beta-system'] }).resources('google_storage_bucket_iam_member');
    const among = synthGcp({ controlPlaneNamespaces: THREE }).resources('google_storage_bucket_iam_member');
    const reordered = synthGcp({ controlPlaneNamespaces: [...THREE].reverse() }).resources('google_storage_bucket_iam_member');
    const [id] = Object.keys(alone);
    expect(id).toContain('mxp-ctp-beta-system');
    expect(among[id]).toEqual(alone[id]);
    expect(reordered).toEqual(among);
  });

  it('grants on the project with bindingScope project', () => {
    const out = synthGcp({ bindingScope: 'project', controlPlaneNamespaces: THREE });
    expect(out.addresses()).toMatchSnapshot();
    expect(out.resources('google_storage_bucket_iam_member')).toEqual({});
    const members = Object.values(out.resources('google_project_iam_member'));
    expect(members).toHaveLength(3);
    expect(members).toContainEqual({
      project: 'example-spaces-project',
      role: 'roles/storage.objectAdmin',
      member: `${PRINCIPAL_PREFIX}/mxp-ctp-beta-system/sa/vector`,
    });
  });

  it('grants on the project for one namespace with bindingScope project', () => {
    const out = synthGcp({ bindingScope: 'project' });
    expect(out.addresses()).toMatchSnapshot();
    expect(out.resource('google_project_iam_member')).toEqual({
      project: 'example-spaces-project',
      role: 'roles/storage.objectAdmin',
      member: `${PRINCIPAL_PREFIX}/mxp-ctp-alpha-system/sa/vector`,
    });
  });

  it('reads the project number from google_project when it is not given', () => {
    const out = synthGcp({ projectNumber: undefined });
    const projectId = onlyId(out.dataSources('google_project'));
    expect(out.dataSources('google_project')[projectId]).toEqual({ project_id: 'example-spaces-project' });
    expect(out.resource('google_storage_bucket_iam_member').member).toBe(
      `principal://iam.googleapis.com/projects/\${data.google_project.${projectId}.number}/locations/global/workloadIdentityPools/${POOL}/subject/ns/mxp-ctp-alpha-system/sa/vector`,
    );
  });

  it('renders a token project number given by the caller into the member path', () => {
    const out = synthConstructs((stack) => {
      const project = new DataGoogleProject(stack, 'SpacesProject', { projectId: 'example-spaces-project' });
      new GcpBillingIdentity(stack, 'Billing', { ...base, projectNumber: project.number });
    });
    expect(Object.keys(out.dataSources('google_project'))).toEqual(['SpacesProject']);
    const member = out.resource('google_storage_bucket_iam_member').member;
    expect(member).toBe(
      `principal://iam.googleapis.com/projects/\${data.google_project.SpacesProject.number}/locations/global/workloadIdentityPools/${POOL}/subject/ns/mxp-ctp-alpha-system/sa/vector`,
    );
    expect(member).not.toContain('TfToken');
  });

  it('sets the gcp billing values and no service account annotation', () => {
    const out = synthGcp();
    const values = out.resource('helm_release').values[0];
    expect(values).toMatchSnapshot();
    expect(values).toContain('    provider: "gcp"\n    gcp:\n      bucket: "example-spaces-billing-gcp"\n    secretRef:\n      name: ""\n');
    expect(values).not.toContain('iam.gke.io');
    expect(values).not.toContain('customAnnotations');
    const { construct } = build((stack) => new GcpBillingIdentity(stack, 'Billing', base));
    expect(construct.billingValues.serviceAccountAnnotations).toEqual({});
    expect(construct.billingValues.storage).toEqual({ provider: 'gcp', bucket: 'example-spaces-billing-gcp' });
  });
});

describe('GcpBillingIdentity, impersonation mode', () => {
  it('makes one Google service account, grants it on the bucket and lets one namespace impersonate it', () => {
    const out = synthGcp({}, impersonation);
    expect(out.addresses()).toMatchSnapshot();
    const saId = onlyId(out.resources('google_service_account'));
    expect(out.resource('google_service_account')).toMatchObject({ account_id: 'billing-sa', project: 'example-spaces-project' });
    expect(out.resource('google_storage_bucket_iam_member')).toEqual({
      bucket: 'example-spaces-billing-gcp',
      role: 'roles/storage.objectAdmin',
      member: `serviceAccount:\${google_service_account.${saId}.email}`,
    });
    expect(out.resource('google_service_account_iam_member')).toEqual({
      service_account_id: `\${google_service_account.${saId}.name}`,
      role: 'roles/iam.workloadIdentityUser',
      member: 'serviceAccount:example-spaces-project.svc.id.goog[mxp-ctp-alpha-system/vector]',
    });
    expect(out.json.data).toBeUndefined();
  });

  it('lets each of three namespaces impersonate the service account, one member each', () => {
    const out = synthGcp({ controlPlaneNamespaces: THREE, serviceAccountId: 'spaces-billing' }, impersonation);
    expect(out.addresses()).toMatchSnapshot();
    expect(out.resource('google_service_account').account_id).toBe('spaces-billing');
    expect(Object.keys(out.resources('google_storage_bucket_iam_member'))).toHaveLength(1);
    const members = Object.values(out.resources('google_service_account_iam_member'));
    expect(members.map((m) => m.member).sort()).toEqual([
      'serviceAccount:example-spaces-project.svc.id.goog[mxp-ctp-alpha-system/vector]',
      'serviceAccount:example-spaces-project.svc.id.goog[mxp-ctp-beta-system/vector]',
      'serviceAccount:example-spaces-project.svc.id.goog[mxp-ctp-gamma-system/vector]',
    ]);
    for (const m of members) expect(m.role).toBe('roles/iam.workloadIdentityUser');
  });

  it('keeps each namespace member when other namespaces change', () => {
    const alone = synthGcp({ controlPlaneNamespaces: ['mxp-ctp-gamma-system'] }, impersonation).resources('google_service_account_iam_member');
    const among = synthGcp({ controlPlaneNamespaces: THREE }, impersonation).resources('google_service_account_iam_member');
    const [id] = Object.keys(alone);
    expect(id).toContain('mxp-ctp-gamma-system');
    expect(among[id]).toEqual(alone[id]);
  });

  it('grants the service account on the project with bindingScope project', () => {
    const out = synthGcp({ bindingScope: 'project', controlPlaneNamespaces: THREE }, impersonation);
    expect(out.addresses()).toMatchSnapshot();
    const saId = onlyId(out.resources('google_service_account'));
    expect(out.resources('google_storage_bucket_iam_member')).toEqual({});
    expect(out.resource('google_project_iam_member')).toEqual({
      project: 'example-spaces-project',
      role: 'roles/storage.objectAdmin',
      member: `serviceAccount:\${google_service_account.${saId}.email}`,
    });
  });

  it('grants the service account on the project for one namespace with bindingScope project', () => {
    const out = synthGcp({ bindingScope: 'project' }, impersonation);
    expect(out.addresses()).toMatchSnapshot();
    expect(Object.keys(out.resources('google_project_iam_member'))).toHaveLength(1);
    expect(Object.keys(out.resources('google_service_account_iam_member'))).toHaveLength(1);
  });

  it('annotates the vector service account with the Google service account e-mail', () => {
    const out = synthGcp({}, impersonation);
    const saId = onlyId(out.resources('google_service_account'));
    const values = out.resource('helm_release').values[0];
    expect(values).toMatchSnapshot();
    expect(values).toContain(`        iam.gke.io/gcp-service-account: "\${google_service_account.${saId}.email}"\n`);
    expect(values).toContain('    provider: "gcp"\n    gcp:\n      bucket: "example-spaces-billing-gcp"\n    secretRef:\n      name: ""\n');
  });
});

describe('GcpBillingIdentity, both modes', () => {
  const combos: [string, Partial<GcpBillingIdentityProps>][] = [
    ['principal, bucket', {}],
    ['principal, project', { bindingScope: 'project' }],
    ['principal, created bucket', { createBucket: true, bucketLocation: 'us-central1' }],
    ['impersonation, bucket', { ...impersonation }],
    ['impersonation, project', { ...impersonation, bindingScope: 'project' }],
    ['impersonation, created bucket', { ...impersonation, createBucket: true, bucketLocation: 'US' }],
  ];

  it.each(combos)('synthesizes only non-authoritative IAM resources (%s)', (_name, props) => {
    const out = synthGcp({ controlPlaneNamespaces: THREE, ...props, ...(props.mode ? { projectNumber: undefined } : {}) });
    const types = allTypes(out.json);
    const iamTypes = types.filter((t) => /iam/.test(t));
    expect(iamTypes.length).toBeGreaterThan(0);
    expect(types.filter((t) => /_iam_(binding|policy)$|^data\.google_iam_policy$/.test(t))).toEqual([]);
    for (const t of iamTypes) expect(t).toMatch(/^google_[a-z_]+_iam_member$/);
  });

  it('creates the bucket with uniform bucket-level access and references it from the members', () => {
    for (const from of [base, impersonation]) {
      const out = synthGcp({ createBucket: true, bucketLocation: 'us-central1', controlPlaneNamespaces: THREE }, from);
      const bucketId = onlyId(out.resources('google_storage_bucket'));
      expect(out.resource('google_storage_bucket')).toEqual({
        name: 'example-spaces-billing-gcp',
        project: 'example-spaces-project',
        location: 'us-central1',
        uniform_bucket_level_access: true,
        public_access_prevention: 'enforced',
      });
      for (const m of Object.values(out.resources('google_storage_bucket_iam_member'))) {
        expect(m.bucket).toBe(`\${google_storage_bucket.${bucketId}.name}`);
      }
    }
    expect(synthGcp().resources('google_storage_bucket')).toEqual({});
  });

  it('warns that bindingScope project grants access to every bucket in the project', () => {
    for (const from of [base, impersonation]) {
      const warnings = warningsOf({ ...from, bindingScope: 'project' });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toBe(
        'bindingScope "project" grants the role on the project, that is on every bucket in it, not only the billing bucket; use bindingScope "bucket" (the default) to grant it on the billing bucket only',
      );
      expect(warningsOf(from)).toEqual([]);
    }
  });

  it('warns that roles/storage.objectCreator cannot list the bucket for the health check', () => {
    const warnings = warningsOf({ ...base, role: 'roles/storage.objectCreator' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('cannot list objects (storage.objects.list)');
    expect(warnings[0]).toContain("Vector's health check");
    const out = synthGcp({ role: 'roles/storage.objectCreator' });
    expect(out.resource('google_storage_bucket_iam_member').role).toBe('roles/storage.objectCreator');
  });

  it('grants a custom role', () => {
    const role = 'projects/example-spaces-project/roles/spacesBilling';
    expect(synthGcp({ role }).resource('google_storage_bucket_iam_member').role).toBe(role);
    expect(warningsOf({ ...base, role })).toEqual([]);
  });
});

describe('GcpBillingIdentity, bad input', () => {
  it('fails on a bad project id, naming the field and value', () => {
    expect(() => synthGcp({ projectId: 'Example_Project' })).toThrow(/projectId: "Example_Project" is not a Google Cloud project ID/);
    expect(() => synthGcp({ projectId: 'short' })).toThrow(/projectId: "short" is 5 characters long: a project ID is 6 to 30 characters/);
    expect(() => synthGcp({ projectId: 'example-project-' })).toThrow(/projectId: "example-project-" is not a Google Cloud project ID/);
    expect(() => synthGcp({ projectId: '123456789012' })).toThrow(/projectId: "123456789012" is a project number: give the project ID/);
  });

  it('fails on a bad project number', () => {
    expect(() => synthGcp({ projectNumber: 'example-spaces-project' })).toThrow(/projectNumber: "example-spaces-project" is not a Google Cloud project number/);
    expect(() => synthGcp({ projectNumber: 123456789012 as unknown as string })).toThrow(/projectNumber: 123456789012 is not a Google Cloud project number: use its digits, quoted as a string/);
    expect(() => synthGcp({ projectNumber: '1'.repeat(21) })).toThrow(/projectNumber: "1{21}" is not a Google Cloud project number/);
  });

  it('fails on a bad service account id', () => {
    expect(() => synthGcp({ serviceAccountId: 'sa' }, impersonation)).toThrow(/serviceAccountId: "sa" is 2 characters long: a service account ID is 6 to 30 characters/);
    expect(() => synthGcp({ serviceAccountId: 'Billing-SA' }, impersonation)).toThrow(/serviceAccountId: "Billing-SA" is not a service account ID/);
    expect(() => synthGcp({ serviceAccountId: '1billing' }, impersonation)).toThrow(/serviceAccountId: "1billing" is not a service account ID/);
    expect(() => synthGcp({ serviceAccountId: 'billing-' }, impersonation)).toThrow(/serviceAccountId: "billing-" is not a service account ID/);
    expect(() => synthGcp({ serviceAccountId: 'billing-sa@example-spaces-project.iam.gserviceaccount.com' }, impersonation)).toThrow(
      /is an e-mail address: give only the account ID before "@" \("billing-sa"\)/,
    );
  });

  it('fails on a bad bucket name', () => {
    expect(() => synthGcp({ bucketName: 'Example_Bucket' })).toThrow(/bucketName: "Example_Bucket" is not a valid Cloud Storage bucket name/);
    expect(() => synthGcp({ bucketName: 'spaces-google-billing' })).toThrow(/bucketName: "spaces-google-billing" is not a valid Cloud Storage bucket name: it may not contain "google"/);
    expect(() => synthGcp({ bucketName: 'goog-billing' })).toThrow(/bucketName: "goog-billing" .*the prefix "goog" is reserved/);
    expect(() => synthGcp({ bucketName: '192.168.5.4' })).toThrow(/it may not look like an IP address/);
    expect(() => synthGcp({ bucketName: 'ab' })).toThrow(/bucketName: "ab" is 2 characters long/);
  });

  it('fails on a bad role', () => {
    expect(() => synthGcp({ role: 'storage.objectAdmin' })).toThrow(/role: "storage.objectAdmin" is not an IAM role name: use roles\/<role>/);
  });

  it('fails on a prop the mode does not use', () => {
    expect(() => synthGcp({ projectNumber: '123456789012' }, impersonation)).toThrow(/projectNumber: "123456789012" is not used in impersonation mode/);
    expect(() => synthGcp({ serviceAccountId: 'billing-sa' })).toThrow(/serviceAccountId: "billing-sa" is not used in principal mode/);
  });

  it('fails on bucketLocation without createBucket, and createBucket without bucketLocation', () => {
    expect(() => synthGcp({ bucketLocation: 'us-central1' })).toThrow(/bucketLocation: "us-central1" is only used with createBucket: true/);
    expect(() => synthGcp({ createBucket: true })).toThrow(/bucketLocation: \(missing\) is required with createBucket: true/);
  });

  it('fails on an empty or repeated namespace list, and on an unknown mode or scope', () => {
    expect(() => synthGcp({ controlPlaneNamespaces: [] })).toThrow(/controlPlaneNamespaces: \[\] is empty/);
    expect(() => synthGcp({ controlPlaneNamespaces: ['mxp-a-system', 'mxp-a-system'] })).toThrow(/controlPlaneNamespaces\[1\]: "mxp-a-system" is listed twice/);
    expect(() => synthGcp({ mode: 'workload' as never })).toThrow(/mode: "workload" must be one of "principal", "impersonation"/);
    expect(() => synthGcp({ bindingScope: 'organization' as never })).toThrow(/bindingScope: "organization" must be one of "bucket", "project"/);
  });

  it('reports every problem at once, with a field prefix', () => {
    const problems = gcpBillingIdentityProblems({ ...base, projectId: 'X', bucketName: 'Bad_Bucket' }, 'stacks[2]');
    expect(problems.map((p) => p.field)).toEqual(['stacks[2].projectId', 'stacks[2].bucketName']);
  });
});

describe('GCP rules', () => {
  it('accepts Cloud Storage bucket names within the naming rules', () => {
    const part = 'a'.repeat(63);
    const dotted = [part, part, part, 'b'.repeat(30)].join('.');
    expect(dotted).toHaveLength(222);
    for (const name of ['abc', 'example-spaces-billing-gcp', 'example_spaces.billing', 'a'.repeat(63), dotted]) {
      expect(gcsBucketNameRule('bucketName', name)).toEqual([]);
    }
  });

  it('fails on Cloud Storage bucket names outside the naming rules', () => {
    const part = 'a'.repeat(63);
    expect(gcsBucketNameRule('b', 'a'.repeat(64))[0].rule).toBe('is 64 characters long: a bucket name without dots is at most 63 characters (up to 222 with dots)');
    expect(gcsBucketNameRule('b', [part, part, part, 'b'.repeat(31)].join('.'))[0].rule).toBe('is 223 characters long: a bucket name with dots is at most 222 characters');
    expect(gcsBucketNameRule('b', `${'a'.repeat(64)}.example`)[0].rule).toBe('has a dot-separated part of 64 characters: each part is at most 63');
    expect(gcsBucketNameRule('b', 'a..b')[0].rule).toBe('is not a valid Cloud Storage bucket name: two dots may not be adjacent');
    expect(gcsBucketNameRule('b', '-abc')).toHaveLength(1);
    expect(gcsBucketNameRule('b', 'abc_')).toHaveLength(1);
    expect(gcsBucketNameRule('b', 'my-g00gle-bucket')).toHaveLength(1);
    expect(gcsBucketNameRule('b', undefined)).toEqual([{ field: 'b', value: undefined, rule: 'must be a string (a Cloud Storage bucket name)' }]);
  });

  it('checks project ids, numbers, service account ids, roles and regions', () => {
    expect(gcpProjectIdRule('p', 'example-spaces-project')).toEqual([]);
    expect(gcpProjectIdRule('p', 'a'.repeat(31))).toHaveLength(1);
    expect(gcpProjectIdRule('p', '1example')).toHaveLength(1);
    expect(gcpProjectNumberRule('n', '123456789012')).toEqual([]);
    expect(gcpProjectNumberRule('n', '')).toHaveLength(1);
    expect(googleServiceAccountIdRule('s', 'billing-sa')).toEqual([]);
    expect(googleServiceAccountIdRule('s', 'a'.repeat(31))).toHaveLength(1);
    for (const role of ['roles/storage.objectAdmin', 'projects/example-spaces-project/roles/spacesBilling', 'organizations/123456789012/roles/spaces_billing']) {
      expect(gcpIamRoleRule('r', role)).toEqual([]);
    }
    for (const role of ['roles/', 'projects/x/roles/spacesBilling', 'organizations/example/roles/spacesBilling', 'objectAdmin']) {
      expect(gcpIamRoleRule('r', role)).toHaveLength(1);
    }
    expect(gcpRegionRule('region', 'us-central1')).toEqual([]);
    expect(gcpRegionRule('region', 'northamerica-northeast1')).toEqual([]);
    expect(gcpRegionRule('region', 'us-central1-a')).toEqual([{ field: 'region', value: 'us-central1-a', rule: 'is a zone: give its region ("us-central1")' }]);
    expect(gcpRegionRule('clusterLocation', 'us-central1-a', { allowZone: true })).toEqual([]);
    expect(gcpRegionRule('region', 'US')).toHaveLength(1);
  });
});

describe('GCP stacks from config', () => {
  const principalEntry = {
    name: 'gcp-principal',
    cloud: 'gcp',
    identity: 'principal',
    projectId: 'example-spaces-project',
    projectNumber: '123456789012',
    region: 'us-central1',
    bucketName: 'example-spaces-billing-gcp',
    controlPlaneNamespaces: ['mxp-ctp-beta-system', 'mxp-ctp-alpha-system'],
  };
  const { projectNumber: _unused, ...withoutNumber } = principalEntry;
  const impersonationEntry = { ...withoutNumber, name: 'gcp-impersonation', identity: 'impersonation' };

  function synthEntries(...entries: Record<string, unknown>[]) {
    const config = parseConfig({ spaces: { version: '1.14.1', account: 'example-org' }, stacks: entries });
    return buildStacks(Testing.app(), config).map((stack) => parseStack(Testing.synth(stack)));
  }

  it('configures the google provider and outputs the principal members by namespace', () => {
    const [out] = synthEntries(principalEntry);
    expect(out.json.provider.google).toEqual([{ project: 'example-spaces-project', region: 'us-central1' }]);
    const members = out.outputs().iam_members;
    expect(Object.keys(members)).toEqual(['mxp-ctp-alpha-system', 'mxp-ctp-beta-system']);
    expect(members).toEqual({
      'mxp-ctp-alpha-system': `${PRINCIPAL_PREFIX}/mxp-ctp-alpha-system/sa/vector`,
      'mxp-ctp-beta-system': `${PRINCIPAL_PREFIX}/mxp-ctp-beta-system/sa/vector`,
    });
    expect(out.outputs().service_account_email).toBeUndefined();
  });

  it('outputs the impersonation members and the service account e-mail', () => {
    const [out] = synthEntries(impersonationEntry);
    const saId = onlyId(out.resources('google_service_account'));
    expect(out.outputs().service_account_email).toBe(`\${google_service_account.${saId}.email}`);
    expect(out.outputs().iam_members).toEqual({
      'mxp-ctp-alpha-system': 'serviceAccount:example-spaces-project.svc.id.goog[mxp-ctp-alpha-system/vector]',
      'mxp-ctp-beta-system': 'serviceAccount:example-spaces-project.svc.id.goog[mxp-ctp-beta-system/vector]',
    });
    expect(out.outputs().helm_values_yaml).toContain(`iam.gke.io/gcp-service-account: "\${google_service_account.${saId}.email}"`);
  });

  it('reads the helm connection from the GKE cluster with kubernetesFromCluster', () => {
    const [out] = synthEntries({ ...principalEntry, kubernetesFromCluster: true, clusterName: 'spaces-example', clusterLocation: 'us-central1-a' });
    const clusterId = onlyId(out.dataSources('google_container_cluster'));
    const clientId = onlyId(out.dataSources('google_client_config'));
    expect(out.dataSources('google_container_cluster')[clusterId]).toEqual({ name: 'spaces-example', location: 'us-central1-a', project: 'example-spaces-project' });
    expect(out.json.provider.helm[0].kubernetes).toEqual({
      host: `https://\${data.google_container_cluster.${clusterId}.endpoint}`,
      cluster_ca_certificate: `\${base64decode(data.google_container_cluster.${clusterId}.master_auth[0].cluster_ca_certificate)}`,
      token: `\${data.google_client_config.${clientId}.access_token}`,
    });
  });

  it('fails on kubernetesFromCluster without clusterLocation', () => {
    expect(() => synthEntries({ ...principalEntry, kubernetesFromCluster: true, clusterName: 'spaces-example' })).toThrow(
      /stacks\[0\]\.clusterLocation: \(missing\) is required with kubernetesFromCluster: true/,
    );
  });

  it('fails on bad entry values with the entry prefix', () => {
    expect(() => synthEntries({ ...impersonationEntry, projectNumber: '123456789012' })).toThrow(/stacks\[0\]\.projectNumber: "123456789012" is not used in impersonation mode/);
    expect(() => synthEntries({ ...principalEntry, projectNumber: 123456789012 })).toThrow(/stacks\[0\]\.projectNumber: 123456789012 must be a string/);
    expect(() => synthEntries({ ...principalEntry, region: 'us-central1-a' })).toThrow(/stacks\[0\]\.region: "us-central1-a" is a zone/);
    expect(() => synthEntries({ ...principalEntry, mode: 'principal' })).toThrow(/stacks\[0\]\.mode: "mode" is not a known key/);
  });

  it('fails on two impersonation stacks making the same service account in one project', () => {
    expect(() => synthEntries(impersonationEntry, { ...impersonationEntry, name: 'gcp-impersonation-2' })).toThrow(
      /stacks\[1\]\.serviceAccountId: "billing-sa" is the Google service account ID stacks\[0\] also creates in GCP project example-spaces-project/,
    );
    expect(synthEntries(impersonationEntry, { ...impersonationEntry, name: 'gcp-impersonation-2', serviceAccountId: 'billing-sa-2' })).toHaveLength(2);
  });
});
