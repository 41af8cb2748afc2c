import { Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { buildStacks } from '../src/app';
import { EXAMPLE_CONFIG_FILE, loadConfig } from '../src/config/load';
import { parseExpression, parseTemplate } from '../src/verify/expressions';
import { choosePlugins, cliConfigPluginDirs, cliConfigText, compareVersions, mirrorPath, parsePluginPath, providerSourceAddress, terraformPlatform } from '../src/verify/plugins';
import { plannedRoles, plannedResources, policyChecks } from '../src/verify/policy-checks';
import { analyzeStack } from '../src/verify/references';
import { formatResult, summarize, summaryFileText, summaryLine } from '../src/verify/report';
import { awsExpectations, namespaceMatching, serviceAccountTokenSubject, unlistedNamespace } from '../src/verify/requests';
import { findUnresolved, staticChecks } from '../src/verify/static-checks';
import { OFFLINE_AWS_PROVIDER_SETTINGS, verificationCopy } from '../src/verify/verification-copy';
import { bindingDirectory, bindingSourceHasArgument, unknownArguments, withoutArguments } from '../src/verify/version-gap';
import { optionalBooleans, variantDocuments } from '../scripts/verify/variants';

/** A small stack in Terraform JSON, with one of everything a reference may name. */
function stack(extra: Record<string, any> = {}): Record<string, any> {
  const base: Record<string, any> = {
    '//': { metadata: { stackName: 'test' } },
    terraform: { required_providers: { aws: { source: 'aws', version: '6.25.0' } }, backend: { local: { path: '/somewhere/terraform.tfstate' } } },
    provider: { aws: [{ region: 'us-east-1' }, { alias: 'west', region: 'us-west-2' }] },
    variable: { names: { type: 'list(string)', default: ['a'] } },
    locals: { prefix: 'example' },
    data: { aws_partition: { current: {} } },
    resource: {
      aws_iam_role: { role: { name: '${local.prefix}-role', assume_role_policy: '{"Version":"2012-10-17","Statement":[]}' } },
      aws_iam_role_policy: {
        s3: { role: '${aws_iam_role.role.id}', policy: 'arn:${data.aws_partition.current.partition}:s3:::b', depends_on: ['aws_iam_role.role'], provider: 'aws.west' },
      },
    },
    output: {
      role_arn: { value: '${aws_iam_role.role.arn}' },
      upper: { value: '${[for s in var.names : upper(s)]}' },
      escaped: { value: 'a literal $${not.a.reference}' },
    },
  };
  for (const [section, value] of Object.entries(extra)) base[section] = { ...(base[section] ?? {}), ...value };
  return base;
}

const statusOf = async (json: Record<string, any>) => Object.fromEntries((await staticChecks('test', json)).results.map((r) => [r.what.split(' (')[0], r]));

describe('expressions', () => {
  it('parses a JSON string as a template and lists its root traversals', async () => {
    const parsed = await parseTemplate('arn: "${aws_iam_role.x.arn}" in ${replace(data.aws_eks_cluster.c.identity[0].oidc[0].issuer, "https://", "")}');
    expect(parsed.error).toBeUndefined();
    expect(parsed.interpolations).toBe(2);
    expect(parsed.traversals.map((t) => t.text)).toEqual(['aws_iam_role.x.arn', 'data.aws_eks_cluster.c.identity[0].oidc[0].issuer']);
    expect(parsed.traversals[1].steps.slice(0, 4)).toEqual([
      { kind: 'name', value: 'data' },
      { kind: 'name', value: 'aws_eks_cluster' },
      { kind: 'name', value: 'c' },
      { kind: 'name', value: 'identity' },
    ]);
  });

  it('reads $${ as a literal and leaves the names a for expression binds out', async () => {
    expect((await parseTemplate('x $${a.b} y')).traversals).toEqual([]);
    expect((await parseTemplate('${[for k, v in var.m : "${k}=${v}"]}')).traversals.map((t) => t.text)).toEqual(['var.m']);
    expect((await parseTemplate('%{ if var.on }yes%{ endif }')).traversals.map((t) => t.text)).toEqual(['var.on']);
  });

  it('fails an unterminated interpolation and a broken traversal', async () => {
    expect((await parseTemplate('${aws_iam_role.x.arn')).error).toMatch(/interpolation/i);
    expect((await parseTemplate('${aws_iam_role.x.}')).error).toMatch(/attribute name is required/);
    expect((await parseExpression('aws_iam_role.x')).traversals.map((t) => t.text)).toEqual(['aws_iam_role.x']);
  });
});

describe('static checks', () => {
  it('pass a correct stack: expressions parse, references resolve, nothing unresolved', async () => {
    const { results, analysis } = await staticChecks('test', stack());
    expect(results.map((r) => [r.status, r.what])).toEqual([
      // The escaped $${ string holds template syntax but no interpolation.
      ['pass', 'expressions parse (5 interpolations in 6 strings)'],
      ['pass', 'references resolve (6 references to 4 objects)'],
      ['pass', 'no unresolved values (undefined, TfToken[, [object Object])'],
    ]);
    expect([...new Set(analysis.references.map((r) => r.address))].sort()).toEqual(['aws_iam_role.role', 'data.aws_partition.current', 'local.prefix', 'var.names']);
    expect(analysis.references.find((r) => r.path === 'aws_iam_role_policy.s3.depends_on[0]')).toEqual({ from: 'aws_iam_role_policy.s3', path: 'aws_iam_role_policy.s3.depends_on[0]', text: 'aws_iam_role.role', address: 'aws_iam_role.role' });
  });

  it('fails a reference to a resource the stack does not have', async () => {
    const checks = await statusOf(stack({ output: { broken: { value: '${aws_iam_role.missing.arn}' } } }));
    expect(checks['references resolve'].status).toBe('fail');
    expect(checks['references resolve'].details).toEqual(['output.broken.value: aws_iam_role.missing.arn: no resource aws_iam_role.missing in the stack']);
    expect(checks['expressions parse'].status).toBe('pass');
  });

  it('fails a missing variable, local, data source, depends_on target and provider alias', async () => {
    const checks = await statusOf(
      stack({
        output: { a: { value: '${var.nope}' }, b: { value: '${local.nope}' }, c: { value: '${data.aws_region.nope.name}' } },
        resource: { aws_s3_bucket: { b: { bucket: 'x', depends_on: ['aws_iam_role.gone'], provider: 'aws.nowhere' } } },
      }),
    );
    expect(checks['references resolve'].status).toBe('fail');
    expect(checks['references resolve'].details).toEqual([
      'aws_s3_bucket.b.depends_on[0]: aws_iam_role.gone: no resource aws_iam_role.gone in the stack',
      'aws_s3_bucket.b.provider: aws.nowhere: no configuration of provider aws has alias nowhere',
      'output.a.value: var.nope: no variable nope in the stack',
      'output.b.value: local.nope: no local value nope in the stack',
      'output.c.value: data.aws_region.nope.name: no data source aws_region.nope in the stack',
    ]);
  });

  it('fails an expression that does not parse', async () => {
    const checks = await statusOf(stack({ output: { bad: { value: '${aws_iam_role.role.}' } } }));
    expect(checks['expressions parse'].status).toBe('fail');
    expect(checks['expressions parse'].details![0]).toMatch(/^output\.bad\.value: \$\{aws_iam_role\.role\.\}: .*attribute name is required/);
  });

  it('fails a literal undefined, in a value or in a key', async () => {
    const checks = await statusOf(stack({ resource: { aws_iam_role: { 'Role-undefined': { name: 'x', description: 'bucket undefined' } } } }));
    expect(checks['no unresolved values'].status).toBe('fail');
    expect(checks['no unresolved values'].details).toEqual(['resource.aws_iam_role.Role-undefined (key): holds undefined: Role-undefined', 'resource.aws_iam_role.Role-undefined.description: holds undefined: bucket undefined']);
    expect(findUnresolved({ a: 'predefined and undefinedness' })).toEqual([]);
  });

  it('fails an unresolved TfToken[', async () => {
    const checks = await statusOf(stack({ output: { token: { value: 'arn:${TfToken[TOKEN.12]}' } } }));
    expect(checks['no unresolved values'].status).toBe('fail');
    expect(checks['no unresolved values'].details).toEqual(['output.token.value: holds TfToken[: arn:${TfToken[TOKEN.12]}']);
    expect(checks['references resolve'].status).toBe('fail');
    expect(checks['references resolve'].details![0]).toMatch(/"TfToken" is not a reference Terraform knows/);
  });

  it('pass every stack of the example config, synthesized in process', async () => {
    const config = loadConfig(EXAMPLE_CONFIG_FILE);
    const stacks = buildStacks(Testing.app(), config);
    expect(stacks.length).toBeGreaterThanOrEqual(2);
    for (const s of stacks) {
      const { results } = await staticChecks(s.node.id, JSON.parse(Testing.synth(s)));
      expect(results.filter((r) => r.status !== 'pass')).toEqual([]);
    }
  });
});

describe('verification copy', () => {
  const withHelm = () =>
    stack({
      terraform: { required_providers: { aws: { source: 'aws', version: '6.25.0' }, helm: { source: 'helm', version: '3.1.1' } } },
      provider: { helm: [{ kubernetes: { host: '${data.aws_eks_cluster.c.endpoint}' } }] },
      data: { aws_eks_cluster: { c: { name: 'spaces-example' } } },
      variable: { password: { type: 'string', sensitive: true } },
      resource: { helm_release: { spaces: { name: 'spaces', chart: 'spaces', repository_password: '${var.password}', values: ['role: ${aws_iam_role.role.arn}'] } } },
      output: { status: { value: '${helm_release.spaces.status}' } },
    });

  it('validate: removes a provider without plugin that reaches the cluster, and what needs it; relaxes the version; drops the backend', async () => {
    const json = withHelm();
    const { references } = await analyzeStack(json);
    const copy = verificationCopy(json, { mode: 'validate', plugins: new Map([['aws', '5.100.0']]), references });
    expect(copy.missingPlugins).toEqual([]);
    expect(copy.removed).toEqual(['helm_release.spaces', 'output.status', 'provider.helm']);
    expect(copy.json.provider.helm).toBeUndefined();
    expect(copy.json.resource.helm_release).toBeUndefined();
    expect(copy.json.output.status).toBeUndefined();
    expect(copy.json.output.role_arn).toEqual({ value: '${aws_iam_role.role.arn}' });
    // Validation reads no data source: the EKS cluster stays for Terraform to check.
    expect(copy.json.data.aws_eks_cluster).toEqual({ c: { name: 'spaces-example' } });
    expect(copy.json.terraform).toEqual({ required_providers: { aws: { source: 'aws', version: '5.100.0' } } });
    expect(json.terraform.required_providers.aws.version).toBe('6.25.0');
  });

  it('validate: reports a cloud provider without plugin', async () => {
    const json = stack();
    const copy = verificationCopy(json, { mode: 'validate', plugins: new Map(), references: (await analyzeStack(json)).references });
    expect(copy.missingPlugins).toEqual(['aws']);
  });

  it('plan: offline aws provider, orphaned data sources and variables removed', async () => {
    const json = withHelm();
    json.provider.aws[0].allowed_account_ids = ['123456789012'];
    const copy = verificationCopy(json, { mode: 'plan', plugins: new Map([['aws', '5.100.0'], ['helm', '3.1.1']]), references: (await analyzeStack(json)).references });
    expect(copy.removed).toEqual(['data.aws_eks_cluster.c', 'helm_release.spaces', 'output.status', 'provider.helm', 'var.password']);
    expect(copy.json.provider.aws).toEqual([
      { region: 'us-east-1', ...OFFLINE_AWS_PROVIDER_SETTINGS },
      { alias: 'west', region: 'us-west-2', ...OFFLINE_AWS_PROVIDER_SETTINGS },
    ]);
    expect(copy.planBlockers).toEqual([]);
    expect(copy.variableValues).toEqual({});
  });

  it('plan: a data source the identity reads blocks the offline plan; a variable without default gets an example value', async () => {
    const json = stack({
      data: { aws_caller_identity: { me: {} } },
      variable: { suffix: { type: 'string' } },
      output: { account: { value: '${data.aws_caller_identity.me.account_id}-${var.suffix}' } },
    });
    const copy = verificationCopy(json, { mode: 'plan', plugins: new Map([['aws', '5.100.0']]), references: (await analyzeStack(json)).references });
    expect(copy.planBlockers).toEqual(['data.aws_caller_identity.me is read at plan time and needs the cloud']);
    expect(copy.variableValues).toEqual({ suffix: 'example' });
  });
});

describe('version gap', () => {
  const json = { resource: { aws_eks_pod_identity_association: { a: { namespace: 'x', disable_session_tags: false } } } };
  const diagnostic = (detail: string, context: string) => ({ severity: 'error', summary: 'Extraneous JSON object property', detail, snippet: { context } });

  it('finds the top-level arguments the plugin does not know, and strips them from a copy', () => {
    const { unknown, other } = unknownArguments(json, [
      diagnostic('No argument or block type is named "disable_session_tags".', 'resource.aws_eks_pod_identity_association.a'),
      diagnostic('No argument or block type is named "nope".', 'resource.aws_eks_pod_identity_association.a'),
      { severity: 'error', summary: 'Missing required argument', detail: 'The argument "role_arn" is required' },
    ]);
    expect(unknown).toEqual([{ section: 'resource', type: 'aws_eks_pod_identity_association', name: 'a', argument: 'disable_session_tags' }]);
    expect(other).toHaveLength(2);
    expect(withoutArguments(json, unknown)).toEqual({ resource: { aws_eks_pod_identity_association: { a: { namespace: 'x' } } } });
    expect(json.resource.aws_eks_pod_identity_association.a.disable_session_tags).toBe(false);
  });

  it('finds the binding of a resource type and the arguments it maps', () => {
    expect(bindingDirectory('aws', 'resource', 'aws_eks_pod_identity_association')).toBe('lib/eks-pod-identity-association');
    expect(bindingDirectory('aws', 'data', 'aws_eks_cluster')).toBe('lib/data-aws-eks-cluster');
    const source = '      role_arn: cdktf.stringToTerraform(this._roleArn),\n      disable_session_tags: cdktf.booleanToTerraform(this._x),\n';
    expect(bindingSourceHasArgument(source, 'disable_session_tags')).toBe(true);
    expect(bindingSourceHasArgument(source, 'session_tags')).toBe(false);
  });
});

describe('plugins', () => {
  it('reads type, version and platform from a plugin path', () => {
    expect(parsePluginPath('/opt/m/registry.terraform.io/hashicorp/aws/5.100.0/linux_amd64/terraform-provider-aws_v5.100.0_x5')).toEqual({
      type: 'aws',
      version: '5.100.0',
      platform: 'linux_amd64',
      file: '/opt/m/registry.terraform.io/hashicorp/aws/5.100.0/linux_amd64/terraform-provider-aws_v5.100.0_x5',
    });
    expect(parsePluginPath('/bin/terraform-provider-helm_v3.1.1', 'darwin_arm64')?.platform).toBe('darwin_arm64');
    expect(parsePluginPath('/bin/terraform-provider-aws.zip')).toBeUndefined();
    expect(terraformPlatform('linux', 'x64')).toBe('linux_amd64');
  });

  it('chooses the newest plugin of each type for the platform', () => {
    const p = (type: string, version: string, platform = 'linux_amd64') => ({ type, version, platform, file: `/x/${type}_${version}_${platform}` });
    const chosen = choosePlugins([p('aws', '5.99.1'), p('aws', '5.100.0'), p('aws', '6.0.0', 'darwin_arm64'), p('helm', '3.1.1')], 'linux_amd64');
    expect([...chosen.values()].map((c) => `${c.type} ${c.version}`)).toEqual(['aws 5.100.0', 'helm 3.1.1']);
    expect(compareVersions('6.0.0-beta1', '6.0.0')).toBeLessThan(0);
  });

  it('lays out the mirror and the CLI config that installs from it only', () => {
    const plugin = { type: 'aws', version: '5.100.0', platform: 'linux_amd64', file: '/opt/p/terraform-provider-aws_v5.100.0_x5' };
    expect(providerSourceAddress('aws')).toBe('registry.terraform.io/hashicorp/aws');
    expect(providerSourceAddress('hashicorp/helm')).toBe('registry.terraform.io/hashicorp/helm');
    expect(mirrorPath('/m', providerSourceAddress('aws'), plugin)).toBe('/m/registry.terraform.io/hashicorp/aws/5.100.0/linux_amd64/terraform-provider-aws_v5.100.0_x5');
    expect(cliConfigText('/m')).toBe('provider_installation {\n  filesystem_mirror {\n    path = "/m"\n  }\n}\n');
    expect(cliConfigPluginDirs({ plugin_cache_dir: '/c', provider_installation: [{ filesystem_mirror: [{ path: '/m1' }, { path: '/m2' }], direct: [{}] }] })).toEqual(['/c', '/m1', '/m2']);
  });
});

const IRSA_PROPS = {
  region: 'us-east-1',
  accountId: '123456789012',
  oidcIssuerUrl: 'https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE',
  bucketName: 'example-spaces-billing',
  controlPlaneNamespaces: ['mxp-ctp-beta-system', 'mxp-ctp-alpha-system'],
};
const HOST = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
const PROVIDER_ARN = `arn:aws:iam::123456789012:oidc-provider/${HOST}`;

describe('requests', () => {
  it('models IRSA: each listed vector may assume the role; another namespace, service account, audience, issuer may not', () => {
    const expectations = awsExpectations('aws/irsa', IRSA_PROPS)!;
    expect(expectations).toMatchSnapshot();
    expect(serviceAccountTokenSubject('mxp-ctp-alpha-system', 'vector')).toBe('system:serviceaccount:mxp-ctp-alpha-system:vector');
    expect(expectations.requests[0]).toEqual({
      what: 'trust: vector in mxp-ctp-alpha-system may assume the role',
      policy: 'trust',
      request: {
        action: 'sts:AssumeRoleWithWebIdentity',
        principal: { type: 'Federated', id: PROVIDER_ARN },
        context: { [`${HOST}:sub`]: 'system:serviceaccount:mxp-ctp-alpha-system:vector', [`${HOST}:aud`]: 'sts.amazonaws.com' },
      },
      expect: 'allow',
    });
    expect(expectations.requests.filter((r) => r.expect === 'deny' && r.policy === 'trust').map((r) => r.what)).toEqual([
      'trust: vector in mxp-not-listed-system (not listed) may not',
      'trust: service account default in mxp-ctp-alpha-system may not',
      'trust: a token for audience example-audience may not',
      'trust: a token of another OIDC provider may not',
      'trust: arn:aws:iam::123456789012:role/example-other-role may not assume the role',
    ]);
  });

  it('models a namespace pattern with a namespace it matches and one it does not', () => {
    expect(namespaceMatching('mxp-*-system')).toBe('mxp-example-system');
    expect(unlistedNamespace([], 'mxp-*-system')).toBe('kube-system');
    const whats = awsExpectations('aws/irsa', { ...IRSA_PROPS, controlPlaneNamespaces: [], namespacePattern: 'mxp-*-system' })!.requests.map((r) => r.what);
    expect(whats).toContain('trust: vector in mxp-example-system may assume the role');
    expect(whats).toContain('trust: vector in kube-system (not listed) may not');
  });

  it('models Pod Identity with restrictToNamespaces: the session tags decide', () => {
    const expectations = awsExpectations('aws/pod-identity', { ...IRSA_PROPS, clusterName: 'spaces-example', restrictToNamespaces: true, allowDeleteObject: true })!;
    expect(expectations).toMatchSnapshot();
    expect(expectations.associations).toEqual({ clusterName: 'spaces-example', serviceAccount: 'vector', namespaces: ['mxp-ctp-alpha-system', 'mxp-ctp-beta-system'] });
    expect(expectations.requests[0].request.context).toMatchObject({
      'aws:RequestTag/eks-cluster-arn': 'arn:aws:eks:us-east-1:123456789012:cluster/spaces-example',
      'aws:RequestTag/kubernetes-namespace': 'mxp-ctp-alpha-system',
      'aws:RequestTag/kubernetes-service-account': 'vector',
    });
    expect(expectations.requests.find((r) => r.request.action === 's3:DeleteObject')?.expect).toBe('allow');
  });

  it('does not model other kinds', () => {
    expect(awsExpectations('gcp/principal', {})).toBeUndefined();
  });
});

/** A saved plan as `terraform show -json` prints it, reduced to what the policy checks read. */
function plan(trust: unknown, s3: unknown, extra: any[] = []) {
  const resources = [
    { address: 'aws_iam_role.role', mode: 'managed', type: 'aws_iam_role', name: 'role', values: { assume_role_policy: trust === undefined ? undefined : JSON.stringify(trust), inline_policy: [] } },
    { address: 'aws_iam_role_policy.s3', mode: 'managed', type: 'aws_iam_role_policy', name: 's3', values: { policy: JSON.stringify(s3) } },
    ...extra.map((e) => e.resource),
  ];
  return {
    planned_values: { root_module: { resources } },
    resource_changes: resources.map((r) => ({ address: r.address, change: { actions: ['create'], after_unknown: r.address === 'aws_iam_role.role' && trust === undefined ? { assume_role_policy: true } : {} } })),
    configuration: {
      root_module: {
        resources: [
          { address: 'aws_iam_role.role', expressions: {} },
          { address: 'aws_iam_role_policy.s3', expressions: { role: { references: ['aws_iam_role.role.id', 'aws_iam_role.role'] } } },
          ...extra.map((e) => ({ address: e.resource.address, expressions: e.expressions })),
        ],
      },
    },
  };
}

const GOOD_TRUST = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: PROVIDER_ARN },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`${HOST}:aud`]: 'sts.amazonaws.com', [`${HOST}:sub`]: ['system:serviceaccount:mxp-ctp-alpha-system:vector', 'system:serviceaccount:mxp-ctp-beta-system:vector'] } },
    },
  ],
};
const GOOD_S3 = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::example-spaces-billing/*' },
    { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: 'arn:aws:s3:::example-spaces-billing' },
  ],
};

describe('policy checks on a saved plan', () => {
  const irsa = awsExpectations('aws/irsa', IRSA_PROPS)!;
  const failed = (results: ReturnType<typeof policyChecks>) => results.filter((r) => r.status === 'fail').map((r) => r.what);

  it('pass a correct trust and S3 policy', () => {
    const results = policyChecks('test', plan(GOOD_TRUST, GOOD_S3), irsa);
    expect(results.map((r) => r.status)).toEqual(irsa.requests.map(() => 'pass'));
  });

  it('fail a trust policy that admits a wrong namespace', () => {
    const loose = structuredClone(GOOD_TRUST) as any;
    loose.Statement[0].Condition = { StringEquals: { [`${HOST}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${HOST}:sub`]: 'system:serviceaccount:*:vector' } };
    const results = policyChecks('test', plan(loose, GOOD_S3), irsa);
    expect(failed(results)).toEqual(['trust: vector in mxp-not-listed-system (not listed) may not']);
    expect(results.find((r) => r.status === 'fail')!.details![0]).toBe('aws_iam_role.role (allowed by #0)');
  });

  it('fail a trust policy without the audience, and one that trusts the account', () => {
    const noAudience = structuredClone(GOOD_TRUST) as any;
    delete noAudience.Statement[0].Condition.StringEquals[`${HOST}:aud`];
    expect(failed(policyChecks('test', plan(noAudience, GOOD_S3), irsa))).toEqual(['trust: a token for audience example-audience may not']);
    const account = { Version: '2012-10-17', Statement: [...GOOD_TRUST.Statement, { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' }] };
    expect(failed(policyChecks('test', plan(account, GOOD_S3), irsa))).toEqual(['trust: arn:aws:iam::123456789012:role/example-other-role may not assume the role']);
  });

  it('fail an S3 policy on every bucket, and one without PutObject', () => {
    const everywhere = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'], Resource: '*' }] };
    expect(failed(policyChecks('test', plan(GOOD_TRUST, everywhere), irsa))).toEqual([
      'permissions: s3:PutObject on arn:aws:s3:::example-other-bucket/example/usage.json (another bucket) denied',
      'permissions: s3:PutObject on arn:aws:s3:::example-spaces-billing-copy/example/usage.json (a bucket named with the same prefix) denied',
    ]);
    const readOnly = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::example-spaces-billing/*' }, GOOD_S3.Statement[1]] };
    expect(failed(policyChecks('test', plan(GOOD_TRUST, readOnly), irsa))).toEqual(['permissions: s3:PutObject on arn:aws:s3:::example-spaces-billing/example/usage.json allowed']);
  });

  it('skip the trust requests when the trust policy is known only after apply', () => {
    const results = policyChecks('test', plan(undefined, GOOD_S3), irsa);
    expect(formatResult(results[0])).toEqual(['SKIP: test: 7 trust requests (aws_iam_role.role.assume_role_policy is known only after apply)']);
    expect(results.slice(1).every((r) => r.status === 'pass')).toBe(true);
  });

  it('fail a policy it cannot evaluate, and a plan without a role', () => {
    const variable = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::example-spaces-billing/${aws:username}/*' }] };
    const results = policyChecks('test', plan(GOOD_TRUST, variable), irsa);
    expect(results.find((r) => r.status === 'fail')!.details![0]).toMatch(/cannot evaluate: policy variable/);
    expect(policyChecks('test', { planned_values: { root_module: { resources: [] } } }, irsa)).toEqual([{ status: 'fail', stack: 'test', what: 'policies', details: ['the plan has no aws_iam_role'] }]);
  });

  it('check the Pod Identity associations: one per namespace for vector, none for another', () => {
    const podTrust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] };
    const association = (id: string, namespace: string, serviceAccount = 'vector') => ({
      resource: { address: `aws_eks_pod_identity_association.${id}`, mode: 'managed', type: 'aws_eks_pod_identity_association', name: id, values: { cluster_name: 'spaces-example', namespace, service_account: serviceAccount } },
      expressions: { role_arn: { references: ['aws_iam_role.role.arn', 'aws_iam_role.role'] } },
    });
    const expectations = awsExpectations('aws/pod-identity', { ...IRSA_PROPS, clusterName: 'spaces-example' })!;
    const good = policyChecks('test', plan(podTrust, GOOD_S3, [association('a', 'mxp-ctp-alpha-system'), association('b', 'mxp-ctp-beta-system')]), expectations);
    expect(good.filter((r) => r.status !== 'pass')).toEqual([]);
    const bad = policyChecks('test', plan(podTrust, GOOD_S3, [association('a', 'mxp-ctp-alpha-system'), association('x', 'kube-system'), association('y', 'mxp-ctp-beta-system', 'default')]), expectations);
    expect(bad.filter((r) => r.status === 'fail').map((r) => [r.what, r.details])).toEqual([
      ['association: vector in mxp-ctp-beta-system gets the billing role in cluster spaces-example', ['aws_eks_pod_identity_association.y: service_account is "default"']],
      ['association: none for another namespace or service account', ['aws_eks_pod_identity_association.x: vector in kube-system', 'aws_eks_pod_identity_association.y: default in mxp-ctp-beta-system']],
    ]);
  });

  it('read inline, attached and role inline_policy policies of a role', () => {
    const resources = plannedResources({
      planned_values: {
        root_module: {
          resources: [
            { address: 'aws_iam_role.r', mode: 'managed', type: 'aws_iam_role', values: { assume_role_policy: JSON.stringify(GOOD_TRUST), inline_policy: [{ name: 'i', policy: JSON.stringify(GOOD_S3) }] } },
            { address: 'aws_iam_policy.p', mode: 'managed', type: 'aws_iam_policy', values: { policy: JSON.stringify(GOOD_S3) } },
            { address: 'aws_iam_role_policy_attachment.a', mode: 'managed', type: 'aws_iam_role_policy_attachment', values: {} },
            { address: 'aws_iam_role_policy_attachment.ext', mode: 'managed', type: 'aws_iam_role_policy_attachment', values: { policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } },
          ],
        },
      },
      configuration: {
        root_module: {
          resources: [
            { address: 'aws_iam_role_policy_attachment.a', expressions: { role: { references: ['aws_iam_role.r.name', 'aws_iam_role.r'] }, policy_arn: { references: ['aws_iam_policy.p.arn', 'aws_iam_policy.p'] } } },
            { address: 'aws_iam_role_policy_attachment.ext', expressions: { role: { references: ['aws_iam_role.r'] } } },
          ],
        },
      },
    });
    const [role] = plannedRoles(resources);
    expect(role.permissions.map((p) => p.source)).toEqual(['aws_iam_role.r.inline_policy[0]', 'aws_iam_policy.p.policy']);
    expect(role.externalPolicies).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
  });
});

describe('variants and report', () => {
  it('derives variants of each AWS entry that read the issuer and the account from data sources', () => {
    const config = loadConfig(EXAMPLE_CONFIG_FILE);
    const documents = variantDocuments(config);
    const irsa = documents.find((d) => d.name === 'aws-irsa-from-data-sources')!;
    expect(irsa.raw).not.toHaveProperty('accountId');
    expect(irsa.raw).not.toHaveProperty('oidcIssuerUrl');
    expect(irsa.raw).toMatchObject({ name: 'aws-irsa-from-data-sources', cloud: 'aws', identity: 'irsa', clusterName: 'spaces-example', kubernetesFromCluster: true });
    expect(documents.find((d) => d.name === 'aws-irsa-all-options')!.raw).toMatchObject({ accountId: '123456789012', createOidcProvider: true, allowDeleteObject: true });
    expect(documents.every((d) => config.stacks.find((s) => s.name === d.base)?.cloud === 'aws')).toBe(true);
    expect(optionalBooleans('aws/irsa')).toEqual(expect.arrayContaining(['allowDeleteObject', 'createOidcProvider', 'kubernetesFromCluster']));
  });

  it('formats results and the summary for .ci/run', () => {
    const results = [
      { status: 'pass' as const, stack: 's', what: 'a' },
      { status: 'fail' as const, stack: 's', what: 'b', details: ['why'] },
      { status: 'skip' as const, stack: 's', what: 'c', details: ['no terraform on PATH'] },
    ];
    expect(results.flatMap(formatResult)).toEqual(['PASS: s: a', 'FAIL: s: b', '    why', 'SKIP: s: c (no terraform on PATH)']);
    const summary = summarize(results);
    expect(summaryLine(summary)).toBe('verify: 1 passed, 1 failed, 1 skipped');
    expect(summaryFileText(summary)).toBe('1 1\n');
  });
});
