import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../shared/files.js';
import { withLock } from './lock.js';

/**
 * `<out>/.briefgen/schedule-state.json`: the last successful scheduled run of each brief.
 * Written atomically under a lock, so concurrent `run --due` processes never lose an update.
 */
export interface ScheduleState {
  version: 1;
  briefs: Record<string, BriefRunRecord>;
}

export interface BriefRunRecord {
  /** The scheduled slot that was built (ISO, UTC). */
  lastRun: string;
  /** Wall-clock time the build finished (ISO, UTC). */
  finishedAt: string;
  /** The PDF written, relative to the current folder; absent when on_empty skipped it. */
  output?: string;
}

export interface StatePaths {
  dir: string;
  file: string;
  stateLock: string;
  briefLock(id: string): string;
}

export function statePaths(outDir: string): StatePaths {
  const dir = join(outDir, '.briefgen');
  return {
    dir,
    file: join(dir, 'schedule-state.json'),
    stateLock: join(dir, 'schedule-state.lock'),
    briefLock: (id) => join(dir, 'locks', `${id}.lock`),
  };
}

export async function readState(paths: StatePaths): Promise<ScheduleState> {
  try {
    const parsed = JSON.parse(await readFile(paths.file, 'utf8')) as ScheduleState;
    if (parsed.version === 1 && typeof parsed.briefs === 'object') return parsed;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return { version: 1, briefs: {} };
}

export async function recordRun(
  paths: StatePaths,
  id: string,
  record: BriefRunRecord,
  now: () => Date,
): Promise<void> {
  await withLock(paths.stateLock, now, async () => {
    const state = await readState(paths);
    state.briefs[id] = record;
    await writeFileAtomic(paths.file, JSON.stringify(state, null, 2) + '\n');
  });
}
