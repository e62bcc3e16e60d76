import { spawnSync } from 'node:child_process';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/shared/files.js';
import { useTempDirs } from '../helpers/tempDirs.js';

const tempDir = useTempDirs('briefgen-files-');

/** The pid of a process that has already exited: a writer killed with -9, say. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('writeFileAtomic', () => {
  it('writes the file and leaves no temporary file', async () => {
    const dir = await tempDir();
    await writeFileAtomic(join(dir, 'a.pdf'), 'content');
    expect(await readdir(dir)).toEqual(['a.pdf']);
    expect(await readFile(join(dir, 'a.pdf'), 'utf8')).toBe('content');
  });
  it('removes temporary files left by writers that have died, and keeps those of live ones', async () => {
    const dir = await tempDir();
    const dead = `.a-2026-11-22.pdf.${deadPid()}.0123456789ab.tmp`;
    const live = `.b-2026-11-22.pdf.${process.pid}.0123456789ab.tmp`;
    const legacy = '.c-2026-11-22.pdf.0123456789ab.tmp';
    const recentLegacy = '.d-2026-11-22.pdf.ba9876543210.tmp';
    for (const name of [dead, live, legacy, recentLegacy])
      await writeFile(join(dir, name), 'partial');
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await utimes(join(dir, legacy), twoHoursAgo, twoHoursAgo);

    await writeFileAtomic(join(dir, 'e.pdf'), 'content');

    expect((await readdir(dir)).sort()).toEqual([live, recentLegacy, 'e.pdf'].sort());
  });

  it("in a folder shared by several hosts, leaves another host's temporary file alone until it is an hour old", async () => {
    const dir = await tempDir();
    // Another host's writer: its pid is nobody here, alive or dead.
    const recent = `.a-2026-11-22.pdf.0badcafe-${deadPid()}.0123456789ab.tmp`;
    const old = `.b-2026-11-22.pdf.0badcafe-${deadPid()}.0123456789ab.tmp`;
    for (const name of [recent, old]) await writeFile(join(dir, name), 'partial');
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await utimes(join(dir, old), twoHoursAgo, twoHoursAgo);

    await writeFileAtomic(join(dir, 'c.pdf'), 'content');

    expect((await readdir(dir)).sort()).toEqual([recent, 'c.pdf'].sort());
  });
});
