import { join, relative } from 'node:path';
import type { BriefSpec } from '../brief/index.js';
import {
  inspectState,
  parseIsoDateTime,
  repairState,
  runDue,
  statePaths,
  type BuildOutcome,
  type RunDueResult,
  type ScheduledBrief,
  type StatePaths,
} from '../schedule/index.js';
import { BriefError } from '../shared/errors.js';
import type { CliContext } from './context.js';
import type { BriefPipeline } from './pipeline.js';

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
 * Say what in the state file is not trusted. With `repair` (a run that writes state), first
 * take the state lock, which fails fast when it is stuck, before anything is built, and set a
 * damaged file aside; otherwise (listing, dry run) change nothing.
 */
export async function checkState(
  outDir: string,
  context: CliContext,
  options: { repair: boolean; briefs?: readonly ScheduledBrief[] },
): Promise<StatePaths> {
  const paths = statePaths(outDir);
  const reading = await inspectState(paths, context.now());
  const backup = options.repair ? await repairState(paths).catch(relocate(context)) : undefined;
  const file = shown(paths.file, context);
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
  return paths;
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
    outDir: string;
    now: () => Date;
    wallClock: () => Date;
    cwd: string;
    log: (line: string) => void;
    dryRun?: boolean;
  },
): Promise<RunDueResult> {
  return runDue(briefs, {
    paths: statePaths(options.outDir),
    now: options.now,
    wallClock: options.wallClock,
    log: options.log,
    dryRun: options.dryRun ?? false,
    async build(brief, request): Promise<BuildOutcome> {
      const spec = briefs.find((b) => b.id === brief.id);
      if (!spec) throw new Error(`unknown brief ${brief.id}`);
      const model = await options.pipeline.model(spec, request.asOf, request.since?.toISOString());
      const empty = model.sections.every((s) => s.excerpts.length === 0);
      if (empty && spec.schedule.onEmpty === 'skip')
        return { skipped: 'no passage matched its themes' };
      const path = await options.pipeline.render(spec, model, options.outDir);
      return { output: relative(options.cwd, path) };
    },
  });
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
  const rel = relative(context.cwd, path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}
