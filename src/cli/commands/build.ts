import { relative } from 'node:path';
import type { BriefModel } from '../../model/index.js';
import { loadTemplate } from '../../render/index.js';
import { BriefError, BriefErrors } from '../../shared/errors.js';
import { expandBriefPaths, loadBriefs } from '../briefInputs.js';
import { BriefPipeline, describeModel } from '../pipeline.js';
import type { Command } from '../context.js';
import { checkOutputFolder } from '../outputPath.js';
import { parseFlags } from '../parseFlags.js';
import { createReporter } from '../reporter.js';
import { watchAndRebuild } from '../watchAndRebuild.js';

const USAGE =
  'brief build <brief.yaml | folder>... [--out DIR] [--format pdf|json] [--as-of YYYY-MM-DD] [--corpus DIR] [--store FILE] [--template NAME] [--watch] [--quiet]';

export const buildCommand: Command = {
  name: 'build',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseFlags(
      args,
      {
        out: { type: 'string', default: 'output' },
        format: { type: 'string', default: 'pdf' },
        'as-of': { type: 'string' },
        corpus: { type: 'string' },
        store: { type: 'string' },
        template: { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
        watch: { type: 'boolean', short: 'w', default: false },
      },
      USAGE,
    );
    const format = values.format;
    if (values.watch && format !== 'pdf') {
      throw new BriefError(
        'USAGE',
        '--watch re-renders PDFs and cannot be used with --format json',
      );
    }
    if (format !== 'pdf' && format !== 'json') {
      throw new BriefError('USAGE', `unknown format "${format}"`, {
        hint: 'use --format pdf or --format json',
      });
    }
    const asOf = parseAsOf(values['as-of'], context.now());
    // Fail on a bad --out or --template now, not after every brief has been assembled.
    if (format === 'pdf') await checkOutputFolder(values.out, context.cwd);
    if (values.template !== undefined) await checkTemplateFlag(values.template, context.cwd);
    const report = createReporter(context, values.quiet);

    const { briefs, errors } = await loadBriefs(
      await expandBriefPaths(positionals, context),
      context,
    );
    if (errors.length > 0) throw BriefErrors.of(errors);

    const pipeline = new BriefPipeline({
      cwd: context.cwd,
      asOf,
      report,
      ...(values.corpus ? { corpus: values.corpus } : {}),
      ...(values.store ? { store: values.store } : {}),
      ...(values.template ? { template: values.template } : {}),
    });
    if (format === 'json') {
      const models: BriefModel[] = [];
      for (const spec of briefs) models.push(await pipeline.model(spec));
      context.stdout.write(
        JSON.stringify(models.length === 1 ? models[0] : models, null, 2) + '\n',
      );
      return 0;
    }
    for (const spec of briefs) {
      const { path, model } = await pipeline.writePdf(spec, values.out);
      report.done(`${relative(context.cwd, path)}  (${describeModel(model)})`);
    }
    if (values.watch) {
      const template = values.template;
      await watchAndRebuild(positionals, context, {
        out: values.out,
        asOf,
        quiet: values.quiet,
        ...(values.corpus ? { corpus: values.corpus } : {}),
        ...(template ? { template } : {}),
      });
    }
    return 0;
  },
};

export function parseAsOf(value: string | undefined, now: Date): string {
  if (value === undefined) return now.toISOString().slice(0, 10);
  const date = new Date(`${value}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== value
  ) {
    throw new BriefError('USAGE', `--as-of "${value}" is not a date`, {
      hint: 'write it as YYYY-MM-DD, e.g. --as-of 2026-11-23',
    });
  }
  return value;
}

/** --template names a template folder; a name that is not one is the flag's mistake. */
async function checkTemplateFlag(name: string, cwd: string): Promise<void> {
  try {
    await loadTemplate(name, cwd);
  } catch (error) {
    if (!(error instanceof BriefError) || error.code !== 'UNKNOWN_TEMPLATE') throw error;
    throw new BriefError('UNKNOWN_TEMPLATE', `--template: ${error.message}`, {
      ...(error.hint !== undefined ? { hint: error.hint } : {}),
    });
  }
}
