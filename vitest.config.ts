import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The run's own temporary folder: tests (and the `brief` processes they start) make their
 * temporary folders and stores here, and test/helpers/globalSetup.ts reports any `briefgen-*`
 * folder a test left behind, then removes it all, so a run leaves nothing in the system temp folder.
 */
const RUN_TMP = join(tmpdir(), `briefgen-test-run-${process.pid}`);
const STORE_DIR = join(RUN_TMP, 'stores');

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests that spawn the CLI and render PDFs are heavy; two workers match the 2-core CI machine.
    maxWorkers: 2,
    // Tests never touch the user's stores.
    env: {
      BRIEFGEN_STORE_DIR: STORE_DIR,
      BRIEFGEN_STORE: '',
      BRIEFGEN_DATABASE_URL: '',
      TMPDIR: RUN_TMP,
    },
    globalSetup: ['./test/helpers/globalSetup.ts'],
    provide: { runTmp: RUN_TMP },
    reporters: ['default', './test/helpers/summaryReporter.ts'],
  },
});
