import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Testing } from 'cdktf';
import { buildStacksCollectingProblems, synthesizeConfig } from '../src/app';
import { checkConfig, parseConfig } from '../src/config/config';
import { EXAMPLE_CONFIG_FILE, loadConfig, parseConfigText, resolveConfigPath } from '../src/config/load';
import { formatProblem, ValidationError } from '../src/rules/problem';
import { configDocument, configProblems } from './support/config';
import { userValuesRule } from '../src/rules/user-values';
import { helmValueFlags } from '../src/values/render';

const example = loadConfig(EXAMPLE_CONFIG_FILE);
const entryOf = (kind: string) => {
  const { ...props } = example.stacks.find((s) => s.kind === kind)!.props;
  return props as Record<string, any>;
};
const irsa = entryOf('aws/irsa');
const pod = entryOf('aws/pod-identity');

const problemsOf = configProblems;
const config = configDocument;

/** Config cases the guards must reject: a config, and the problem line that must name field, value and rule. */
const rejected: Array<[label: string, document: unknown, line: RegExp]> = [
  ['a token-shaped bucket name', config([{ ...irsa, bucketName: '${TfToken[TOKEN.1]}' }]), /^stacks\[0\]\.bucketName: "\$\{TfToken\[TOKEN\.1\]\}" holds a Terraform interpolation or token/],
  ['a Terraform interpolation in a user value', config([irsa], { values: { controlPlanes: { vector: { debug: '${var.x}' } } } }), /^spaces\.values\.controlPlanes\.vector\.debug: "\$\{var\.x\}" holds a Terraform interpolation/],
  ['an OIDC provider ARN of another issuer', config([{ ...irsa, oidcProviderArn: 'arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/OTHER' }]), /^stacks\[0\]\.oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider\/oidc\.eks\.eu-west-1\.amazonaws\.com\/id\/OTHER" is the provider of "oidc\.eks\.eu-west-1\.amazonaws\.com\/id\/OTHER", not of oidcIssuerUrl/],
  ['an OIDC provider ARN of another account', config([{ ...irsa, oidcProviderArn: 'arn:aws:iam::999999999999:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE' }]), /^stacks\[0\]\.oidcProviderArn: ".*" is in account "999999999999", not accountId "123456789012"/],
  ['a listed namespace outside the pattern', config([{ ...irsa, namespacePattern: 'mxp-*-system', controlPlaneNamespaces: ['mxp-a-system', 'other-ns'] }]), /^stacks\[0\]\.controlPlaneNamespaces\[1\]: "other-ns" does not match namespacePattern "mxp-\*-system"/],
  ['a KMS key of another partition', config([{ ...irsa, kmsKeyArn: 'arn:aws-cn:kms:cn-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' }]), /^stacks\[0\]\.kmsKeyArn: ".*" is in partition "aws-cn", not the stack's "aws"/],
  ['a KMS key of another region', config([{ ...irsa, kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' }]), /^stacks\[0\]\.kmsKeyArn: ".*" is in region "eu-west-1", not the bucket's "us-east-1"/],
  ['a permissions boundary of another partition', config([{ ...irsa, permissionsBoundaryArn: 'arn:aws-cn:iam::123456789012:policy/boundary' }]), /^stacks\[0\]\.permissionsBoundaryArn: ".*" is in partition "aws-cn"/],
  ['an ISO region', config([{ ...irsa, region: 'us-iso-east-1' }]), /^stacks\[0\]\.region: "us-iso-east-1" is not an AWS region code of the aws, aws-cn or aws-us-gov partition/],
  ['an issuer with a port', config([{ ...irsa, oidcIssuerUrl: 'https://oidc.eks.us-east-1.amazonaws.com:8443/id/X' }]), /^stacks\[0\]\.oidcIssuerUrl: ".*" is not an OIDC issuer URL: .*port/],
  ['two role names that differ only in case', config([{ ...irsa, roleName: 'Billing' }, { ...irsa, name: 'aws-irsa-2', roleName: 'billing' }]), /^stacks\[1\]\.roleName: "billing" is the IAM role name stacks\[0\] also creates in AWS account 123456789012/],
  ['two stack names that differ only in case', config([irsa, { ...irsa, name: 'AWS-IRSA', roleName: 'other' }]), /^stacks\[1\]\.name: "AWS-IRSA" is also the name of stacks\[0\]/],
  ['two Pod Identity stacks associating one namespace', config([pod, { ...pod, name: 'aws-pod-identity-2', roleName: 'other', controlPlaneNamespaces: ['mxp-ctp-beta-system'] }]), /^stacks\[1\]\.controlPlaneNamespaces: "mxp-ctp-beta-system\/vector" is the Pod Identity association stacks\[0\] also creates in EKS cluster spaces-example in us-east-1/],
  ['static credentials in the user values', config([irsa], { values: { billing: { storage: { azure: { connectionString: 'AccountKey=FAKE' } } } } }), /^spaces\.values\.billing\.storage\.azure\.connectionString: "\(redacted\)" holds static credentials/],
  ['a workload identity annotation in the user values', config([pod], { values: { controlPlanes: { vector: { serviceAccount: { customAnnotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/x' } } } } } }), /^spaces\.values\.controlPlanes\.vector\.serviceAccount\.customAnnotations\.eks\.amazonaws\.com\/role-arn: ".*" binds vector to a cloud identity/],
  ['a typo under billing', config([irsa], { values: { billing: { storge: {} } } }), /^spaces\.values\.billing\.storge: "storge" is not a value of the Spaces chart \(did you mean "storage"\?\)/],
  ['a typo under a stack override', config([{ ...irsa, spaces: { values: { controlPlanes: { vector: { persistance: { enabled: true } } } } } }]), /^stacks\[0\]\.spaces\.values\.controlPlanes\.vector\.persistance: "persistance" is not a value of the Spaces chart \(did you mean "persistence"\?\)/],
  ['an empty release name', config([irsa], { releaseName: '' }), /^spaces\.releaseName: "" is not a Helm release name/],
  ['a release namespace with an underscore', config([irsa], { namespace: 'Upbound_System' }), /^spaces\.namespace: "Upbound_System" is not a lowercase RFC 1123 label/],
  ['an account with spaces', config([irsa], { account: 'Example Org!' }), /^spaces\.account: "Example Org!" is not an Upbound organization name/],
  ['a chart version with a leading zero', config([irsa], { version: '01.14.1' }), /^spaces\.version: "01\.14\.1" is not a semantic version/],
  ['a kubeconfig path with manageRelease: false', config([{ ...irsa, kubeconfigPath: '/tmp/kubeconfig' }], { manageRelease: false }), /^stacks\[0\]\.kubeconfigPath: "\/tmp\/kubeconfig" has no effect with manageRelease: false/],
  ['release settings beside manageRelease: false', config([{ ...irsa, spaces: { manageRelease: false, releaseName: 'spaces-eu' } }]), /^stacks\[0\]\.spaces\.releaseName: "spaces-eu" has no effect with manageRelease: false/],
  ['an empty kubeconfig path', config([{ ...irsa, kubeconfigPath: '' }]), /^stacks\[0\]\.kubeconfigPath: "" is empty/],
  ['an unquoted account ID', config([{ ...irsa, accountId: 12345678901 }]), /^stacks\[0\]\.accountId: 12345678901 must be a string: quote it/],
];

describe('config guards', () => {
  it.each(rejected)('fails on %s', (_label, document, line) => {
    const problems = problemsOf(document);
    expect(problems.some((p) => line.test(p)), problems.join('\n')).toBe(true);
  });

  it('accepts the example and the same stacks with a namespace pattern that covers their namespaces', () => {
    expect(problemsOf(config([irsa, pod]))).toEqual([]);
    expect(problemsOf(config([{ ...irsa, namespacePattern: 'mxp-ctp-*-system' }]))).toEqual([]);
  });
});

describe('construct-time problems', () => {
  it('reports user values that contradict billing in every stack, with the field they came from', () => {
    const parsed = parseConfig(
      config([
        { ...irsa, spaces: { values: { billing: { enabled: false } } } },
        { ...pod, spaces: { values: { billing: { storage: { provider: 'gcp' } } } } },
      ]),
    );
    const problems = buildStacksCollectingProblems(Testing.app(), parsed).map(formatProblem);
    expect(problems).toEqual([
      'stacks[0].spaces.values.billing.enabled: false contradicts the value this library sets (true at billing.enabled); remove it from the user values',
      'stacks[1].spaces.values.billing.storage.provider: "gcp" contradicts the value this library sets ("aws" at billing.storage.provider); remove it from the user values',
    ]);
  });

  it('leaves no staging folder behind', () => {
    const staged = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('spaces-identity-synth-'));
    const before = new Set(staged());
    expect(() => synthesizeConfig(parseConfig(config([{ ...irsa, spaces: { values: { billing: { enabled: false } } } }])), path.join(os.tmpdir(), 'never-written'))).toThrow(ValidationError);
    expect(staged().filter((f) => !before.has(f))).toEqual([]);
    expect(fs.existsSync(path.join(os.tmpdir(), 'never-written'))).toBe(false);
  });
});

describe('config file guards', () => {
  it('fails on an empty file, saying what it needs', () => {
    expect(() => parseConfigText('# only a comment\n', 'empty.yaml')).toThrow('empty.yaml: is empty: it needs a spaces: block and a stacks: list');
  });

  it('fails on SPACES_IDENTITY_CONFIG set but empty, instead of synthesizing the example', () => {
    expect(() => resolveConfigPath({ SPACES_IDENTITY_CONFIG: '' }, '/srv')).toThrow('SPACES_IDENTITY_CONFIG: "" is set but empty');
  });

  it('fails on a folder given as the config file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spaces-config-dir-'));
    expect(() => loadConfig(dir)).toThrow(/SPACES_IDENTITY_CONFIG: ".*" cannot be read/);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('user values rule', () => {
  it('accepts keys of the chart reference and free-form maps', () => {
    expect(
      userValuesRule('values', {
        billing: { storage: { aws: { endpoint: 'https://s3.example.com', tls: { verifyHostname: true } } } },
        controlPlanes: { vector: { persistence: { enabled: true }, pod: { customLabels: { team: 'platform' } }, tolerations: [] }, other: { x: 1 } },
        features: { alpha: true },
      }),
    ).toEqual([]);
  });
});

describe('helm flags of lists', () => {
  it('addresses list items that are maps by index', () => {
    expect(helmValueFlags({ controlPlanes: { vector: { tolerations: [{ key: 'a', operator: 'Exists' }] } } })).toEqual([
      { flag: '--set', argument: 'controlPlanes.vector.tolerations[0].key=a' },
      { flag: '--set', argument: 'controlPlanes.vector.tolerations[0].operator=Exists' },
    ]);
    expect(helmValueFlags({ a: ['x', 'y,z'] })).toEqual([{ flag: '--set', argument: 'a={x,y\\,z}' }]);
  });
});

describe('synthesizeConfig', () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'spaces-synth-test-'));

  it('reports config problems and the construct-time problems of the other stacks in one pass, writing nothing', () => {
    const check = checkConfig(
      config([
        { ...irsa, spaces: { values: { billing: { enabled: false } } } },
        { ...pod, bucketName: 'Bad_Bucket' },
      ]),
    );
    expect(check.config!.stacks.map((s) => s.name)).toEqual(['aws-irsa']);
    const outdir = path.join(tmp(), 'cdktf.out');
    let lines: string[] = [];
    try {
      synthesizeConfig(check.config!, outdir, check.problems);
    } catch (error) {
      lines = (error as ValidationError).problems.map(formatProblem);
    }
    expect(lines).toEqual([
      expect.stringMatching(/^stacks\[1\]\.bucketName: "Bad_Bucket" is not a valid S3 bucket name/),
      expect.stringMatching(/^stacks\[0\]\.spaces\.values\.billing\.enabled: false contradicts the value this library sets/),
    ]);
    expect(fs.existsSync(outdir)).toBe(false);
  });

  it('replaces the output: a stack no longer in the config is removed, a current one keeps its .terraform', () => {
    const outdir = path.join(tmp(), 'cdktf.out');
    synthesizeConfig(parseConfig(config([irsa, pod])), outdir);
    fs.mkdirSync(path.join(outdir, 'stacks', 'aws-irsa', '.terraform'));
    synthesizeConfig(parseConfig(config([irsa])), outdir);
    expect(fs.readdirSync(path.join(outdir, 'stacks'))).toEqual(['aws-irsa']);
    expect(fs.existsSync(path.join(outdir, 'stacks', 'aws-irsa', '.terraform'))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')).stacks).toHaveProperty('aws-irsa');
  });
});
