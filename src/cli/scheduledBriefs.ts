import { relative } from 'node:path';
import type { BriefSpec } from '../brief/index.js';
import {
  runDue,
  statePaths,
  type BuildOutcome,
  type RunDueResult,
  type ScheduledBrief,
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
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) || Number.isNaN(time)) {
    throw new BriefError('USAGE', `--now "${value}" is not a date and time`, {
      hint: 'write it in ISO 8601 with a zone, e.g. --now 2026-11-23T07:05:00Z',
    });
  }
  return () => new Date(time);
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
    cwd: string;
    log: (line: string) => void;
  },
): Promise<RunDueResult> {
  return runDue(briefs, {
    paths: statePaths(options.outDir),
    now: options.now,
    log: options.log,
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
