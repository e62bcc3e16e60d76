import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A brief lock older than this is taken over even if its process seems alive (a hung or recycled pid). */
export const STALE_LOCK_MS = 2 * 60 * 60 * 1000;
/** A lock file that cannot be read (a crash while it was written) is stale after this long. */
const UNREADABLE_STALE_MS = 10_000;
/** A take-over marker left by a process that crashed mid-take-over is cleared after this long. */
const MARKER_STALE_MS = 60_000;

interface LockContent {
  pid: number;
  /** Unique per acquisition, so a take-over can tell "the stale lock I judged" from a new one. */
  token?: string;
  acquiredAt: string;
}

/** Who holds a lock, as far as its file says. */
export interface LockHolder {
  pid?: number;
  acquiredAt?: string;
}

export interface LockOptions {
  /** Age (by the wall clock) after which a lock is taken over even if its pid is alive. */
  staleMs?: number;
}

export type ReleaseLock = () => Promise<void>;

/**
 * Take an exclusive lock file, or return undefined when another live process holds it.
 * A lock left by a process that died, or older than `staleMs` by the wall clock (never a
 * `--now` clock: a replay must not take a live run's lock), is taken over so a crash cannot
 * block a brief forever. Take-over is atomic: see takeOver.
 */
export async function tryLock(
  path: string,
  options: LockOptions = {},
): Promise<ReleaseLock | undefined> {
  const staleMs = options.staleMs ?? STALE_LOCK_MS;
  await mkdir(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    const token = randomBytes(12).toString('hex');
    if (await create(path, token)) return () => releaseIfMine(path, token);
    const seen = await readLock(path);
    if (seen === 'gone') continue;
    if (!isStale(seen, staleMs)) return undefined;
    if (!(await takeOver(path, seen.identity))) return undefined;
  }
  return undefined;
}

/** Who holds the lock at `path`, or undefined when nobody does. */
export async function lockHolder(path: string): Promise<LockHolder | undefined> {
  const seen = await readLock(path);
  if (seen === 'gone') return undefined;
  return seen.content ? { pid: seen.content.pid, acquiredAt: seen.content.acquiredAt } : {};
}

/** Poll for a lock for at most `waitMs`; undefined when it stayed held by a live process. */
export async function waitForLock(
  path: string,
  waitMs: number,
  options: LockOptions = {},
): Promise<ReleaseLock | undefined> {
  const started = Date.now();
  for (;;) {
    const release = await tryLock(path, options);
    if (release || Date.now() - started >= waitMs) return release;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function create(path: string, token: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    const content: LockContent = { pid: process.pid, token, acquiredAt: new Date().toISOString() };
    await handle.writeFile(JSON.stringify(content));
  } finally {
    await handle.close();
  }
  return true;
}

interface SeenLock {
  /** The token, or for an unreadable file its inode and mtime: what makes this lock this one. */
  identity: string;
  content?: LockContent;
  mtimeMs: number;
}

async function readLock(path: string): Promise<SeenLock | 'gone'> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) return 'gone';
  const content = await readFile(path, 'utf8')
    .then((text) => JSON.parse(text) as Partial<LockContent>)
    .catch(() => undefined);
  // A lock written by an older briefgen has no token: its inode and mtime identify it instead.
  const identity =
    typeof content?.token === 'string' ? content.token : `inode-${info.ino}-${info.mtimeMs}`;
  if (typeof content?.pid === 'number') {
    return { identity, content: content as LockContent, mtimeMs: info.mtimeMs };
  }
  return { identity, mtimeMs: info.mtimeMs };
}

function isStale(seen: SeenLock, staleMs: number): boolean {
  const now = Date.now();
  if (!seen.content) return now - seen.mtimeMs > UNREADABLE_STALE_MS;
  const acquired = Date.parse(seen.content.acquiredAt);
  if (Number.isNaN(acquired) || now - acquired > staleMs) return true;
  return !isAlive(seen.content.pid);
}

/**
 * Remove the stale lock `identity` so that exactly one contender can then create a new one.
 * Removing by name is not enough: two processes that both judged the same lock stale would
 * each remove it, the second removing the first one's fresh lock. So the right to remove a
 * given stale lock is itself taken exclusively (a marker file named after it), the lock is
 * re-read under the marker, and it is moved aside (not deleted) and checked again, so a lock
 * that changed hands meanwhile is put back rather than lost. True when the caller may retry.
 */
async function takeOver(path: string, identity: string): Promise<boolean> {
  const marker = `${path}.takeover-${identity}`;
  if (!(await create(marker, identity))) {
    await clearAbandonedMarker(marker);
    return false;
  }
  try {
    const now = await readLock(path);
    if (now === 'gone') return true;
    if (now.identity !== identity) return false;
    const aside = `${path}.stale-${randomBytes(6).toString('hex')}`;
    try {
      await rename(path, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
      throw error;
    }
    const moved = await readLock(aside);
    if (moved !== 'gone' && moved.identity !== identity) {
      // Someone else's live lock: put it back (link fails if a third process got in first).
      await link(aside, path).catch(() => undefined);
      await rm(aside, { force: true });
      return false;
    }
    await rm(aside, { force: true });
    return true;
  } finally {
    await rm(marker, { force: true });
  }
}

async function clearAbandonedMarker(marker: string): Promise<void> {
  const info = await stat(marker).catch(() => undefined);
  if (info && Date.now() - info.mtimeMs > MARKER_STALE_MS) await rm(marker, { force: true });
}

/** Release only a lock that is still ours: one taken over meanwhile belongs to its new holder. */
async function releaseIfMine(path: string, token: string): Promise<void> {
  const seen = await readLock(path);
  if (seen !== 'gone' && seen.identity === token) await rm(path, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
