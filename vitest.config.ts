import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests that spawn the CLI and render PDFs are heavy; two workers match the 2-core CI machine.
    maxWorkers: 2,
    // Tests never touch the user's analysis cache.
    env: { BRIEFGEN_CACHE_DIR: join(tmpdir(), `briefgen-test-cache-${process.pid}`) },
    reporters: ['default', './test/helpers/summaryReporter.ts'],
  },
});
