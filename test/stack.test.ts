import { S3Backend, Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { buildStacks } from '../src/app';
import { parseConfig } from '../src/config/config';
import { IRSA_ENTRY } from './support/config';
import { parseStack } from './support/synth';

const irsaEntry = { ...IRSA_ENTRY, clusterName: 'spaces-example' };

function synth(entry: Record<string, unknown>, spaces: Record<string, unknown> = {}) {
  const config = parseConfig({ spaces: { version: '1.14.1', account: 'example-org', ...spaces }, stacks: [entry] });
  const [stack] = buildStacks(Testing.app(), config);
  return parseStack(Testing.synth(stack));
}

describe('SpacesBillingStack', () => {
  it('with manageRelease: false has no helm provider or release and still outputs the values', () => {
    const out = synth(irsaEntry, { manageRelease: false });
    expect(out.json.provider.helm).toBeUndefined();
    expect(out.resources('helm_release')).toEqual({});
    const outputs = out.outputs();
    expect(outputs.helm_values_yaml).toContain('eks.amazonaws.com/role-arn: "${aws_iam_role.');
    expect(outputs.helm_set_flags).toContain("--set-string 'billing.storage.secretRef.name='");
  });

  it('reads the helm connection from the EKS cluster with kubernetesFromCluster', () => {
    const out = synth({ ...irsaEntry, kubernetesFromCluster: true });
    const [clusterId] = Object.keys(out.dataSources('aws_eks_cluster'));
    const [authId] = Object.keys(out.dataSources('aws_eks_cluster_auth'));
    expect(out.json.provider.helm[0].kubernetes).toEqual({
      host: `\${data.aws_eks_cluster.${clusterId}.endpoint}`,
      cluster_ca_certificate: `\${base64decode(data.aws_eks_cluster.${clusterId}.certificate_authority[0].data)}`,
      token: `\${data.aws_eks_cluster_auth.${authId}.token}`,
    });
  });

  it('uses the kubeconfig path and context when given', () => {
    const out = synth({ ...irsaEntry, kubeconfigPath: '/etc/kube/spaces.yaml', kubeconfigContext: 'spaces-admin' });
    expect(out.json.provider.helm[0].kubernetes).toEqual({ config_path: '/etc/kube/spaces.yaml', config_context: 'spaces-admin' });
  });

  it('takes the registry password from a sensitive variable, never from the config', () => {
    const out = synth(irsaEntry, { repositoryUsername: 'robot$example' });
    expect(out.json.variable.spaces_repository_password).toMatchObject({ type: 'string', sensitive: true });
    expect(out.resource('helm_release')).toMatchObject({ repository_username: 'robot$example', repository_password: '${var.spaces_repository_password}' });
  });

  it('merges user values and restarts a statefulset when vector persistence is on', () => {
    const out = synth(irsaEntry, { values: { controlPlanes: { vector: { persistence: { enabled: true } } } } });
    expect(out.resource('helm_release').values[0]).toContain('    persistence:\n      enabled: true\n');
    expect(out.outputs().control_plane_commands['mxp-ctp-alpha-system'].restart).toBe('kubectl -n mxp-ctp-alpha-system rollout restart statefulset vector');
  });

  it('fails on a user value that contradicts the billing values', () => {
    expect(() => synth(irsaEntry, { values: { billing: { storage: { provider: 'gcp' } } } })).toThrow(
      /values\.billing\.storage\.provider: "gcp" contradicts the value this library sets \("aws" at billing\.storage\.provider\)/,
    );
  });

  it('passes release overrides of one stack through to its helm_release', () => {
    const out = synth({ ...irsaEntry, spaces: { namespace: 'spaces-system', releaseName: 'spaces-eu', wait: false, timeout: 900 } });
    expect(out.resource('helm_release')).toMatchObject({ namespace: 'spaces-system', name: 'spaces-eu', wait: false, timeout: 900 });
  });
});

describe('SpacesBillingStack backend', () => {
  it('takes another backend from the options instead of the local one', () => {
    const config = parseConfig({ spaces: { version: '1.14.1', account: 'example-org' }, stacks: [irsaEntry] });
    const [stack] = buildStacks(Testing.app(), config, {
      backend: (s) => new S3Backend(s, { bucket: 'example-terraform-state', key: `spaces/${s.node.id}.tfstate`, region: 'us-east-1' }),
    });
    const out = parseStack(Testing.synth(stack));
    expect(out.json.terraform.backend).toEqual({ s3: { bucket: 'example-terraform-state', key: 'spaces/aws-irsa.tfstate', region: 'us-east-1' } });
  });
});
