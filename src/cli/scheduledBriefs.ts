import { readFile, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { BriefSpec } from '../brief/index.js';
import {
  channelsOf,
  deliverEdition,
  deliveryEnvironment,
  sendFailureNotice,
  type Channel,
} from '../deliver/index.js';
import type { BriefModel } from '../model/index.js';
import {
  DEFAULT_LEASE_SECONDS,
  FileScheduleStore,
  parseIsoDateTime,
  runDue,
  statePaths,
  type ScheduleStore,
  type BuildOutcome,
  type DeliveryOutcome,
  type DeliveryRecord,
  type RunDueResult,
  type ScheduledBrief,
  type StatePaths,
} from '../schedule/index.js';
import { BriefError } from '../shared/errors.js';
import { writeFileAtomic } from '../shared/files.js';
import { isDatabaseUrl } from '../store/index.js';
import type { CliContext } from './context.js';
import { teamDatabase } from './openStore.js';
import type { BriefPipeline } from './pipeline.js';
import { formatError } from './printError.js';

export type ScheduledSpec = BriefSpec & ScheduledBrief;

export function scheduledOnly(briefs: readonly BriefSpec[]): ScheduledSpec[] {
  return briefs.filter((b): b is ScheduledSpec => b.schedule !== undefined);
}

/** `--now 2026-11-23T07:05:00Z`: a fixed clock for the whole run (tests, replays, backfills). */
export function parseNow(value: string | undefined, context: CliContext): () => Date {
  if (value === undefined) return context.now;
  const time = parseIsoDateTime(value);
  if (!(time instanceof Date)) {
    throw new BriefError('USAGE', `--now "${value}" ${time.problem}`, {
      hint: 'write a real date and time in ISO 8601 with a zone, e.g. --now 2026-11-23T07:05:00Z',
    });
  }
  return () => time;
}

/**
 * Where the schedule state lives: with a team database (--store postgres://…,
 * $BRIEFGEN_DATABASE_URL), in its tables, shared by every worker; otherwise in the state file
 * of the output folder. Claims there last BRIEFGEN_LEASE_SECONDS (default 120) unrenewed.
 */
export async function openScheduleStore(
  outDir: string,
  store: string | undefined,
  env: Record<string, string | undefined> = process.env,
): Promise<ScheduleStore> {
  const url = teamDatabase(store, env);
  if (url === undefined) return new FileScheduleStore(statePaths(outDir));
  const lease = leaseSeconds(env.BRIEFGEN_LEASE_SECONDS);
  const { PgScheduleStore } = await import('../schedule/pgScheduleStore.js');
  return PgScheduleStore.open(url, lease);
}

function leaseSeconds(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_LEASE_SECONDS;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 1) {
    throw new BriefError('USAGE', `BRIEFGEN_LEASE_SECONDS="${value}" is not a number of seconds`, {
      hint: `set it to 1 or more (default ${DEFAULT_LEASE_SECONDS}), or unset it`,
    });
  }
  return seconds;
}

/**
 * Say what in the state is not trusted. With `repair` (a run that writes state), first take
 * the state lock, which fails fast when it is stuck, before anything is built, and set a
 * damaged file aside; otherwise (listing, dry run) change nothing.
 */
export async function checkState(
  state: ScheduleStore,
  context: CliContext,
  options: { repair: boolean; briefs?: readonly ScheduledBrief[] },
): Promise<void> {
  const reading = await state.inspect(context.now());
  const backup = options.repair ? await state.repair().catch(relocate(context)) : undefined;
  const file = shown(state.location, context);
  const warn = (message: string) => context.stderr.write(`brief: warning: ${file}: ${message}\n`);
  if (reading.damaged !== undefined) {
    warn(
      backup === undefined
        ? `damaged (${reading.damaged}); ignored, and set aside by the next brief run --due`
        : `damaged (${reading.damaged}); set aside as ${backup} and started again, so every scheduled brief builds its latest slot`,
    );
  }
  // An entry of a brief not being run (deleted, or not named) is no concern of this call.
  const concerned = (id: string) => !options.briefs || options.briefs.some((b) => b.id === id);
  for (const { id, reason } of reading.ignored.filter((entry) => concerned(entry.id))) {
    warn(
      `${id}: ${reason}; ignored, so its latest slot is due (brief schedule --reset ${id} clears it)`,
    );
  }
}

/** Where a scheduled build writes its PDF (as BriefPipeline.render names it). */
export function plannedOutput(outDir: string, id: string, asOf: string, cwd: string): string {
  return relative(cwd, join(outDir, id, `${id}-${asOf}.pdf`));
}

/**
 * One `run --due` pass: build what is due through the shared pipeline. A brief whose themes
 * matched nothing and whose schedule says `on_empty: skip` gets no PDF.
 */
