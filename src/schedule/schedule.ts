import { Cron } from 'croner';
import cronstrue from 'cronstrue';

/** A brief's schedule with its defaults applied. */
export interface Schedule {
  cron: string;
  timezone: string;
  /** latest: one run for any number of missed slots; all: one run per missed slot; none: skip missed slots. */
  catchup: 'latest' | 'all' | 'none';
  /** skip: no PDF when nothing matched; note: a short "no significant developments" brief. */
  onEmpty: 'skip' | 'note';
}

/** With catchup "none", a slot older than this is missed, not built. */
export const ON_TIME_MS = 60 * 60 * 1000;
/** With catchup "all", at most this many missed slots are built in one call. */
export const MAX_CATCHUP = 100;

function cronOf(schedule: Pick<Schedule, 'cron' | 'timezone'>): Cron {
  return new Cron(schedule.cron, { timezone: schedule.timezone, paused: true });
}

/** Why a cron expression or time zone is unusable, or undefined when both are fine. */
export function scheduleProblem(
  schedule: Pick<Schedule, 'cron' | 'timezone'>,
): { field: 'cron' | 'timezone'; message: string } | undefined {
  const fields = schedule.cron.trim().split(/\s+/).length;
  if (fields !== 5) {
    return {
      field: 'cron',
      message: `cron expression "${schedule.cron}" has ${fields} fields; it needs 5 (minute hour day-of-month month day-of-week)`,
    };
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: schedule.timezone });
  } catch {
    return { field: 'timezone', message: `unknown time zone "${schedule.timezone}"` };
  }
  try {
    if (cronOf(schedule).nextRun(new Date(0)) === null) {
      return { field: 'cron', message: `cron expression "${schedule.cron}" never fires` };
    }
  } catch (error) {
    return {
      field: 'cron',
      message: `invalid cron expression "${schedule.cron}": ${(error as Error).message.replace(/^CronPattern: /, '')}`,
    };
  }
  return undefined;
}

export function nextRun(schedule: Schedule, after: Date): Date | undefined {
  return cronOf(schedule).nextRun(after) ?? undefined;
}

/**
 * The scheduled times to build now: slots in (lastRun, now], thinned by the catch-up rule.
 * A brief that has never run builds only its latest slot, whatever the rule.
 */
export function dueSlots(schedule: Schedule, lastRun: Date | undefined, now: Date): Date[] {
  const cron = cronOf(schedule);
  const latest = cron.previousRuns(1, now)[0];
  if (latest === undefined || latest > now) return [];
  if (lastRun !== undefined && latest <= lastRun) return [];
  if (lastRun === undefined) return [latest];
  switch (schedule.catchup) {
    case 'latest':
      return [latest];
    case 'none':
      return now.getTime() - latest.getTime() <= ON_TIME_MS ? [latest] : [];
    case 'all': {
      const slots: Date[] = [];
      let slot = cron.nextRun(lastRun);
      while (slot && slot <= now && slots.length < MAX_CATCHUP) {
        slots.push(slot);
        slot = cron.nextRun(slot);
      }
      return slots;
    }
  }
}

/** The brief's as-of date for a slot: the calendar date in the schedule's time zone. */
export function asOfDate(slot: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(slot);
  return parts; // en-CA formats as YYYY-MM-DD
}

/** "At 07:00 AM, only on Monday (Europe/London)" */
export function describeSchedule(schedule: Schedule): string {
  try {
    return `${cronstrue.toString(schedule.cron, { use24HourTimeFormat: true })} (${schedule.timezone})`;
  } catch {
    return `${schedule.cron} (${schedule.timezone})`;
  }
}
