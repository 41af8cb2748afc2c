import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Snapshots live in the top-level __snapshots__ folder, one file per test file.
    resolveSnapshotPath: (testPath: string, snapExtension: string) =>
      path.join(root, '__snapshots__', path.basename(testPath) + snapExtension),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { CHECKPOINT_DISABLE: '1' },
  },
});
