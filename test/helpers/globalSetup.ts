import { mkdir, readdir, rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import {
  findPostgresBin,
  startPostgres,
  type PostgresServer,
} from '../../scripts/postgresServer.js';

declare module 'vitest' {
  export interface ProvidedContext {
    runTmp: string;
    /** The maintenance database of this run's PostgreSQL server; '' where none is installed. */
    pgUrl: string;
  }
}

/**
 * The run's temporary folder (vitest.config.ts points TMPDIR at it), and one PostgreSQL server
 * for the whole run (test/helpers/postgres.ts gives each test file a database of its own).
 * Afterwards, a `briefgen-*` folder still in the temporary folder is a test that does not
 * clean up (use test/helpers/tempDirs.ts): the run fails naming it. The folder is removed
 * either way, so runs leave nothing in the system temp folder.
 */
export default async function setup(project: TestProject) {
  const dir = project.config.provide?.runTmp;
  if (dir) await mkdir(dir, { recursive: true });
  let server: PostgresServer | undefined;
  if (dir && findPostgresBin()) {
    server = await startPostgres(dir);
    project.provide('pgUrl', server.url);
  } else {
    process.stderr.write('\nPostgreSQL is not installed: the team-mode tests are skipped\n');
    project.provide('pgUrl', '');
  }
  return async () => {
    await server?.stop();
    if (!dir) return;
    const left = (await readdir(dir).catch(() => [] as string[])).filter((name) =>
      name.startsWith('briefgen-'),
    );
    await rm(dir, { recursive: true, force: true });
    if (left.length > 0) {
      process.stderr.write(
        `\nFAIL tests left ${left.length} temporary folder(s) behind: ${left.sort().join(', ')}\n` +
          '     create them with useTempDirs (test/helpers/tempDirs.ts), which removes them\n',
      );
      process.exitCode = 1;
    }
  };
}
