import { readFile, rename, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { BriefError } from '../shared/errors.js';
import { writeFileAtomic } from '../shared/files.js';
import { parseIsoDateTime } from './isoTime.js';
import { lockHolder, waitForLock } from './lock.js';

/**
 * `<out>/.briefgen/schedule-state.json`: the last successful scheduled run of each brief.
 * Written atomically under a lock, so concurrent `run --due` processes never lose an update.
 */
export interface ScheduleState {
  version: 1;
  briefs: Record<string, BriefRunRecord>;
  /** Per brief, the slot whose failed build `delivery.on_failure` was told about (once a slot). */
  failureNotices?: Record<string, string>;
}

export interface BriefRunRecord {
  /** The scheduled slot that was built (ISO, UTC). */
  lastRun: string;
  /** Wall-clock time the build finished (ISO, UTC). */
  finishedAt: string;
  /** The PDF written, relative to the current folder; absent when on_empty skipped it. */
  output?: string;
  /** The slot's as-of date; who built it (host:pid), when the build started, how long it took. */
  asOf?: string;
  worker?: string;
  startedAt?: string;
  durationMs?: number;
  /** What was delivered of the slot's PDF, and what is still to go (retried without a rebuild). */
  delivery?: DeliveryRecord;
}

export interface DeliveryRecord {
  slot: string;
  asOf: string;
  /** The PDF, absolute, so a retry from another folder finds it. */
  pdf: string;
  /** Channel → when it was delivered (ISO). */
  delivered: Record<string, string>;
  /** Channels still to deliver. */
  pending: string[];
  /** Channel → why its last attempt failed. */
  errors?: Record<string, string>;
}

export interface StatePaths {
  dir: string;
  file: string;
  stateLock: string;
  briefLock(id: string): string;
}

/**
 * The state lock guards a read-modify-write of a few milliseconds, so one held this long is
 * stuck, and a writer that cannot get it within STATE_LOCK_WAIT_MS fails fast rather than hang.
 */
export const STATE_LOCK_STALE_MS = 60_000;
export const STATE_LOCK_WAIT_MS = 5_000;

export function statePaths(outDir: string): StatePaths {
  const dir = join(outDir, '.briefgen');
  return {
    dir,
    file: join(dir, 'schedule-state.json'),
    stateLock: join(dir, 'schedule-state.lock'),
    briefLock: (id) => join(dir, 'locks', `${id}.lock`),
  };
}

/** What the state file holds, with what cannot be trusted in it and why. */
export interface StateReading {
  /** The entries that can be used; damaged and future ones are left out. */
  state: ScheduleState;
  /** Why the whole file is unusable, when it is. */
  damaged?: string;
  /** Entries left out, with why. */
  ignored: { id: string; reason: string }[];
}

/**
 * Read the state without changing it. An entry whose last run is later than the wall clock
 * (left by a run with a future `--now`) is not trusted: it would hold the brief back until then.
 */
export async function inspectState(paths: StatePaths, wallClock: Date): Promise<StateReading> {
  const raw = await readRaw(paths);
  const state: ScheduleState = { version: 1, briefs: {} };
  if ('damaged' in raw) return { state, damaged: raw.damaged, ignored: [] };
  const notices = raw.state?.failureNotices;
  if (isRecord(notices)) state.failureNotices = notices as Record<string, string>;
  const ignored: StateReading['ignored'] = [];
  for (const [id, entry] of Object.entries(raw.state?.briefs ?? {})) {
    const reason = entryProblem(entry, wallClock);
    if (reason === undefined) state.briefs[id] = entry as BriefRunRecord;
    else ignored.push({ id, reason });
  }
  return { state, ignored };
}

export async function readState(paths: StatePaths, wallClock: Date): Promise<ScheduleState> {
  return (await inspectState(paths, wallClock)).state;
}

/** Set a damaged state file aside (under the lock); the backup's name when there was one. */
export async function repairState(paths: StatePaths): Promise<string | undefined> {
  return withStateLock(paths, async () => {
    const raw = await readRaw(paths);
    return 'damaged' in raw ? setAside(paths) : undefined;
  });
}

export async function recordRun(
  paths: StatePaths,
  id: string,
  record: BriefRunRecord,
): Promise<void> {
  await updateState(paths, (state) => {
    state.briefs[id] = record;
  });
}

/** Record what a slot's delivery achieved, if the brief's entry is still that slot's. */
export async function recordDelivery(
  paths: StatePaths,
  id: string,
  delivery: DeliveryRecord,
): Promise<void> {
  await updateState(paths, (state) => {
    const entry = state.briefs[id];
    if (entry?.lastRun === delivery.slot) entry.delivery = delivery;
  });
}

/** Remember that the failure of a slot's build was reported, so it is reported once. */
export async function recordFailureNotice(paths: StatePaths, id: string, slot: string) {
  await updateState(paths, (state) => {
    state.failureNotices = { ...state.failureNotices, [id]: slot };
  });
}

/** Forget a brief's runs, so its latest slot is due again. False when there was nothing. */
export async function resetBrief(paths: StatePaths, id: string): Promise<boolean> {
  let existed = false;
  await updateState(paths, (state) => {
    existed = Object.hasOwn(state.briefs, id);
    delete state.briefs[id];
    if (state.failureNotices) delete state.failureNotices[id];
  });
  return existed;
}

/** Change the state under its lock; other briefs' entries are kept as they are, even odd ones. */
async function updateState(paths: StatePaths, change: (state: ScheduleState) => void) {
  await withStateLock(paths, async () => {
    const raw = await readRaw(paths);
    if ('damaged' in raw) await setAside(paths);
    const state = ('state' in raw && raw.state) || { version: 1, briefs: {} };
    change(state);
    await writeFileAtomic(paths.file, JSON.stringify(state, null, 2) + '\n');
  });
}

async function withStateLock<T>(paths: StatePaths, work: () => Promise<T>): Promise<T> {
  const release = await waitForLock(paths.stateLock, STATE_LOCK_WAIT_MS, {
    staleMs: STATE_LOCK_STALE_MS,
  });
  if (!release) throw await stateLockedError(paths);
  try {
    return await work();
  } finally {
    await release();
  }
}

async function stateLockedError(paths: StatePaths): Promise<BriefError> {
  const holder = await lockHolder(paths.stateLock);
  const who = holder?.pid === undefined ? 'another process' : `process ${holder.pid}`;
  const since = holder?.acquiredAt === undefined ? '' : ` since ${holder.acquiredAt}`;
  return new BriefError('STATE_LOCKED', `the schedule state is locked by ${who}${since}`, {
    file: paths.stateLock,
    hint: `another brief run --due or brief daemon is updating it; it is taken over after ${STATE_LOCK_STALE_MS / 1000} s, or delete the lock file if no briefgen is running`,
  });
}

type RawState = { state?: ScheduleState } | { damaged: string };

async function readRaw(paths: StatePaths): Promise<RawState> {
  let text: string;
  try {
    text = await readFile(paths.file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return {};
    return { damaged: code === 'EISDIR' ? 'it is a folder' : `it cannot be read (${code})` };
  }
  if (text.trim() === '') return { damaged: 'it is empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { damaged: `it is not JSON (${(error as Error).message})` };
  }
  const candidate = parsed as Partial<ScheduleState> | null;
  if (candidate?.version !== 1 || !isRecord(candidate.briefs)) {
    return { damaged: 'it is not {"version": 1, "briefs": {...}}' };
  }
  return { state: candidate as ScheduleState };
}

/** Why a state entry cannot be trusted, or undefined when it can. */
export function entryProblem(entry: unknown, wallClock: Date): string | undefined {
  if (!isRecord(entry)) return 'its entry is not an object';
  const lastRun = entry.lastRun;
  const time = typeof lastRun === 'string' ? parseIsoDateTime(lastRun) : undefined;
  if (!(time instanceof Date)) return `lastRun ${JSON.stringify(lastRun)} is not a date and time`;
  if (time > wallClock) {
    return `last run ${lastRun} is later than the clock (${wallClock.toISOString()}), as left by a run with a future --now`;
  }
  return undefined;
}

async function setAside(paths: StatePaths): Promise<string> {
  const stamp = new Date().toISOString().replace(/[-:]|\.\d+/g, '');
  let backup = `${paths.file}.damaged-${stamp}`;
  for (let n = 2; await stat(backup).catch(() => undefined); n++) {
    backup = `${paths.file}.damaged-${stamp}-${n}`;
  }
  await rename(paths.file, backup);
  return basename(backup);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
