import { AnnotationMetadataEntryType, Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { awsPodIdentityProblems } from '../src/aws/pod-identity-validation';
import { eksClusterArn, podIdentityTrustPolicy } from '../src/aws/pod-identity-trust-policy';
import { policyJson } from '../src/aws/policy-document';
import { parseConfig } from '../src/config/config';
import { AwsIrsaBillingIdentity } from '../src/constructs/aws-irsa-billing-identity';
import { AwsPodIdentityBillingIdentity, AwsPodIdentityBillingIdentityProps } from '../src/constructs/aws-pod-identity-billing-identity';
import { SpacesRelease } from '../src/constructs/spaces-release';
import { eksClusterNameRule } from '../src/rules/eks-cluster-name';
import { podIdentityAssociationLimitRule } from '../src/rules/pod-identity-association-limit';
import { ValidationError } from '../src/rules/problem';
import { SpacesBillingStack } from '../src/stacks/spaces-billing-stack';
import { billingChartValues } from '../src/values/chart-values';
import { IRSA_ENTRY, configDocument, configProblems } from './support/config';
import { build, parseStack, parseTemplateJson, policy, synthConstructs } from './support/synth';

const CLUSTER_ARN = 'arn:aws:eks:us-east-1:123456789012:cluster/spaces-example';
const base: AwsPodIdentityBillingIdentityProps = {
  clusterName: 'spaces-example',
  bucketName: 'example-spaces-billing',
  region: 'us-east-1',
  accountId: '123456789012',
  controlPlaneNamespaces: ['mxp-ctp-alpha-system'],
};

function synthPodIdentity(props: Partial<AwsPodIdentityBillingIdentityProps> = {}) {
  return synthConstructs((stack) => {
    const identity = new AwsPodIdentityBillingIdentity(stack, 'Billing', { ...base, ...props });
    new SpacesRelease(stack, 'Spaces', { version: '1.14.1', account: 'example-org', billing: identity });
  });
}

/** Namespaces of the longest usual shape: mxp-<uuid>-system. */
function uuidNamespaces(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `mxp-00000000-0000-0000-0000-${String(i).padStart(12, '0')}-system`);
}

function roleId(out: ReturnType<typeof synthPodIdentity>): string {
  return Object.keys(out.resources('aws_iam_role'))[0];
}

