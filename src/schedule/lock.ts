import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A lock older than this is taken over even if its process seems alive (a hung or recycled pid). */
export const STALE_LOCK_MS = 2 * 60 * 60 * 1000;

interface LockContent {
  pid: number;
  acquiredAt: string;
}

/**
 * Take an exclusive lock file, or return undefined when another live process holds it.
 * A lock left by a process that died (its pid is gone) or that is older than STALE_LOCK_MS is
 * removed and taken, so a crash cannot block a brief forever.
 */
export async function tryLock(path: string, now: Date): Promise<(() => Promise<void>) | undefined> {
  await mkdir(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      const content: LockContent = { pid: process.pid, acquiredAt: now.toISOString() };
      await handle.writeFile(JSON.stringify(content));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!(await isStale(path, now))) return undefined;
      await rm(path, { force: true });
    }
  }
  return undefined;
}

/** Wait for a lock (polling), for short critical sections such as a state file update. */
export async function withLock<T>(
  path: string,
  now: () => Date,
  work: () => Promise<T>,
  timeoutMs = 30_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const release = await tryLock(path, now());
    if (release) {
      try {
        return await work();
      } finally {
        await release();
      }
    }
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for the lock ${path}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function isStale(path: string, now: Date): Promise<boolean> {
  let content: LockContent;
  try {
    content = JSON.parse(await readFile(path, 'utf8')) as LockContent;
  } catch {
    // Being written this instant, or left half-written by a crash: judge by its age.
    const info = await stat(path).catch(() => undefined);
    return info === undefined || now.getTime() - info.mtimeMs > 10_000;
  }
  if (now.getTime() - Date.parse(content.acquiredAt) > STALE_LOCK_MS) return true;
  return !isAlive(content.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
