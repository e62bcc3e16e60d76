import { BriefError } from '../shared/errors.js';
import { asOfDate, dueSlots, type Schedule } from './schedule.js';
import { workerId, type Claim, type ScheduleStore } from './scheduleStore.js';
import type { DeliveryRecord } from './stateFile.js';

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

/**
 * What building one slot produced: a PDF (with the channels it is to be delivered on, and the
 * absolute path they read it from), or nothing because on_empty said skip.
 */
export type BuildOutcome =
  { output: string; delivery?: { pdf: string; channels: string[] } } | { skipped: string };

/**
 * How each channel of a delivery went: an error for those that failed; `dropped` for one the
 * brief no longer has, which is forgotten rather than holding the brief back.
 */
export type DeliveryOutcome = { channel: string; error?: unknown; dropped?: boolean }[];

export interface RunDueOptions {
  /** Where the state is kept and how workers agree who builds what. */
  state: ScheduleStore;
  /** The scheduler's clock: which slots are due (`--now` replaces it). */
  now: () => Date;
  /** The real clock: a state entry later than it is not trusted. */
  wallClock: () => Date;
  build(brief: ScheduledBrief, request: BuildRequest): Promise<BuildOutcome>;
  log(line: string): void;
  /** Deliver a built slot's PDF on the record's pending channels. */
  deliver?(brief: ScheduledBrief, record: DeliveryRecord): Promise<DeliveryOutcome>;
  /** Tell someone that a slot failed to build (called once per slot). */
  notifyFailure?(brief: ScheduledBrief, request: BuildRequest, error: unknown): Promise<void>;
  /** Say what is due without building, locking or recording anything. */
  dryRun?: boolean;
}

export interface RunDueResult {
  built: { id: string; asOf: string; output?: string }[];
  failed: { id: string; asOf: string; error: unknown }[];
  busy: string[];
  delivered: { id: string; asOf: string; channel: string }[];
  /** Deliveries that failed; the slot is built and recorded, and the next call retries these. */
  undelivered: { id: string; asOf: string; channel: string; error: unknown }[];
  /** Failure notices that could not be sent. */
  unnotified: { id: string; asOf: string; error: unknown }[];
  /** With dryRun: the built slots whose delivery failed, which would be delivered again. */
  pending: { id: string; asOf: string; channels: string[] }[];
  /** With dryRun: the slots that would be built. */
  due: { id: string; asOf: string; slot: Date }[];
}

/**
 * Build every brief whose latest scheduled time since its last successful run has passed.
 * Each brief is built under its claim (a lock file, or a leased claim in PostgreSQL) and its
 * state re-read inside it, so any number of workers started together build it once. A failure
 * stops that brief only and leaves its state where it was, so the next call retries it; a
 * state store that cannot be reached stops the run (one error, and the next run resumes).
 */
export async function runDue(
  briefs: readonly ScheduledBrief[],
  options: RunDueOptions,
): Promise<RunDueResult> {
  const result: RunDueResult = {
    built: [],
    failed: [],
    busy: [],
    delivered: [],
    undelivered: [],
    unnotified: [],
    pending: [],
    due: [],
  };
  for (const brief of briefs) {
    const entry = await entryOf(brief, options);
    const slots = slotsFor(brief, entry?.lastRun, options.now());
    const pending = pendingOf(entry?.delivery);
    if (slots.length === 0 && pending.length === 0) continue;
    if (options.dryRun) {
      if (entry?.delivery && pending.length > 0)
        result.pending.push({ id: brief.id, asOf: entry.delivery.asOf, channels: pending });
      for (const slot of slots) {
        result.due.push({ id: brief.id, asOf: asOfDate(slot, brief.schedule.timezone), slot });
      }
      continue;
    }
    const claim = await options.state.claim(brief.id);
    if (!claim) {
      options.log(`${brief.id}: being built by another process, skipped`);
      result.busy.push(brief.id);
      continue;
    }
    try {
      await retryDelivery(brief, options, result);
      await buildSlots(brief, options, result, claim);
    } finally {
      // After a lost connection the release fails too; the claim then ends with its session.
      await claim.release().catch(() => undefined);
    }
  }
  return result;
}

async function entryOf(brief: ScheduledBrief, options: RunDueOptions) {
  return (await options.state.inspect(options.wallClock())).state.briefs[brief.id];
}

async function lastRunOf(brief: ScheduledBrief, options: RunDueOptions) {
  return (await entryOf(brief, options))?.lastRun;
}

function pendingOf(record: DeliveryRecord | undefined): string[] {
  return Array.isArray(record?.pending) ? record.pending : [];
}

/**
 * A slot built earlier whose delivery failed is delivered now, from the PDF it kept. A newer
 * slot due is built whatever happens here: one broken channel must not keep the brief from
 * its other readers.
 */
async function retryDelivery(
  brief: ScheduledBrief,
  options: RunDueOptions,
  result: RunDueResult,
): Promise<void> {
  const record = (await entryOf(brief, options))?.delivery;
  if (record && pendingOf(record).length > 0) await deliverSlot(brief, record, options, result);
}

