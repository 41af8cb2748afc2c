import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.join(__dirname, '..', 'src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('imports', () => {
  const files = sources(SRC);

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it('imports provider bindings by deep path only: a root import loads every resource of the provider', () => {
    const offenders = files.flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/(?:from\s+|require\()\s*['"](@cdktf\/provider-[a-z]+)(\/[^'"]*)?['"]/g)]
        .filter((m) => !m[2]?.startsWith('/lib/'))
        .map((m) => `${path.relative(SRC, file)}: ${m[0]}`),
    );
    expect(offenders).toEqual([]);
  });

  it('never creates an authoritative GCP IAM resource', () => {
    const offenders = files.filter((file) => /provider-google\/lib\/[a-z-]*iam-(binding|policy)['"]/.test(fs.readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
