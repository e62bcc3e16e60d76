import { extname, resolve } from 'node:path';
import { loadBrief } from '../../brief/index.js';
import {
  describeSchedule,
  dueSlots,
  nextRun,
  type ActiveClaim,
  type BriefRunRecord,
  type RunHistoryEntry,
  type ScheduleStore,
} from '../../schedule/index.js';
import { BriefError } from '../../shared/errors.js';
import { loadTaxonomy } from '../../analysis/index.js';
import { listTemplates } from '../../render/index.js';
import { expandBriefPaths, loadBriefs } from '../briefInputs.js';
import type { CliContext, Command } from '../context.js';
import { parseFlags } from '../parseFlags.js';
import { formatError } from '../printError.js';
import { checkState, openScheduleStore, parseNow, scheduledOnly } from '../scheduledBriefs.js';

const USAGE =
  'brief schedule [BRIEFS...] [--json] [--now ISO] [--out DIR] [--store URL] [--reset BRIEF]';

export const scheduleCommand: Command = {
  name: 'schedule',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseFlags(
      args,
      {
        json: { type: 'boolean', default: false },
        now: { type: 'string' },
        out: { type: 'string', default: 'output' },
        store: { type: 'string' },
        reset: { type: 'string' },
      },
      USAGE,
    );
    const outDir = resolve(context.cwd, values.out);
    const state = await openScheduleStore(outDir, values.store);
    try {
      if (values.reset !== undefined) return await reset(values.reset, state, context);
      return await list(positionals, values.now, values.json, state, context);
    } finally {
      await state.close();
    }
  },
};

/** Each scheduled brief: cron, last run (by whom, in how long), next run, due or being built now. */
async function list(
  positionals: string[],
  nowFlag: string | undefined,
  json: boolean,
  store: ScheduleStore,
  context: CliContext,
): Promise<number> {
  const now = parseNow(nowFlag, context)();
  const { briefs, errors } = await loadBriefs(
    await expandBriefPaths(positionals, context, 'briefs'),
    context,
  );
  // One broken brief must not hide the schedule of the others: report it, list the rest.
  for (const error of errors) context.stderr.write(formatError(error));
  const scheduled = scheduledOnly(briefs);
  await checkState(store, context, { repair: false, briefs: scheduled });
  const { state } = await store.inspect(context.now());
  const activity = await store.activity(scheduled.map((b) => b.id));
  const rows = scheduled.map((brief) => {
    const entry = state.briefs[brief.id];
    const lastRun = entry?.lastRun;
    const building = activity.claims.find((c) => c.id === brief.id);
    return {
      id: brief.id,
      file: brief.file,
      cron: brief.schedule.cron,
      description: describeSchedule(brief.schedule),
      timezone: brief.schedule.timezone,
      catchup: brief.schedule.catchup,
      onEmpty: brief.schedule.onEmpty,
      lastRun: lastRun ?? null,
      lastWorker: entry?.worker ?? null,
      lastDurationMs: entry?.durationMs ?? null,
      nextRun: nextRun(brief.schedule, now)?.toISOString() ?? null,
      due: dueSlots(brief.schedule, lastRun ? new Date(lastRun) : undefined, now).length > 0,
      building: building ?? null,
    };
  });
  const exitCode = errors.length > 0 ? 2 : 0;
  if (json) {
    const runs = activity.history;
    context.stdout.write(
      JSON.stringify({ now: now.toISOString(), briefs: rows, recentRuns: runs }, null, 2) + '\n',
    );
    return exitCode;
  }
  if (rows.length === 0) context.stdout.write('no brief declares a schedule\n');
  for (const row of rows) {
    context.stdout.write(
      [
        `${row.id}${row.due ? '  (due now)' : ''}`,
        `  schedule  ${row.cron}: ${row.description}`,
        `  last run  ${row.lastRun ?? 'never'}${builtBy(state.briefs[row.id])}`,
        `  next run  ${row.nextRun ?? 'never'}`,
        ...(row.building ? [`  building  ${describeClaim(row.building)}`] : []),
        '',
      ].join('\n'),
    );
  }
  if (activity.history.length > 0) {
    context.stdout.write(`recent runs (${store.location})\n`);
    for (const run of activity.history) context.stdout.write(`  ${describeRun(run)}\n`);
  }
  return exitCode;
}

function builtBy(entry: BriefRunRecord | undefined): string {
  if (entry?.worker === undefined) return '';
  const took = entry.durationMs === undefined ? '' : ` in ${seconds(entry.durationMs)}`;
  return `, built by ${entry.worker}${took}`;
}

function describeClaim(claim: ActiveClaim): string {
  const lease = claim.leaseUntil ? `, lease until ${claim.leaseUntil}` : '';
  return `now, by ${claim.worker} since ${claim.since}${lease}`;
}

function describeRun(run: RunHistoryEntry): string {
  const what =
    run.outcome === 'failed'
      ? `failed: ${run.error ?? ''}`
      : run.outcome === 'skipped'
        ? 'nothing to report, no PDF'
        : `built ${run.output ?? ''}`;
  return `${run.finishedAt}  ${run.id} ${run.asOf}  ${run.worker}  ${seconds(run.durationMs)}  ${what}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** `--reset weekly-overview` or `--reset briefs/weekly-overview.yaml`: forget its runs. */
async function reset(target: string, store: ScheduleStore, context: CliContext): Promise<number> {
  const id = await briefIdOf(target, context);
  await checkState(store, context, { repair: true });
  const existed = await store.reset(id);
  context.stdout.write(
    existed
      ? `${id}: schedule state cleared; its latest slot is due at the next brief run --due\n`
      : `${id}: no schedule state recorded, nothing to clear\n`,
  );
  return 0;
}

async function briefIdOf(target: string, context: CliContext): Promise<string> {
  if (['.yaml', '.yml'].includes(extname(target))) {
    const brief = await loadBrief(target, {
      taxonomy: await loadTaxonomy(),
      templates: await listTemplates(context.cwd),
      cwd: context.cwd,
    });
    return brief.id;
  }
  if (!/^[a-z0-9][a-z0-9-]*$/.test(target)) {
    throw new BriefError('USAGE', `--reset "${target}" is neither a brief id nor a brief file`, {
      hint: 'name the brief by its id (brief schedule lists them) or its .yaml file',
    });
  }
  return target;
}