describe('AwsPodIdentityBillingIdentity: trust policy', () => {
  it('trusts the Pod Identity service with AssumeRole and TagSession, without conditions by default', () => {
    const out = synthPodIdentity();
    const trust = policy(out.resource('aws_iam_role').assume_role_policy);
    expect(trust).toMatchSnapshot();
    expect(trust).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }],
    });
  });

  it('trusts no web identity: no Federated principal, no AssumeRoleWithWebIdentity, no OIDC provider', () => {
    for (const props of [{}, { restrictToNamespaces: true }, { restrictToNamespaces: true, accountId: undefined }]) {
      const out = synthPodIdentity(props);
      const text = out.resource('aws_iam_role').assume_role_policy as string;
      expect(text).not.toContain('Federated');
      expect(text).not.toContain('sts:AssumeRoleWithWebIdentity');
      expect(text).not.toContain('oidc');
      expect(Object.keys(policy(text.replace(/\$\{[^}]*\}/g, 'x')).Statement[0].Principal)).toEqual(['Service']);
      expect(out.resources('aws_iam_openid_connect_provider')).toEqual({});
    }
  });

  it('with restrictToNamespaces and accountId, checks the session tags: namespaces sorted, vector, the built cluster ARN', () => {
    const out = synthPodIdentity({ restrictToNamespaces: true, controlPlaneNamespaces: ['mxp-c-system', 'mxp-a-system', 'mxp-b-system'] });
    const trust = policy(out.resource('aws_iam_role').assume_role_policy);
    expect(trust).toMatchSnapshot();
    expect(trust.Statement).toHaveLength(1);
    expect(trust.Statement[0].Principal).toEqual({ Service: 'pods.eks.amazonaws.com' });
    expect(trust.Statement[0].Action).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    expect(trust.Statement[0].Condition).toEqual({
      StringEquals: {
        'aws:RequestTag/kubernetes-namespace': ['mxp-a-system', 'mxp-b-system', 'mxp-c-system'],
        'aws:RequestTag/kubernetes-service-account': 'vector',
        'aws:RequestTag/eks-cluster-arn': 'arn:aws:eks:us-east-1:123456789012:cluster/spaces-example',
      },
    });
    // The ARN is built from the props: no data source is read.
    expect(out.json.data).toBeUndefined();
  });

  it('with restrictToNamespaces and no accountId, reads the cluster ARN from the aws_eks_cluster data source', () => {
    const out = synthPodIdentity({ restrictToNamespaces: true, accountId: undefined });
    const role = out.resource('aws_iam_role');
    const clusterId = Object.keys(out.dataSources('aws_eks_cluster'))[0];
    expect(out.dataSources('aws_eks_cluster')[clusterId]).toEqual({ name: 'spaces-example' });
    expect(role.assume_role_policy).not.toContain('undefined');
    expect(role.assume_role_policy).not.toContain('TfToken');
    expect(role.assume_role_policy).toMatchSnapshot();
    const trust = parseTemplateJson(role.assume_role_policy, (expression) => {
      expect(expression).toBe(`data.aws_eks_cluster.${clusterId}.arn`);
      return CLUSTER_ARN;
    });
    expect(trust.Statement[0].Condition).toEqual({
      StringEquals: {
        'aws:RequestTag/kubernetes-namespace': ['mxp-ctp-alpha-system'],
        'aws:RequestTag/kubernetes-service-account': 'vector',
        'aws:RequestTag/eks-cluster-arn': CLUSTER_ARN,
      },
    });
  });

  it('reads no data source without restrictToNamespaces, even without accountId', () => {
    expect(synthPodIdentity({ accountId: undefined }).json.data).toBeUndefined();
  });

  it('keeps the associations session tags on when restrictToNamespaces needs them', () => {
    const restricted = synthPodIdentity({ restrictToNamespaces: true }).resource('aws_eks_pod_identity_association');
    expect(restricted.disable_session_tags).toBe(false);
    const plain = synthPodIdentity().resource('aws_eks_pod_identity_association');
    expect(plain).not.toHaveProperty('disable_session_tags');
  });

  it('builds the cluster ARN in the partition of the region', () => {
    expect(eksClusterArn('aws-cn', 'cn-north-1', '123456789012', 'spaces-example')).toBe('arn:aws-cn:eks:cn-north-1:123456789012:cluster/spaces-example');
    const out = synthPodIdentity({ region: 'us-gov-west-1', restrictToNamespaces: true });
    const trust = policy(out.resource('aws_iam_role').assume_role_policy);
    expect(trust.Statement[0].Condition.StringEquals['aws:RequestTag/eks-cluster-arn']).toBe('arn:aws-us-gov:eks:us-gov-west-1:123456789012:cluster/spaces-example');
    expect(policy(out.resource('aws_iam_role_policy').policy).Statement[0].Resource).toBe('arn:aws-us-gov:s3:::example-spaces-billing/*');
  });

  it('the pure builder matches the synthesized trust policy', () => {
    const out = synthPodIdentity({ restrictToNamespaces: true, controlPlaneNamespaces: ['mxp-b-system', 'mxp-a-system'] });
    const expected = policyJson(podIdentityTrustPolicy({ restrictTo: { clusterArn: CLUSTER_ARN, namespaces: ['mxp-a-system', 'mxp-b-system'] } }));
    expect(out.resource('aws_iam_role').assume_role_policy).toBe(expected);
    expect(synthPodIdentity().resource('aws_iam_role').assume_role_policy).toBe(policyJson(podIdentityTrustPolicy()));
  });
});

