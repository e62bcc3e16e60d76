import { relative, resolve } from 'node:path';
import type { BriefSpec } from '../../brief/index.js';
import type { BriefModel } from '../../model/index.js';
import { renderHtml } from '../../render/html/index.js';
import { loadTemplate } from '../../render/index.js';
import { BriefError, BriefErrors } from '../../shared/errors.js';
import { writeFileAtomic } from '../../shared/files.js';
import { expandBriefPaths, loadBriefs } from '../briefInputs.js';
import { BriefPipeline, describeModel, outputHistory } from '../pipeline.js';
import type { CliContext, Command } from '../context.js';
import { checkOutputFolder, pdfPath } from '../outputPath.js';
import { parseFlags } from '../parseFlags.js';
import { formatError } from '../printError.js';
import { createReporter, type Reporter } from '../reporter.js';
import { watchAndRebuild } from '../watchAndRebuild.js';

const USAGE =
  'brief build <brief.yaml | folder>... [--out DIR] [--format pdf|json|html] [--as-of YYYY-MM-DD] [--corpus DIR] [--store FILE] [--template NAME] [--deliver] [--watch] [--quiet]';

const FORMATS = ['pdf', 'json', 'html'];

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
        deliver: { type: 'boolean', default: false },
      },
      USAGE,
    );
    const format = values.format;
    if (!FORMATS.includes(format)) {
      throw new BriefError('USAGE', `unknown format "${format}"`, {
        hint: 'use --format pdf, --format json or --format html',
      });
    }
    if (values.watch && format !== 'pdf') {
      throw new BriefError(
        'USAGE',
        `--watch re-renders PDFs and cannot be used with --format ${format}`,
      );
    }
    if (values.deliver && (format !== 'pdf' || values.watch)) {
      throw new BriefError('USAGE', '--deliver sends the PDF it builds, once', {
        hint: 'use it with --format pdf (the default) and without --watch',
      });
    }
    const asOf = parseAsOf(values['as-of'], context.now());
    // Fail on a bad --out or --template now, not after every brief has been assembled.
    if (format !== 'json') await checkOutputFolder(values.out, context.cwd);
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
      history: outputHistory(resolve(context.cwd, values.out), report),
      ...(values.corpus ? { corpus: values.corpus } : {}),
      ...(values.store ? { store: values.store } : {}),
      ...(values.template ? { template: values.template } : {}),
    });
    // The stores are closed when the briefs are built: a database pool would keep the process up.
    let undelivered = 0;
    try {
      if (format === 'json') {
        const models: BriefModel[] = [];
        for (const spec of briefs) models.push(await pipeline.model(spec));
        context.stdout.write(
          JSON.stringify(models.length === 1 ? models[0] : models, null, 2) + '\n',
        );
        return 0;
      }
      if (format === 'html') {
        for (const spec of briefs) {
          const model = await pipeline.model(spec);
          const path = await writeHtml(spec, model, values.out, context);
          await pipeline.keep(model);
          report.done(relative(context.cwd, path));
        }
        return 0;
      }
      for (const spec of briefs) {
        const { path, model } = await pipeline.writePdf(spec, values.out);
        report.done(`${relative(context.cwd, path)}  (${describeModel(model)})`);
        if (values.deliver)
          undelivered += await deliverNow(spec, { model, pdf: path }, report, context);
      }
    } finally {
      await pipeline.close();
    }
    if (undelivered > 0) return 1;
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

/** `<out>/<id>/<id>-<asOf>.html`, beside where the PDF goes. */
async function writeHtml(spec: BriefSpec, model: BriefModel, out: string, context: CliContext) {
  const path = pdfPath(resolve(context.cwd, out), spec, model.brief.asOf).replace(
    /\.pdf$/,
    '.html',
  );
  await writeFileAtomic(path, renderHtml(model));
  return path;
}

/** `--deliver`: send the PDF just built on every channel of the brief; how many failed. */
async function deliverNow(
  spec: BriefSpec,
  built: { model: BriefModel; pdf: string },
  report: Reporter,
  context: CliContext,
): Promise<number> {
  // Loaded only to deliver: the mail client is no part of an ordinary build's start-up.
  const { channelsOf, deliverEdition, deliveryEnvironment } =
    await import('../../deliver/index.js');
  const channels = channelsOf(spec.delivery);
  if (channels.length === 0) {
    context.stderr.write(`brief: warning: ${spec.file}: the brief has no delivery: nothing sent\n`);
    return 0;
  }
  const edition = { ...built, shownPdf: relative(context.cwd, built.pdf) };
  const environment = deliveryEnvironment(process.env);
  const results = await deliverEdition(spec.delivery ?? {}, channels, edition, environment);
  let failed = 0;
  for (const result of results) {
    if ('ok' in result) {
      report.done(`${spec.id}: delivered by ${result.channel}`);
      continue;
    }
    failed++;
    context.stderr.write(`brief: ${spec.id}: the ${result.channel} delivery failed\n`);
    context.stderr.write(formatError(result.error));
  }
  return failed;
}

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
