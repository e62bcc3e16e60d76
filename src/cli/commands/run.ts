import { resolve } from 'node:path';
import type { RunDueResult } from '../../schedule/index.js';
import { BriefError } from '../../shared/errors.js';
import { expandBriefPaths, loadBriefs } from '../briefInputs.js';
import type { CliContext, Command } from '../context.js';
import { parseFlags } from '../parseFlags.js';
import { checkOutputFolder } from '../outputPath.js';
import { BriefPipeline, outputHistory } from '../pipeline.js';
import { formatError } from '../printError.js';
import { createReporter } from '../reporter.js';
import {
  checkState,
  openScheduleStore,
  parseNow,
  plannedOutput,
  runDueBriefs,
  scheduledOnly,
  type ScheduledSpec,
} from '../scheduledBriefs.js';

const USAGE =
  'brief run --due [BRIEFS...] [--now ISO] [--dry-run] [--out DIR] [--corpus DIR] [--store FILE] [--quiet]';

export const runCommand: Command = {
  name: 'run',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseFlags(
      args,
      {
        due: { type: 'boolean', default: false },
        now: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        out: { type: 'string', default: 'output' },
        corpus: { type: 'string' },
        store: { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
      },
      USAGE,
    );
    if (!values.due) {
      throw new BriefError('USAGE', '`brief run` builds the briefs that are due and needs --due', {
        hint: 'brief run --due builds scheduled briefs; brief build <brief.yaml> builds one now',
      });
    }
    const dryRun = values['dry-run'];
    const now = parseNow(values.now, context);
    const { briefs, errors } = await loadBriefs(
      await expandBriefPaths(positionals, context, 'briefs'),
      context,
    );
    // A broken brief must not stop the others from being built on schedule: report it, go on.
    for (const error of errors) context.stderr.write(formatError(error));
    const outDir = dryRun
      ? resolve(context.cwd, values.out)
      : await checkOutputFolder(values.out, context.cwd);
    const scheduled = scheduledOnly(briefs);
    const state = await openScheduleStore(outDir, values.store);
    const report = createReporter(context, values.quiet);
    const pipeline = new BriefPipeline({
      cwd: context.cwd,
      asOf: now().toISOString().slice(0, 10),
      report,
      history: outputHistory(outDir, report),
      ...(values.corpus ? { corpus: values.corpus } : {}),
      ...(values.store ? { store: values.store } : {}),
    });
    const log = (line: string) => {
      if (!values.quiet) context.stdout.write(`${line}\n`);
    };
    let result: RunDueResult;
    try {
      await checkState(state, context, { repair: !dryRun, briefs: scheduled });
      if (!dryRun) warnIfFutureNow(now(), context);
      result = await runDueBriefs(scheduled, {
        pipeline,
        state,
        outDir,
        now,
        wallClock: context.now,
        cwd: context.cwd,
        log,
        dryRun,
      });
    } finally {
      await pipeline.close();
      await state.close();
    }
    if (dryRun) reportDryRun(result, scheduled, outDir, context, log);
    for (const failure of result.failed) {
      context.stderr.write(
        `brief: ${failure.id} (as of ${failure.asOf}) failed; its schedule state is unchanged and the next call retries it\n`,
      );
      context.stderr.write(formatError(failure.error));
    }
    reportDeliveries(result, context);
    const done =
      result.built.length + result.failed.length + result.due.length + result.pending.length;
    if (done + result.delivered.length + result.undelivered.length === 0) log('nothing due');
    if (errors.length > 0) return 2;
    return result.failed.length + result.undelivered.length > 0 ? 1 : 0;
  },
};

/** Which delivery failed and why; the PDF is kept and the next call retries only what failed. */
function reportDeliveries(result: RunDueResult, context: CliContext): void {
  for (const { id, asOf, channel, error } of result.undelivered) {
    context.stderr.write(
      `brief: ${id} (as of ${asOf}): the ${channel} delivery failed; the PDF is kept and the next call delivers it without rebuilding\n`,
    );
    context.stderr.write(formatError(error));
  }
  for (const { id, asOf, error } of result.unnotified) {
    context.stderr.write(
      `brief: warning: ${id} (as of ${asOf}): the failure notice was not sent\n`,
    );
    context.stderr.write(formatError(error));
  }
}

/** A real run at a future --now records slots that later runs will not trust. */
function warnIfFutureNow(now: Date, context: CliContext): void {
  if (now.getTime() <= context.now().getTime() + 60_000) return;
  context.stderr.write(
    `brief: warning: --now ${now.toISOString()} is later than the clock; the state this run records will be ignored by later runs (use --dry-run to try a time without writing anything)\n`,
  );
}

function reportDryRun(
  result: RunDueResult,
  briefs: readonly ScheduledSpec[],
  outDir: string,
  context: CliContext,
  log: (line: string) => void,
): void {
  for (const { id, asOf, slot } of result.due) {
    const skip = briefs.find((b) => b.id === id)?.schedule.onEmpty === 'skip';
    log(
      `${id}: would build ${plannedOutput(outDir, id, asOf, context.cwd)} (scheduled ${slot.toISOString()})${skip ? '; no PDF if its themes match nothing (on_empty: skip)' : ''}`,
    );
  }
  for (const { id, asOf, channels } of result.pending) {
    log(`${id}: would deliver ${asOf} by ${channels.join(', ')} again, from the PDF it kept`);
  }
  if (result.due.length + result.pending.length > 0)
    log('dry run: nothing written (no PDF, no schedule state)');
}
