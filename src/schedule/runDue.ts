import { tryLock } from './lock.js';
import { asOfDate, dueSlots, type Schedule } from './schedule.js';
import { readState, recordRun, type StatePaths } from './stateFile.js';

export interface ScheduledBrief {
  id: string;
  schedule: Schedule;
}

export interface BuildRequest {
  /** The scheduled time: the brief's as-of date is its calendar date in the schedule's zone. */
  slot: Date;
  asOf: string;
  /** The previous successful run (for "since-last-run" windows). */
  since?: Date;
}

/** What building one slot produced: a PDF, or nothing because on_empty said skip. */
export type BuildOutcome = { output: string } | { skipped: string };

export interface RunDueOptions {
  paths: StatePaths;
  /** The scheduler's clock: which slots are due (`--now` replaces it). */
  now: () => Date;
  /** The real clock: a state entry later than it is not trusted. */
  wallClock: () => Date;
  build(brief: ScheduledBrief, request: BuildRequest): Promise<BuildOutcome>;
  log(line: string): void;
  /** Say what is due without building, locking or recording anything. */
  dryRun?: boolean;
}

export interface RunDueResult {
  built: { id: string; asOf: string; output?: string }[];
  failed: { id: string; asOf: string; error: unknown }[];
  busy: string[];
  /** With dryRun: the slots that would be built. */
  due: { id: string; asOf: string; slot: Date }[];
}

/**
 * Build every brief whose latest scheduled time since its last successful run has passed.
 * Each brief is built under its own lock and its state re-read inside the lock, so two
 * processes started together build it once. A failure stops that brief only and leaves its
 * state where it was, so the next call retries it.
 */
export async function runDue(
  briefs: readonly ScheduledBrief[],
  options: RunDueOptions,
): Promise<RunDueResult> {
  const result: RunDueResult = { built: [], failed: [], busy: [], due: [] };
  for (const brief of briefs) {
    const slots = slotsFor(brief, await lastRunOf(brief, options), options.now());
    if (slots.length === 0) continue;
    if (options.dryRun) {
      for (const slot of slots) {
        result.due.push({ id: brief.id, asOf: asOfDate(slot, brief.schedule.timezone), slot });
      }
      continue;
    }
    const release = await tryLock(options.paths.briefLock(brief.id));
    if (!release) {
      options.log(`${brief.id}: being built by another process, skipped`);
      result.busy.push(brief.id);
      continue;
    }
    try {
      await buildSlots(brief, options, result);
    } finally {
      await release();
    }
  }
  return result;
}

async function lastRunOf(brief: ScheduledBrief, options: RunDueOptions) {
  return (await readState(options.paths, options.wallClock())).briefs[brief.id]?.lastRun;
}

async function buildSlots(
  brief: ScheduledBrief,
  options: RunDueOptions,
  result: RunDueResult,
): Promise<void> {
  let lastRun = await lastRunOf(brief, options);
  for (const slot of slotsFor(brief, lastRun, options.now())) {
    const asOf = asOfDate(slot, brief.schedule.timezone);
    try {
      const outcome = await options.build(brief, {
        slot,
        asOf,
        ...(lastRun ? { since: new Date(lastRun) } : {}),
      });
      await recordRun(options.paths, brief.id, {
        lastRun: slot.toISOString(),
        finishedAt: options.wallClock().toISOString(),
        ...('output' in outcome ? { output: outcome.output } : {}),
      });
      lastRun = slot.toISOString();
      if ('output' in outcome) {
        options.log(`${brief.id}: built ${outcome.output} (scheduled ${slot.toISOString()})`);
        result.built.push({ id: brief.id, asOf, output: outcome.output });
      } else {
        options.log(`${brief.id}: nothing to report for ${asOf}, no PDF (${outcome.skipped})`);
        result.built.push({ id: brief.id, asOf });
      }
    } catch (error) {
      result.failed.push({ id: brief.id, asOf, error });
      return;
    }
  }
}

function slotsFor(brief: ScheduledBrief, lastRun: string | undefined, now: Date): Date[] {
  return dueSlots(brief.schedule, lastRun === undefined ? undefined : new Date(lastRun), now);
}
