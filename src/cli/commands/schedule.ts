import { extname, resolve } from 'node:path';
import { loadBrief } from '../../brief/index.js';
import {
  describeSchedule,
  dueSlots,
  nextRun,
  readState,
  resetBrief,
} from '../../schedule/index.js';
import { BriefError } from '../../shared/errors.js';
import { loadTaxonomy } from '../../analysis/index.js';
import { listTemplates } from '../../render/index.js';
import { expandBriefPaths, loadBriefs } from '../briefInputs.js';
import type { CliContext, Command } from '../context.js';
import { parseFlags } from '../parseFlags.js';
import { formatError } from '../printError.js';
import { checkState, parseNow, scheduledOnly } from '../scheduledBriefs.js';

const USAGE = 'brief schedule [BRIEFS...] [--json] [--now ISO] [--out DIR] [--reset BRIEF]';

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
        reset: { type: 'string' },
      },
      USAGE,
    );
    const outDir = resolve(context.cwd, values.out);
    if (values.reset !== undefined) return reset(values.reset, outDir, context);
    const now = parseNow(values.now, context)();
    const { briefs, errors } = await loadBriefs(
      await expandBriefPaths(positionals, context, 'briefs'),
      context,
    );
    // One broken brief must not hide the schedule of the others: report it, list the rest.
    for (const error of errors) context.stderr.write(formatError(error));
    const scheduled = scheduledOnly(briefs);
    const paths = await checkState(outDir, context, { repair: false, briefs: scheduled });
    const state = await readState(paths, context.now());
    const rows = scheduled.map((brief) => {
      const lastRun = state.briefs[brief.id]?.lastRun;
      return {
        id: brief.id,
        file: brief.file,
        cron: brief.schedule.cron,
        description: describeSchedule(brief.schedule),
        timezone: brief.schedule.timezone,
        catchup: brief.schedule.catchup,
        onEmpty: brief.schedule.onEmpty,
        lastRun: lastRun ?? null,
        nextRun: nextRun(brief.schedule, now)?.toISOString() ?? null,
        due: dueSlots(brief.schedule, lastRun ? new Date(lastRun) : undefined, now).length > 0,
      };
    });
    const exitCode = errors.length > 0 ? 2 : 0;
    if (values.json) {
      context.stdout.write(
        JSON.stringify({ now: now.toISOString(), briefs: rows }, null, 2) + '\n',
      );
      return exitCode;
    }
    if (rows.length === 0) context.stdout.write('no brief declares a schedule\n');
    for (const row of rows) {
      context.stdout.write(
        [
          `${row.id}${row.due ? '  (due now)' : ''}`,
          `  schedule  ${row.cron}: ${row.description}`,
          `  last run  ${row.lastRun ?? 'never'}`,
          `  next run  ${row.nextRun ?? 'never'}`,
          '',
        ].join('\n'),
      );
    }
    return exitCode;
  },
};

/** `--reset weekly-overview` or `--reset briefs/weekly-overview.yaml`: forget its runs. */
async function reset(target: string, outDir: string, context: CliContext): Promise<number> {
  const id = await briefIdOf(target, context);
  const paths = await checkState(outDir, context, { repair: true });
  const existed = await resetBrief(paths, id);
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