/** Building a newer slot replaces the record of an older one still undelivered: say so. */
async function giveUpOlderDelivery(brief: ScheduledBrief, options: RunDueOptions) {
  const older = (await entryOf(brief, options))?.delivery;
  const channels = pendingOf(older);
  if (older === undefined || channels.length === 0) return;
  options.log(
    `${brief.id}: ${channels.join(', ')} delivery of ${older.asOf} given up: a newer slot is built`,
  );
}

async function deliverSlot(
  brief: ScheduledBrief,
  record: DeliveryRecord,
  options: RunDueOptions,
  result: RunDueResult,
): Promise<void> {
  if (!options.deliver) return;
  const outcome = await options.deliver(brief, record);
  const when = options.wallClock().toISOString();
  const next: DeliveryRecord = { ...record, delivered: { ...record.delivered }, pending: [] };
  const errors: Record<string, string> = {};
  for (const { channel, error, dropped } of outcome) {
    if (dropped) {
      options.log(
        `${brief.id}: ${channel} delivery of ${record.asOf} dropped: the brief no longer has it`,
      );
    } else if (error === undefined) {
      next.delivered[channel] = when;
      result.delivered.push({ id: brief.id, asOf: record.asOf, channel });
      options.log(`${brief.id}: delivered ${record.asOf} by ${channel}`);
    } else {
      next.pending.push(channel);
      errors[channel] = error instanceof Error ? error.message : String(error);
      result.undelivered.push({ id: brief.id, asOf: record.asOf, channel, error });
    }
  }
  if (next.pending.length > 0) next.errors = errors;
  else delete next.errors;
  await options.state.recordDelivery(brief.id, next);
}

/** Tell the brief's failure address once per slot; a notice that cannot be sent is reported. */
async function notifyOnce(
  brief: ScheduledBrief,
  request: BuildRequest,
  error: unknown,
  options: RunDueOptions,
  result: RunDueResult,
): Promise<void> {
  if (!options.notifyFailure) return;
  const slot = request.slot.toISOString();
  const { state } = await options.state.inspect(options.wallClock());
  if (state.failureNotices?.[brief.id] === slot) return;
  try {
    await options.notifyFailure(brief, request, error);
    await options.state.recordFailureNotice(brief.id, slot);
  } catch (noticeError) {
    result.unnotified.push({ id: brief.id, asOf: request.asOf, error: noticeError });
  }
}

async function buildSlots(
  brief: ScheduledBrief,
  options: RunDueOptions,
  result: RunDueResult,
  claim: Claim,
): Promise<void> {
  let lastRun = await lastRunOf(brief, options);
  const worker = workerId();
  for (const slot of slotsFor(brief, lastRun, options.now())) {
    const asOf = asOfDate(slot, brief.schedule.timezone);
    const request = { slot, asOf, ...(lastRun ? { since: new Date(lastRun) } : {}) };
    let delivery: DeliveryRecord | undefined;
    const started = options.wallClock();
    try {
      const outcome = await options.build(brief, request);
      if ('output' in outcome && outcome.delivery && outcome.delivery.channels.length > 0) {
        const { pdf, channels } = outcome.delivery;
        delivery = { slot: slot.toISOString(), asOf, pdf, delivered: {}, pending: channels };
      }
      await giveUpOlderDelivery(brief, options);
      const finished = options.wallClock();
      await options.state.recordRun(
        brief.id,
        {
          lastRun: slot.toISOString(),
          finishedAt: finished.toISOString(),
          ...('output' in outcome ? { output: outcome.output } : {}),
          asOf,
          worker,
          startedAt: started.toISOString(),
          durationMs: finished.getTime() - started.getTime(),
          ...(delivery ? { delivery } : {}),
        },
        claim,
      );
      lastRun = slot.toISOString();
      if ('output' in outcome) {
        options.log(`${brief.id}: built ${outcome.output} (scheduled ${slot.toISOString()})`);
        result.built.push({ id: brief.id, asOf, output: outcome.output });
      } else {
        options.log(`${brief.id}: nothing to report for ${asOf}, no PDF (${outcome.skipped})`);
        result.built.push({ id: brief.id, asOf });
      }
    } catch (error) {
      if (isFatal(error)) throw error;
      result.failed.push({ id: brief.id, asOf, error });
      if (error instanceof BriefError && error.code === 'CLAIM_LOST') return;
      await options.state.recordFailure(brief.id, {
        slot: slot.toISOString(),
        asOf,
        worker,
        startedAt: started.toISOString(),
        finishedAt: options.wallClock().toISOString(),
        error: error instanceof Error ? error.message : String(error),
      });
      await notifyOnce(brief, request, error, options, result);
      return;
    }
    if (delivery) await deliverSlot(brief, delivery, options, result);
  }
}

function slotsFor(brief: ScheduledBrief, lastRun: string | undefined, now: Date): Date[] {
  return dueSlots(brief.schedule, lastRun === undefined ? undefined : new Date(lastRun), now);
}

/** The state store is out of reach: every other brief would fail the same way, so stop here. */
function isFatal(error: unknown): boolean {
  return error instanceof BriefError && error.code === 'STORE_UNAVAILABLE';
}