describe('AwsPodIdentityBillingIdentity: associations', () => {
  it('makes one association for one namespace: cluster, namespace, vector, the role ARN', () => {
    const out = synthPodIdentity();
    const associations = out.resources('aws_eks_pod_identity_association');
    expect(associations).toMatchSnapshot();
    const [[id, body]] = Object.entries(associations);
    expect(id).toMatch(/^Billing_Association-mxp-ctp-alpha-system_[0-9A-F]{8}$/);
    expect(body).toEqual({
      cluster_name: 'spaces-example',
      namespace: 'mxp-ctp-alpha-system',
      service_account: 'vector',
      role_arn: `\${aws_iam_role.${roleId(out)}.arn}`,
    });
  });

  it('makes one association per namespace for three namespaces, each depending only on its own namespace', () => {
    const out = synthPodIdentity({ controlPlaneNamespaces: ['mxp-ctp-gamma-system', 'mxp-ctp-alpha-system', 'mxp-ctp-beta-system'] });
    const associations = out.resources('aws_eks_pod_identity_association');
    expect(associations).toMatchSnapshot();
    expect(Object.keys(associations)).toHaveLength(3);
    for (const ns of ['mxp-ctp-alpha-system', 'mxp-ctp-beta-system', 'mxp-ctp-gamma-system']) {
      const entries = Object.entries(associations).filter(([, body]) => body.namespace === ns);
      expect(entries).toHaveLength(1);
      const [id, body] = entries[0];
      expect(id.startsWith(`Billing_Association-${ns}_`)).toBe(true);
      expect(body).toEqual({ cluster_name: 'spaces-example', namespace: ns, service_account: 'vector', role_arn: `\${aws_iam_role.${roleId(out)}.arn}` });
    }
  });

  it('keeps each association ID when namespaces are added, removed or reordered', () => {
    const idsByNamespace = (namespaces: string[]) =>
      Object.fromEntries(
        Object.entries(synthPodIdentity({ controlPlaneNamespaces: namespaces }).resources('aws_eks_pod_identity_association')).map(([id, body]) => [body.namespace, id]),
      );
    const one = idsByNamespace(['mxp-ctp-beta-system']);
    const three = idsByNamespace(['mxp-ctp-gamma-system', 'mxp-ctp-beta-system', 'mxp-ctp-alpha-system']);
    const reordered = idsByNamespace(['mxp-ctp-alpha-system', 'mxp-ctp-beta-system', 'mxp-ctp-gamma-system']);
    expect(three['mxp-ctp-beta-system']).toBe(one['mxp-ctp-beta-system']);
    expect(reordered).toEqual(three);
    expect(new Set(Object.values(three)).size).toBe(3);
  });

  it('tags the role, the associations and the add-on, and names the role spaces-billing by default', () => {
    expect(synthPodIdentity().resource('aws_iam_role').name).toBe('spaces-billing');
    const out = synthPodIdentity({
      roleName: 'billing-x',
      rolePath: '/spaces/',
      permissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/boundary',
      installAgentAddon: true,
      tags: { team: 'platform' },
    });
    expect(out.resource('aws_iam_role')).toMatchObject({
      name: 'billing-x',
      path: '/spaces/',
      permissions_boundary: 'arn:aws:iam::123456789012:policy/boundary',
      description: 'Upbound Spaces billing (vector) through EKS Pod Identity',
      tags: { team: 'platform' },
    });
    expect(out.resource('aws_eks_pod_identity_association').tags).toEqual({ team: 'platform' });
    expect(out.resource('aws_eks_addon').tags).toEqual({ team: 'platform' });
  });

  it('creates the eks-pod-identity-agent add-on only when asked', () => {
    expect(synthPodIdentity().resources('aws_eks_addon')).toEqual({});
    expect(synthPodIdentity({ installAgentAddon: false }).resources('aws_eks_addon')).toEqual({});
    const addon = synthPodIdentity({ installAgentAddon: true }).resource('aws_eks_addon');
    expect(addon).toEqual({ cluster_name: 'spaces-example', addon_name: 'eks-pod-identity-agent' });
  });
});

