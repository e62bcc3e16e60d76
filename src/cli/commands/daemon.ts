import { nextRun } from '../../schedule/index.js';
import { expandBriefPaths, loadBriefs } from '../briefInputs.js';
import type { CliContext, Command } from '../context.js';
import { parseFlags } from '../parseFlags.js';
import { checkOutputFolder } from '../outputPath.js';
import { BriefPipeline, outputHistory } from '../pipeline.js';
import { formatError } from '../printError.js';
import { createReporter } from '../reporter.js';
import type { ScheduleStore } from '../../schedule/index.js';
import { checkState, openScheduleStore, runDueBriefs, scheduledOnly } from '../scheduledBriefs.js';

const USAGE = 'brief daemon [BRIEFS...] [--out DIR] [--corpus DIR] [--store FILE]';

/** The daemon wakes at the next scheduled time, and at least this often to notice new briefs. */
const MAX_SLEEP_MS = 60_000;

export const daemonCommand: Command = {
  name: 'daemon',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseFlags(
      args,
      {
        out: { type: 'string', default: 'output' },
        corpus: { type: 'string' },
        store: { type: 'string' },
      },
      USAGE,
    );
    const outDir = await checkOutputFolder(values.out, context.cwd);
    const stop = stopSignal();
    const log = (line: string) => context.stdout.write(`${context.now().toISOString()} ${line}\n`);
    log(
      `briefgen daemon started (pid ${process.pid}); SIGINT or SIGTERM stops it after the current build`,
    );
    while (!stop.requested) {
      const wait = await runOnce(
        positionals,
        context,
        outDir,
        { corpus: values.corpus, store: values.store },
        log,
      );
      await stop.sleep(wait);
    }
    log('stopped');
    return 0;
  },
};

/** One pass: reload the briefs (so edits are picked up), build what is due; ms until the next slot. */
async function runOnce(
  positionals: string[],
  context: CliContext,
  outDir: string,
  sources: { corpus: string | undefined; store: string | undefined },
  log: (line: string) => void,
): Promise<number> {
  const { corpus, store } = sources;
  let pipeline: BriefPipeline | undefined;
  let state: ScheduleStore | undefined;
  try {
    const { briefs, errors } = await loadBriefs(
      await expandBriefPaths(positionals, context, 'briefs'),
      context,
    );
    for (const error of errors) context.stderr.write(formatError(error));
    const scheduled = scheduledOnly(briefs);
    state = await openScheduleStore(outDir, store);
    await checkState(state, context, { repair: true, briefs: scheduled });
    const report = createReporter(context, true);
    pipeline = new BriefPipeline({
      cwd: context.cwd,
      asOf: context.now().toISOString().slice(0, 10),
      report,
      history: outputHistory(outDir, report),
      ...(corpus ? { corpus } : {}),
      ...(store ? { store } : {}),
    });
    const result = await runDueBriefs(scheduled, {
      pipeline,
      state,
      outDir,
      now: context.now,
      wallClock: context.now,
      cwd: context.cwd,
      log,
    });
    for (const failure of result.failed)
      log(`${failure.id}: failed (${formatError(failure.error).trim()}); will retry`);
    for (const { id, channel, error } of result.undelivered)
      log(`${id}: ${channel} delivery failed (${formatError(error).trim()}); will retry`);
    for (const { id, error } of result.unnotified)
      log(`${id}: failure notice not sent (${formatError(error).trim()})`);
    const now = context.now();
    const next = scheduled
      .map((b) => nextRun(b.schedule, now)?.getTime())
      .filter((t): t is number => t !== undefined);
    return Math.max(1000, Math.min(MAX_SLEEP_MS, Math.min(...next, Infinity) - now.getTime()));
  } catch (error) {
    log(`error: ${formatError(error).trim()}`);
    return MAX_SLEEP_MS;
  } finally {
    // Each pass syncs the corpus afresh; its stores are closed, not kept open for hours.
    await pipeline?.close();
    await state?.close();
  }
}

/** SIGINT/SIGTERM set a flag and cut the current sleep short; a build in progress finishes. */
function stopSignal() {
  let wake: (() => void) | undefined;
  const state = {
    requested: false,
    sleep(ms: number) {
      if (state.requested) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    },
  };
  const onSignal = () => {
    state.requested = true;
    wake?.();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return state;
}
