import { isUtf8 } from 'node:buffer';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { BriefError } from './errors.js';

/**
 * Write a file so that readers only ever see the old content or the complete new content:
 * write a temporary sibling, flush it to disk, then rename over the target (atomic on POSIX).
 * The temporary name carries the writer's host and pid, so a later write on the same host can
 * tell the leftovers of a killed process (`kill -9` mid-write) from a write in progress, and
 * removes them; in a folder shared by several hosts (team mode), another host's pid means
 * nothing here, so its leftovers are removed only once they are an hour old.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  await removeStaleTempFiles(dir);
  const temp = join(
    dir,
    `.${basename(path)}.${HOST}-${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** This host, as temporary names carry it (a hash: host names hold dots). */
const HOST = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
const HOST_TEMP_FILE = /^\..+\.([0-9a-f]{8})-(\d+)\.[0-9a-f]{12}\.tmp$/;
/** Temporary files from before they carried the host: judged as this host's. */
const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;
/** Temporary files from before they carried a pid: no writer takes an hour over one PDF. */
const LEGACY_TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;
const LEGACY_TEMP_MAX_AGE_MS = 3_600_000;

/** Remove the temporary files that writers which have died left in `dir`; never fails. */
export async function removeStaleTempFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const [, host, hostPid] = HOST_TEMP_FILE.exec(name) ?? [];
    const pid =
      host === undefined ? TEMP_FILE.exec(name)?.[1] : host === HOST ? hostPid : undefined;
    const stale =
      pid !== undefined
        ? !isAlive(Number(pid))
        : (host !== undefined || LEGACY_TEMP_FILE.test(name)) &&
          (await isOlderThan(join(dir, name), LEGACY_TEMP_MAX_AGE_MS));
    if (!stale) continue;
    await rm(join(dir, name), { force: true }).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

async function isOlderThan(path: string, ms: number): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs > ms;
}

/** Whether `path` is strictly inside the folder `root` (both already resolved). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !isAbsolute(rel) && rel.split(sep)[0] !== '..';
}

/** A brief, a template or a theme file is a few kilobytes of YAML; anything this big is a mistake. */
export const MAX_INPUT_BYTES = 1024 * 1024;

/**
 * Read a small UTF-8 text file that a user wrote. At most `limit` bytes are read, so a huge file
 * (or a device) fails at once; bytes that are not UTF-8 are an error at their line and column,
 * never mojibake. `file` is how messages name the file.
 */
export async function readUserTextFile(
  path: string,
  file: string,
  limit = MAX_INPUT_BYTES,
): Promise<string> {
  const bytes = await readAtMost(path, limit + 1);
  if (bytes.length > limit) {
    const size = (await stat(path).catch(() => undefined))?.size ?? bytes.length;
    throw new BriefError(
      'FILE_TOO_LARGE',
      `the file is ${describeSize(Math.max(size, bytes.length))}; a brief, template or theme file may be at most ${describeSize(limit)}`,
      {
        file,
        hint: 'a brief or template file is a few lines of YAML; check that this is the file you meant',
      },
    );
  }
  if (!isUtf8(bytes)) throw notUtf8(bytes, file);
  return bytes.toString('utf8');
}

async function readAtMost(path: string, limit: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(limit, 64 * 1024));
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < limit) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, limit - total));
      if (bytesRead === 0) break;
      chunks.push(Buffer.from(buffer.subarray(0, bytesRead)));
      total += bytesRead;
    }
    return Buffer.concat(chunks);
  } finally {
    await handle.close();
  }
}

/** The first byte that is not UTF-8, located by line and column (in characters). */
function notUtf8(bytes: Buffer, file: string): BriefError {
  const text = bytes.toString('utf8');
  let at = 0;
  let offset = 0;
  // A U+FFFD in the decoded text is either a genuine one (EF BF BD) or a replaced bad byte.
  for (let from = 0; ; from = at + 1) {
    at = text.indexOf('\uFFFD', from);
    if (at === -1) break;
    offset = Buffer.byteLength(text.slice(0, at));
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd))
      break;
  }
  const before = text.slice(0, Math.max(at, 0));
  const line = before.split('\n').length;
  // Columns count characters as an editor shows them, so an emoji before the byte is one.
  const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
  const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return new BriefError('FILE_NOT_UTF8', `the file is not UTF-8 text (byte 0x${byte})`, {
    file,
    line,
    column,
    hint: 'save the file with the UTF-8 encoding (e.g. iconv -f latin1 -t utf-8)',
  });
}

function describeSize(bytes: number): string {
  const unit = (n: number, name: string) => `${Number.isInteger(n) ? n : n.toFixed(1)} ${name}`;
  if (bytes >= 1024 * 1024) return unit(bytes / (1024 * 1024), 'MB');
  if (bytes >= 1024) return unit(Math.round(bytes / 1024), 'KB');
  return `${bytes} bytes`;
}
