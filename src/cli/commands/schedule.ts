import { resolve } from 'node:path';
import {
  describeSchedule,
  dueSlots,
  nextRun,
  readState,
  statePaths,
} from '../../schedule/index.js';
import { BriefErrors } from '../../shared/errors.js';
import { expandBriefPaths, loadBriefs } from '../briefInputs.js';
import type { Command } from '../context.js';
import { parseFlags } from '../parseFlags.js';
import { parseNow, scheduledOnly } from '../scheduledBriefs.js';

const USAGE = 'brief schedule [BRIEFS...] [--json] [--now ISO] [--out DIR]';

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
      },
      USAGE,
    );
    const now = parseNow(values.now, context)();
    const { briefs, errors } = await loadBriefs(
      await expandBriefPaths(positionals, context, 'briefs'),
      context,
    );
    if (errors.length > 0) throw BriefErrors.of(errors);
    const state = await readState(statePaths(resolve(context.cwd, values.out)));
    const rows = scheduledOnly(briefs).map((brief) => {
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
    if (values.json) {
      context.stdout.write(
        JSON.stringify({ now: now.toISOString(), briefs: rows }, null, 2) + '\n',
      );
      return 0;
    }
    if (rows.length === 0) {
      context.stdout.write('no brief declares a schedule\n');
      return 0;
    }
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
    return 0;
  },
};
