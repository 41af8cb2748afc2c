import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('has a library sample that synthesizes as written (imported from src instead of the package)', () => {
    const section = README.slice(README.indexOf('## Use as a library'));
    const sample = section.split('```ts\n')[1].split('```')[0];
    expect(sample).toContain("from 'spaces-workload-identity'");
    // Inside the project (an ignored folder), so the sample resolves the project's node_modules.
    fs.mkdirSync(path.join(ROOT, '.verify'), { recursive: true });
    const dir = fs.mkdtempSync(path.join(ROOT, '.verify', 'readme-'));
    const file = path.join(dir, 'sample.ts');
    fs.writeFileSync(file, sample.replace(/from 'spaces-workload-identity'/g, `from ${JSON.stringify(path.join(ROOT, 'src'))}`));
    const outdir = path.join(dir, 'out');
    const result = spawnSync(process.execPath, ['--require', 'tsx/cjs', file], { cwd: ROOT, env: { ...process.env, CDKTF_OUTDIR: outdir }, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const stack = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'spaces-billing', 'cdk.tf.json'), 'utf8'));
    expect(Object.keys(stack.resource).sort()).toEqual(['aws_iam_role', 'aws_iam_role_policy', 'helm_release']);
    expect(stack.output.helm_set_flags.value).toContain("--set-string 'billing.storage.secretRef.name='");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the two commands of a fresh clone', () => {
    expect(README).toContain('npm ci && npx cdktf synth');
    expect(README).toContain('npm ci && npm test');
  });
});