export function runDueBriefs(
  briefs: readonly ScheduledSpec[],
  options: {
    pipeline: BriefPipeline;
    state: ScheduleStore;
    outDir: string;
    now: () => Date;
    wallClock: () => Date;
    cwd: string;
    log: (line: string) => void;
    dryRun?: boolean;
    /** Where delivery settings and secrets come from (default: the process's environment). */
    env?: Record<string, string | undefined>;
  },
): Promise<RunDueResult> {
  const paths = statePaths(options.outDir);
  const environment = deliveryEnvironment(options.env ?? process.env);
  const specOf = (id: string) => {
    const spec = briefs.find((b) => b.id === id);
    if (!spec) throw new Error(`unknown brief ${id}`);
    return spec;
  };
  return runDue(briefs, {
    state: options.state,
    now: options.now,
    wallClock: options.wallClock,
    log: options.log,
    dryRun: options.dryRun ?? false,
    async build(brief, request): Promise<BuildOutcome> {
      const spec = specOf(brief.id);
      const model = await options.pipeline.model(spec, request.asOf, request.since?.toISOString());
      const empty = model.sections.every((s) => s.excerpts.length === 0);
      if (empty && spec.schedule.onEmpty === 'skip')
        return { skipped: 'no passage matched its themes' };
      const path = await options.pipeline.render(spec, model, options.outDir);
      const channels = channelsOf(spec.delivery);
      // A failed delivery is retried later from the PDF and this copy of its model, unrebuilt.
      if (channels.length > 0)
        await writeFileAtomic(editionFile(paths, spec.id, request.asOf), JSON.stringify(model));
      return {
        output: relative(options.cwd, path),
        ...(channels.length > 0 ? { delivery: { pdf: path, channels } } : {}),
      };
    },
    deliver: (brief, record) =>
      deliverRecord(specOf(brief.id), record, paths, environment, options.cwd),
    async notifyFailure(brief, request, error) {
      const spec = specOf(brief.id);
      const to = spec.delivery?.onFailure;
      if (to === undefined) return;
      await sendFailureNotice(
        to,
        {
          id: spec.id,
          title: spec.title,
          asOf: request.asOf,
          ...(spec.marking ? { marking: spec.marking } : {}),
          reason: formatError(error).trim(),
        },
        environment,
      );
    },
  });
}

function editionFile(paths: StatePaths, id: string, asOf: string): string {
  return join(paths.dir, 'editions', `${id}-${asOf}.json`);
}

/** Deliver a recorded slot's pending channels from its kept PDF and model. */
async function deliverRecord(
  spec: ScheduledSpec,
  record: DeliveryRecord,
  paths: StatePaths,
  environment: ReturnType<typeof deliveryEnvironment>,
  cwd: string,
): Promise<DeliveryOutcome> {
  const configured = channelsOf(spec.delivery);
  const dropped = record.pending.filter((c) => !configured.includes(c as Channel));
  const channels = configured.filter((c) => record.pending.includes(c));
  const gone = dropped.map((channel) => ({ channel, dropped: true }));
  const modelFile = editionFile(paths, spec.id, record.asOf);
  const kept = await Promise.all([stat(record.pdf), readFile(modelFile, 'utf8')]).catch(
    () => undefined,
  );
  if (kept === undefined) {
    const error = new BriefError(
      'DELIVERY_FAILED',
      `the PDF ${shownPath(record.pdf, cwd)} built for ${record.asOf} is gone, so it cannot be delivered`,
      {
        hint: `brief schedule --reset ${spec.id} builds the latest slot again`,
      },
    );
    return [...gone, ...channels.map((channel) => ({ channel, error }))];
  }
  const model = JSON.parse(kept[1]) as BriefModel;
  const edition = { model, pdf: record.pdf, shownPdf: shownPath(record.pdf, cwd) };
  const results = await deliverEdition(spec.delivery ?? {}, channels, edition, environment);
  if (results.every((r) => 'ok' in r)) await rm(modelFile, { force: true });
  return [
    ...gone,
    ...results.map((r) =>
      'ok' in r ? { channel: r.channel } : { channel: r.channel, error: r.error },
    ),
  ];
}

function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

/** Name the file of a state error as the user would, relative to the current folder. */
function relocate(context: CliContext) {
  return (error: unknown): never => {
    if (!(error instanceof BriefError) || error.file === undefined) throw error;
    throw new BriefError(error.code, error.message, {
      file: shown(error.file, context),
      ...(error.hint !== undefined ? { hint: error.hint } : {}),
      cause: error,
    });
  };
}

function shown(path: string, context: CliContext): string {
  if (isDatabaseUrl(path)) return path;
  const rel = relative(context.cwd, path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}
