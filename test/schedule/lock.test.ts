import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tryLock } from '../../src/schedule/index.js';
import { ROOT } from '../helpers/cli.js';
import { useTempDirs } from './tempDirs.js';

const tempDir = useTempDirs('briefgen-lock-');
const LOCK_MODULE = join(ROOT, 'dist', 'src', 'schedule', 'lock.js');
/** Above Linux's largest pid (2^22), so never a live process. */
const DEAD_PID = 2 ** 22 + 12345;

/**
 * A racer process: on each message it waits for the agreed instant (busy-waiting, so all
 * racers leave the line together), tries the lock once and says whether it got it.
 */
const RACER = `
const { tryLock } = await import(process.argv[1]);
process.on('message', async ({ path, at }) => {
  while (Date.now() < at) {}
  try {
    process.send({ won: (await tryLock(path)) !== undefined });
  } catch (error) {
    process.send({ won: false, error: String(error) });
  }
});
process.send('ready');
`;

function startRacer(): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', RACER, pathToFileURL(LOCK_MODULE).href],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('error', reject);
  });
}

/** Whether each racer got the lock, or the error it met. */
function race(racers: ChildProcess[], path: string): Promise<(boolean | string)[]> {
  const at = Date.now() + 15;
  return Promise.all(
    racers.map(
      (racer) =>
        new Promise<boolean | string>((resolve) => {
          racer.once('message', (reply: { won: boolean; error?: string }) =>
            resolve(reply.error ?? reply.won),
          );
          racer.send({ path, at });
        }),
    ),
  );
}

describe('lock files', () => {
  const racers: ChildProcess[] = [];
  afterAll(() => racers.forEach((racer) => racer.kill()));

  it('gives a stale lock to exactly one of several processes taking it over at once (100 trials)', async () => {
    if (!existsSync(LOCK_MODULE)) throw new Error('dist/ is missing: run `npm run build` first');
    racers.push(...(await Promise.all([startRacer(), startRacer(), startRacer()])));
    const dir = await tempDir();
    await mkdir(join(dir, 'locks'));
    const outcomes: string[] = [];
    for (let trial = 0; trial < 100; trial++) {
      const path = join(dir, 'locks', `brief-${trial}.lock`);
      const stale = { pid: DEAD_PID, acquiredAt: new Date().toISOString() };
      await writeFile(path, JSON.stringify(stale));
      const results = await race(racers, path);
      const errors = results.filter((r) => typeof r === 'string');
      const winners = results.filter((r) => r === true).length;
      outcomes.push(errors.length > 0 ? errors.join('; ') : `${winners} winner(s)`);
    }
    expect(outcomes.filter((outcome) => outcome !== '1 winner(s)')).toEqual([]);
  }, 20_000);

  it('leaves a lock held by a live process alone, and releasing it lets the next one in', async () => {
    const path = join(await tempDir(), 'brief.lock');
    const release = await tryLock(path);
    expect(release).toBeDefined();
    expect(await tryLock(path)).toBeUndefined();
    await release?.();
    const next = await tryLock(path);
    expect(next).toBeDefined();
    await next?.();
  });

  it('takes over a lock older than its stale age even when its pid is alive', async () => {
    const path = join(await tempDir(), 'brief.lock');
    const old = { pid: process.pid, acquiredAt: new Date(Date.now() - 3 * 3600_000).toISOString() };
    await writeFile(path, JSON.stringify(old));
    const release = await tryLock(path);
    expect(release).toBeDefined();
    await release?.();
  });
});
