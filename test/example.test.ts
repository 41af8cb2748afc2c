import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { buildStacks } from '../src/app';
import { EXAMPLE_CONFIG_FILE, loadConfig } from '../src/config/load';
import { parseStack } from './support/synth';

const example = loadConfig(EXAMPLE_CONFIG_FILE);
const ROOT = path.join(__dirname, '..');

function synthExample() {
  const app = Testing.app();
  return Object.fromEntries(buildStacks(app, example).map((stack) => [stack.node.id, parseStack(Testing.synth(stack))]));
}

describe('embedded example', () => {
  const stacks = synthExample();

  it.each(example.stacks.map((s) => s.name))('synthesizes stack %s', (name) => {
    const stack = stacks[name];
    expect(stack.json).toMatchSnapshot();
    const text = JSON.stringify(stack.json);
    expect(text).not.toContain('undefined');
    expect(text).not.toContain('TfToken[');
    const release = stack.resource('helm_release');
    expect(release).toMatchObject({ chart: 'spaces', repository: 'oci://xpkg.upbound.io/spaces-artifacts', version: '1.14.1', name: 'spaces', namespace: 'upbound-system' });
    expect(release.values[0]).toContain('    secretRef:\n      name: ""\n');
    // State beside the project, by a relative path: no machine path in the output.
    expect(stack.json.terraform.backend).toEqual({ local: { path: `../../../terraform.${name}.tfstate` } });
    expect(Object.keys(stack.outputs())).toEqual(expect.arrayContaining(['helm_values_yaml', 'helm_set_flags', 'control_plane_commands']));
  });

  it('has an IRSA stack whose role trusts each example namespace exactly', () => {
    const irsa = stacks['aws-irsa'];
    const trust = JSON.parse(irsa.resource('aws_iam_role').assume_role_policy);
    const host = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
    expect(trust.Statement[0].Condition.StringEquals[`${host}:sub`]).toEqual([
      'system:serviceaccount:mxp-ctp-alpha-system:vector',
      'system:serviceaccount:mxp-ctp-beta-system:vector',
    ]);
    expect(irsa.outputs().control_plane_commands['mxp-ctp-beta-system']).toEqual({
      verify: 'kubectl get serviceaccount vector -n mxp-ctp-beta-system -o yaml',
      restart: 'kubectl -n mxp-ctp-beta-system rollout restart deployment vector',
    });
    expect(irsa.json.provider.helm[0].kubernetes).toEqual({ config_path: '~/.kube/config' });
  });
});

describe('the cdktf app', () => {
  function runApp(config: string) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'spaces-app-'));
    const file = path.join(out, 'config.yaml');
    fs.writeFileSync(file, config);
    const outdir = path.join(out, 'cdktf.out');
    const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'src', 'main.ts')], {
      cwd: ROOT,
      env: { ...process.env, SPACES_IDENTITY_CONFIG: file, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: '1' },
      encoding: 'utf8',
    });
    return { ...result, outdir };
  }

  it('fails on bad input with the field, the value and the rule, and writes nothing', () => {
    const text = fs.readFileSync(EXAMPLE_CONFIG_FILE, 'utf8').replace('bucketName: example-spaces-billing\n', 'bucketName: Example_Bucket\n');
    expect(text).toContain('Example_Bucket');
    const result = runApp(text);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('stacks[0].bucketName: "Example_Bucket" is not a valid S3 bucket name');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(fs.existsSync(result.outdir)).toBe(false);
  });

  it('synthesizes the example into one folder per stack', () => {
    const result = runApp(fs.readFileSync(EXAMPLE_CONFIG_FILE, 'utf8'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(fs.readdirSync(path.join(result.outdir, 'stacks')).sort()).toEqual(example.stacks.map((s) => s.name).sort());
  });
});
