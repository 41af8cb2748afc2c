import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/config';
import { EXAMPLE_CONFIG_FILE, LOCAL_CONFIG_FILE, loadConfig, parseConfigText, resolveConfigPath } from '../src/config/load';
import { IRSA_ENTRY, configDocument, configProblems } from './support/config';

const irsaEntry = IRSA_ENTRY;
const config = configDocument;
const problemsOf = configProblems;

describe('config', () => {
  it('accepts a valid IRSA entry and applies the shared release settings', () => {
    const parsed = parseConfig(config([{ ...irsaEntry, spaces: { releaseName: 'spaces-eu' } }], { namespace: 'upbound-system' }));
    expect(parsed.stacks).toHaveLength(1);
    expect(parsed.stacks[0]).toMatchObject({ kind: 'aws/irsa', name: 'aws-irsa', index: 0 });
    expect(parsed.stacks[0].spaces).toEqual({ version: '1.14.1', account: 'example-org', namespace: 'upbound-system', releaseName: 'spaces-eu' });
  });

  it('fails on an unknown key, suggesting the known one', () => {
    const { controlPlaneNamespaces, ...rest } = irsaEntry;
    expect(problemsOf(config([{ ...rest, controlPlaneNamespace: controlPlaneNamespaces }]))).toEqual([
      'stacks[0].controlPlaneNamespace: "controlPlaneNamespace" is not a known key (did you mean "controlPlaneNamespaces"?)',
      'stacks[0].controlPlaneNamespaces: (missing) is required: list the control plane host namespaces (mxp-<controlPlaneID>-system)',
    ]);
  });

  it('fails on an unknown top-level or spaces key', () => {
    expect(problemsOf({ ...config([irsaEntry], { verison: '1.0.0' }), extra: 1 })).toEqual([
      'spaces.verison: "verison" is not a known key (did you mean "version"?)',
      'extra: "extra" is not a known key',
    ]);
  });

  it('fails on a chart version with a leading v, in the shared settings and in an override', () => {
    expect(problemsOf(config([{ ...irsaEntry, spaces: { version: 'v1.15.0' } }], { version: 'v1.14.1' }))).toEqual([
      'spaces.version: "v1.14.1" has a leading "v": chart versions have none, use "1.14.1"',
      'stacks[0].spaces.version: "v1.15.0" has a leading "v": chart versions have none, use "1.15.0"',
    ]);
  });

  it('fails on an unknown cloud or an identity of another cloud', () => {
    expect(problemsOf(config([{ ...irsaEntry, cloud: 'oracle' }]))).toEqual(['stacks[0].cloud: "oracle" must be one of aws, azure, gcp']);
    expect(problemsOf(config([{ ...irsaEntry, identity: 'workload-identity' }]))[0]).toMatch(/^stacks\[0\]\.identity: "workload-identity" is not an identity for cloud "aws": use one of irsa/);
  });

  it('reports shape and rule problems of one entry together', () => {
    expect(problemsOf(config([{ ...irsaEntry, region: 42, bucketName: 'Bad_Bucket', accountId: '12345' }]))).toEqual([
      'stacks[0].region: 42 must be a string: quote it (YAML reads unquoted digits as a number, dropping leading zeros and trailing decimal zeros)',
      'stacks[0].bucketName: "Bad_Bucket" is not a valid S3 bucket name: use lowercase letters, digits, "." and "-", starting and ending with a letter or digit',
      'stacks[0].accountId: "12345" is not an AWS account ID: use exactly 12 digits, quoted as a string',
    ]);
  });

  it('fails on two stacks with one name', () => {
    expect(problemsOf(config([irsaEntry, { ...irsaEntry, roleName: 'other' }]))).toEqual(['stacks[1].name: "aws-irsa" is also the name of stacks[0]: stack names are unique']);
  });

  it('fails on two stacks creating one IAM role name in one account', () => {
    expect(problemsOf(config([irsaEntry, { ...irsaEntry, name: 'aws-irsa-2' }]))).toEqual([
      'stacks[1].roleName: "spaces-billing" is the IAM role name stacks[0] also creates in AWS account 123456789012: give one of them another roleName',
    ]);
    expect(problemsOf(config([irsaEntry, { ...irsaEntry, name: 'aws-irsa-2', accountId: '210987654321' }]))).toEqual([]);
  });

  it('fails on kubernetesFromCluster without a cluster name, or with a kubeconfig', () => {
    const { ...entry } = irsaEntry;
    expect(problemsOf(config([{ ...entry, kubernetesFromCluster: true, kubeconfigPath: '/tmp/kubeconfig' }]))).toEqual([
      'stacks[0].clusterName: (missing) is required with kubernetesFromCluster: true (the cluster to read the connection from)',
      'stacks[0].kubeconfigPath: "/tmp/kubeconfig" cannot be combined with kubernetesFromCluster: true; choose one connection',
    ]);
  });

  it('fails on an empty stack list', () => {
    expect(problemsOf(config([]))).toEqual(['stacks: [] must have at least 1 item']);
  });

  it('fails on YAML that does not parse, naming the file', () => {
    expect(() => parseConfigText('spaces: [\n', 'bad.yaml')).toThrow(/\n {2}- bad\.yaml: is not valid YAML: /);
  });

  it('fails on a missing config file, naming it', () => {
    expect(() => loadConfig('/nonexistent/spaces-identity.yaml')).toThrow('SPACES_IDENTITY_CONFIG: "/nonexistent/spaces-identity.yaml" does not exist');
  });

  it('finds the config in $SPACES_IDENTITY_CONFIG, then ./spaces-identity.yaml, then the example', () => {
    expect(resolveConfigPath({ SPACES_IDENTITY_CONFIG: 'conf/x.yaml' }, '/srv')).toBe(path.resolve('/srv', 'conf/x.yaml'));
    expect(resolveConfigPath({}, path.join(__dirname, 'fixtures', 'with-local-config'))).toBe(path.join(__dirname, 'fixtures', 'with-local-config', LOCAL_CONFIG_FILE));
    expect(resolveConfigPath({}, '/nonexistent')).toBe(EXAMPLE_CONFIG_FILE);
  });

  it('loads the embedded example', () => {
    const example = loadConfig(EXAMPLE_CONFIG_FILE);
    expect(example.stacks.map((s) => s.kind)).toContain('aws/irsa');
    expect(example.stacks.find((s) => s.kind === 'aws/irsa')!.props.accountId).toBe('123456789012');
  });
});