describe('AwsPodIdentityBillingIdentity: S3 policy and values', () => {
  it('synthesizes the same S3 policy as AwsIrsaBillingIdentity for the same inputs', () => {
    const key = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const cases = [
      {},
      { allowDeleteObject: true, kmsKeyArn: key },
      { region: 'cn-north-1', kmsKeyArn: 'arn:aws-cn:kms:cn-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
      { region: 'us-gov-west-1', partition: 'aws-us-gov' as const, allowDeleteObject: true },
    ];
    for (const s3Props of cases) {
      const podIdentity = synthPodIdentity(s3Props).resource('aws_iam_role_policy');
      const irsa = synthConstructs((stack) => {
        new AwsIrsaBillingIdentity(stack, 'Billing', {
          bucketName: base.bucketName,
          region: base.region,
          accountId: base.accountId,
          oidcIssuerUrl: 'https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE',
          controlPlaneNamespaces: base.controlPlaneNamespaces,
          ...s3Props,
        });
      }).resource('aws_iam_role_policy');
      expect(podIdentity.policy).toBe(irsa.policy);
      expect(podIdentity.name).toBe(irsa.name);
      expect(podIdentity.name).toBe('spaces-billing-s3');
    }
    // Not two empty policies: the shared one is the least-privilege S3 policy.
    expect(policy(synthPodIdentity().resource('aws_iam_role_policy').policy).Statement).toEqual([
      { Sid: 'ObjectAccess', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::example-spaces-billing/*' },
      { Sid: 'BucketAccess', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: 'arn:aws:s3:::example-spaces-billing' },
    ]);
  });

  it('sets the aws storage values with an empty secretRef and no service account annotation', () => {
    const out = synthPodIdentity();
    const release = out.resource('helm_release');
    expect(release.values).toHaveLength(1);
    expect(release.values[0]).toMatchSnapshot();
    expect(release.values[0]).toBe(
      'account: "example-org"\nbilling:\n  enabled: true\n  storage:\n    provider: "aws"\n    aws:\n      region: "us-east-1"\n      bucket: "example-spaces-billing"\n    secretRef:\n      name: ""\n',
    );
    expect(release.values[0]).not.toContain('eks.amazonaws.com/role-arn');
    expect(release.values[0]).not.toContain('customAnnotations');
    expect(release.values[0]).not.toContain('controlPlanes');
  });

  it('yields billing values without annotations or labels', () => {
    const { construct } = build((stack) => new AwsPodIdentityBillingIdentity(stack, 'Billing', { ...base, controlPlaneNamespaces: ['mxp-b-system', 'mxp-a-system'] }));
    expect(construct.billingValues.serviceAccountAnnotations).toEqual({});
    expect(construct.billingValues.podLabels).toEqual({});
    expect(construct.controlPlaneNamespaces).toEqual(['mxp-a-system', 'mxp-b-system']);
    expect(billingChartValues(construct.billingValues)).toEqual({
      billing: { enabled: true, storage: { provider: 'aws', aws: { region: 'us-east-1', bucket: 'example-spaces-billing' }, secretRef: { name: '' } } },
    });
  });

  it('warns on allowDeleteObject, and not otherwise', () => {
    const warnings = (props: Partial<AwsPodIdentityBillingIdentityProps>) =>
      build((stack) => new AwsPodIdentityBillingIdentity(stack, 'Billing', { ...base, ...props }))
        .construct.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN)
        .map((m) => m.data);
    expect(warnings({})).toEqual([]);
    expect(warnings({ allowDeleteObject: true })).toEqual([
      'allowDeleteObject: true grants s3:DeleteObject on the billing bucket; Vector only reads, writes and lists, so leave it off unless something else needs it',
    ]);
  });
});

describe('AwsPodIdentityBillingIdentity: failures', () => {
  it('fails on 5001 namespaces: over the Pod Identity associations quota of a cluster', () => {
    const namespaces = uuidNamespaces(5001);
    expect(() => build((stack) => new AwsPodIdentityBillingIdentity(stack, 'Billing', { ...base, controlPlaneNamespaces: namespaces }))).toThrow(
      'controlPlaneNamespaces: "5001 namespaces" need one EKS Pod Identity association each, over the quota of 5000 per cluster: host the other control planes on another cluster',
    );
    expect(podIdentityAssociationLimitRule('controlPlaneNamespaces', namespaces.slice(0, 5000))).toEqual([]);
  });

  it('fails when restrictToNamespaces puts more namespaces in the trust policy than fit, naming the ways out', () => {
    const namespaces = uuidNamespaces(60);
    const problems = awsPodIdentityProblems({ ...base, controlPlaneNamespaces: namespaces, restrictToNamespaces: true });
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe('controlPlaneNamespaces');
    expect(problems[0].value).toBe('60 namespaces');
    const match = /^make a trust policy of (\d+) characters, over the limit of 2048: (\d+) namespaces fit; raise the quota \(up to 4096\) and set trustPolicyMaxLength, turn off restrictToNamespaces \(the associations alone then decide which namespaces get the role\)$/.exec(problems[0].rule);
    expect(match).not.toBeNull();
    const fit = Number(match![2]);
    // The count that fits is exact: `fit` namespaces synthesize a trust policy within the quota, one more is refused.
    const role = synthPodIdentity({ controlPlaneNamespaces: namespaces.slice(0, fit), restrictToNamespaces: true }).resource('aws_iam_role');
    expect(role.assume_role_policy.length).toBeLessThanOrEqual(2048);
    expect(() => synthPodIdentity({ controlPlaneNamespaces: namespaces.slice(0, fit + 1), restrictToNamespaces: true })).toThrow(
      `controlPlaneNamespaces: "${fit + 1} namespaces" make a trust policy of`,
    );
    // Without the restriction the trust policy does not grow: the same 60 namespaces are fine.
    expect(awsPodIdentityProblems({ ...base, controlPlaneNamespaces: namespaces })).toEqual([]);
    // A raised quota lets them through.
    expect(awsPodIdentityProblems({ ...base, controlPlaneNamespaces: namespaces, restrictToNamespaces: true, trustPolicyMaxLength: 4096 })).toEqual([]);
  });

  it('fails on the trust policy size measured exactly for a cluster ARN read from the data source', () => {
    const namespaces = uuidNamespaces(60);
    const fit = Number(/(\d+) namespaces fit/.exec(awsPodIdentityProblems({ ...base, accountId: undefined, controlPlaneNamespaces: namespaces, restrictToNamespaces: true })[0].rule)![1]);
    const out = synthPodIdentity({ accountId: undefined, controlPlaneNamespaces: namespaces.slice(0, fit), restrictToNamespaces: true });
    const text = out.resource('aws_iam_role').assume_role_policy as string;
    const resolved = JSON.stringify(parseTemplateJson(text, () => CLUSTER_ARN));
    expect(resolved.length).toBeLessThanOrEqual(2048);
    const oneMore = policyJson(podIdentityTrustPolicy({ restrictTo: { clusterArn: CLUSTER_ARN, namespaces: namespaces.slice(0, fit + 1) } }));
    expect(oneMore.length).toBeGreaterThan(2048);
  });

  it('fails on an EKS cluster name that starts with a hyphen or is too long', () => {
    expect(() => synthPodIdentity({ clusterName: '-spaces' })).toThrow(
      'clusterName: "-spaces" is not a valid EKS cluster name: start with a letter or digit, then use letters, digits, "-" and "_"',
    );
    expect(() => synthPodIdentity({ clusterName: 'a'.repeat(101) })).toThrow('is 101 characters long: an EKS cluster name is 1 to 100 characters');
  });

  it('fails without a cluster name', () => {
    expect(() => synthPodIdentity({ clusterName: undefined as unknown as string })).toThrow(
      'clusterName: (missing) is required (the EKS cluster the Pod Identity associations are made in)',
    );
  });

  it('fails on an empty namespace list', () => {
    expect(() => synthPodIdentity({ controlPlaneNamespaces: [] })).toThrow(/controlPlaneNamespaces: \[\] is empty/);
  });

  it('fails on a namespace listed twice, naming the field and value', () => {
    expect(() => synthPodIdentity({ controlPlaneNamespaces: ['mxp-a-system', 'mxp-a-system'] })).toThrow(/controlPlaneNamespaces\[1\]: "mxp-a-system" is listed twice/);
  });

  it('fails on every bad shared role prop at once, before creating anything', () => {
    let error: unknown;
    const { stack } = build((s) => s);
    try {
      new AwsPodIdentityBillingIdentity(stack, 'Billing', { ...base, bucketName: 'Bad_Bucket', region: 'us-east', roleName: 'x'.repeat(65), trustPolicyMaxLength: 1000 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems.map((p) => p.field)).toEqual(['bucketName', 'region', 'roleName', 'trustPolicyMaxLength']);
    // The construct was added to the tree by its base class, but nothing inside it.
    expect(stack.node.findChild('Billing').node.children).toEqual([]);
  });
});

describe('eksClusterNameRule', () => {
  it('accepts 1 to 100 characters of letters, digits, "-" and "_" starting with a letter or digit', () => {
    for (const name of ['a', '0cluster', 'spaces_example-1', 'A'.repeat(100)]) expect(eksClusterNameRule('clusterName', name)).toEqual([]);
  });

  it('fails on a leading "_", a dot, an empty name and 101 characters', () => {
    expect(eksClusterNameRule('clusterName', '_spaces')[0].rule).toBe('is not a valid EKS cluster name: start with a letter or digit, then use letters, digits, "-" and "_"');
    expect(eksClusterNameRule('clusterName', 'spaces.example')).toHaveLength(1);
    expect(eksClusterNameRule('clusterName', '')[0].rule).toBe('is 0 characters long: an EKS cluster name is 1 to 100 characters');
    expect(eksClusterNameRule('clusterName', 'a'.repeat(101))).toEqual([
      { field: 'clusterName', value: 'a'.repeat(101), rule: 'is 101 characters long: an EKS cluster name is 1 to 100 characters' },
    ]);
  });
});

describe('config: aws/pod-identity', () => {
  const entry = {
    name: 'aws-pod-identity',
    cloud: 'aws',
    identity: 'pod-identity',
    region: 'us-east-1',
    accountId: '123456789012',
    clusterName: 'spaces-example',
    bucketName: 'example-spaces-billing',
    roleName: 'spaces-billing-pod-identity',
    controlPlaneNamespaces: ['mxp-ctp-alpha-system', 'mxp-ctp-beta-system'],
  };
  const config = (stacks: unknown[]) => configDocument(stacks);
  const problemsOf = configProblems;

  it('accepts a Pod Identity entry and synthesizes its stack with the role_arn output', () => {
    const parsed = parseConfig(config([{ ...entry, restrictToNamespaces: true, installAgentAddon: true }]));
    expect(parsed.stacks[0]).toMatchObject({ kind: 'aws/pod-identity', cloud: 'aws', identity: 'pod-identity', name: 'aws-pod-identity' });
    const app = Testing.app();
    const out = parseStack(Testing.synth(new SpacesBillingStack(app, parsed.stacks[0])));
    const id = Object.keys(out.resources('aws_iam_role'))[0];
    expect(out.outputs().role_arn).toBe(`\${aws_iam_role.${id}.arn}`);
    expect(out.json.output.role_arn.description).toBe('The IAM role the billing component (vector) assumes through EKS Pod Identity');
    expect(out.json.provider.aws).toEqual([{ region: 'us-east-1', allowed_account_ids: ['123456789012'] }]);
    expect(Object.values(out.resources('aws_eks_pod_identity_association')).map((a) => a.namespace).sort()).toEqual(['mxp-ctp-alpha-system', 'mxp-ctp-beta-system']);
    expect(out.resource('aws_eks_addon').addon_name).toBe('eks-pod-identity-agent');
    expect(out.resource('aws_iam_role').name).toBe('spaces-billing-pod-identity');
    expect(out.outputs().helm_values_yaml).not.toContain('role-arn');
    // No annotation to look at: the verify command lists the namespace's association.
    expect(out.outputs().control_plane_commands['mxp-ctp-alpha-system']).toEqual({
      verify: 'aws eks list-pod-identity-associations --region us-east-1 --cluster-name spaces-example --namespace mxp-ctp-alpha-system --service-account vector',
      restart: 'kubectl -n mxp-ctp-alpha-system rollout restart deployment vector',
    });
  });

  it('connects helm to the cluster it makes the associations in with kubernetesFromCluster', () => {
    const parsed = parseConfig(config([{ ...entry, kubernetesFromCluster: true }]));
    const out = parseStack(Testing.synth(new SpacesBillingStack(Testing.app(), parsed.stacks[0])));
    const [clusterId] = Object.keys(out.dataSources('aws_eks_cluster'));
    expect(out.dataSources('aws_eks_cluster')[clusterId]).toEqual({ name: 'spaces-example' });
    expect(out.json.provider.helm[0].kubernetes.host).toBe(`\${data.aws_eks_cluster.${clusterId}.endpoint}`);
    expect(Object.values(out.resources('aws_eks_pod_identity_association')).every((a) => a.cluster_name === 'spaces-example')).toBe(true);
  });

  it('fails on a missing clusterName and a key of IRSA only', () => {
    const { clusterName: _omitted, ...rest } = entry;
    expect(problemsOf(config([{ ...rest, namespacePattern: 'mxp-*-system' }])).sort()).toEqual([
      'stacks[0].clusterName: (missing) is required',
      'stacks[0].namespacePattern: "namespacePattern" is not a known key',
    ]);
  });

  it('fails when an IRSA and a Pod Identity stack create the same role in one account', () => {
    const irsa = IRSA_ENTRY;
    const { roleName: _default, ...defaulted } = entry;
    expect(problemsOf(config([irsa, defaulted]))).toEqual([
      'stacks[1].roleName: "spaces-billing" is the IAM role name stacks[0] also creates in AWS account 123456789012: give one of them another roleName',
    ]);
    expect(problemsOf(config([irsa, entry]))).toEqual([]);
  });
});
