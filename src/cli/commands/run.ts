import { resolve } from 'node:path';
import { BriefError } from '../../shared/errors.js';
import { expandBriefPaths, loadBriefs } from '../briefInputs.js';
import type { Command } from '../context.js';
import { parseFlags } from '../parseFlags.js';
import { BriefPipeline } from '../pipeline.js';
import { formatError } from '../printError.js';
import { createReporter } from '../reporter.js';
import { parseNow, runDueBriefs, scheduledOnly } from '../scheduledBriefs.js';

const USAGE = 'brief run --due [BRIEFS...] [--now ISO] [--out DIR] [--corpus DIR] [--quiet]';

export const runCommand: Command = {
  name: 'run',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseFlags(
      args,
      {
        due: { type: 'boolean', default: false },
        now: { type: 'string' },
        out: { type: 'string', default: 'output' },
        corpus: { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
      },
      USAGE,
    );
    if (!values.due) {
      throw new BriefError('USAGE', '`brief run` builds the briefs that are due and needs --due', {
        hint: 'brief run --due builds scheduled briefs; brief build <brief.yaml> builds one now',
      });
    }
    const now = parseNow(values.now, context);
    const { briefs, errors } = await loadBriefs(
      await expandBriefPaths(positionals, context, 'briefs'),
      context,
    );
    // A broken brief must not stop the others from being built on schedule: report it, go on.
    for (const error of errors) context.stderr.write(formatError(error));
    const outDir = resolve(context.cwd, values.out);
    const report = createReporter(context, values.quiet);
    const pipeline = new BriefPipeline({
      cwd: context.cwd,
      asOf: now().toISOString().slice(0, 10),
      report,
      ...(values.corpus ? { corpus: values.corpus } : {}),
    });
    const log = (line: string) => {
      if (!values.quiet) context.stdout.write(`${line}\n`);
    };
    const result = await runDueBriefs(scheduledOnly(briefs), {
      pipeline,
      outDir,
      now,
      cwd: context.cwd,
      log,
    });
    for (const failure of result.failed) {
      context.stderr.write(
        `brief: ${failure.id} (as of ${failure.asOf}) failed; its schedule state is unchanged and the next call retries it\n`,
      );
      context.stderr.write(formatError(failure.error));
    }
    if (result.built.length === 0 && result.failed.length === 0) log('nothing due');
    if (errors.length > 0) return 2;
    return result.failed.length > 0 ? 1 : 0;
  },
};
