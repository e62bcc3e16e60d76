import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/** Every store the tests make lives here; test/helpers/globalSetup.ts removes it afterwards. */
const STORE_DIR = join(tmpdir(), `briefgen-test-stores-${process.pid}`);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests that spawn the CLI and render PDFs are heavy; two workers match the 2-core CI machine.
    maxWorkers: 2,
    // Tests never touch the user's stores.
    env: { BRIEFGEN_STORE_DIR: STORE_DIR, BRIEFGEN_STORE: '' },
    globalSetup: ['./test/helpers/globalSetup.ts'],
    provide: { storeDir: STORE_DIR },
    reporters: ['default', './test/helpers/summaryReporter.ts'],
  },
});
