import { join, relative, resolve } from 'node:path';
import { assembleBrief, type BriefSpec } from '../../brief/index.js';
import { loadCorpus, type Corpus } from '../../corpus/index.js';
import type { BriefModel } from '../../model/index.js';
import { loadTemplate, renderPdf, type Template } from '../../render/index.js';
import { BriefError, BriefErrors } from '../../shared/errors.js';
import { writeFileAtomic } from '../../shared/files.js';
import { expandBriefPaths, loadBriefs } from '../briefInputs.js';
import type { Command } from '../context.js';
import { parseFlags } from '../parseFlags.js';
import { createReporter } from '../reporter.js';

const USAGE =
  'brief build <brief.yaml | folder>... [--out DIR] [--format pdf|json] [--as-of YYYY-MM-DD] [--corpus DIR] [--template NAME] [--quiet]';

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
        template: { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
      },
      USAGE,
    );
    const format = values.format;
    if (format !== 'pdf' && format !== 'json') {
      throw new BriefError('USAGE', `unknown format "${format}"`, {
        hint: 'use --format pdf or --format json',
      });
    }
    const asOf = parseAsOf(values['as-of'], context.now());
    const report = createReporter(context, values.quiet);

    const { briefs, errors } = await loadBriefs(
      await expandBriefPaths(positionals, context),
      context,
    );
    if (errors.length > 0) throw BriefErrors.of(errors);

    const models: BriefModel[] = [];
    const corpora = new Map<string, Corpus>();
    for (const spec of briefs) {
      const corpusDir = values.corpus
        ? resolve(context.cwd, values.corpus)
        : (spec.corpus ?? resolve(context.cwd, 'corpus'));
      const corpus = await cachedCorpus(corpora, corpusDir, report.warn);
      const templateName = values.template ?? spec.audience;
      const template = format === 'pdf' ? await loadTemplate(templateName, context.cwd) : undefined;
      report.progress(`assembling ${spec.id}`);
      const model = assembleBrief(spec, corpus, {
        asOf,
        ...(values.template ? { template: values.template } : {}),
      });
      if (template) {
        const path = await writePdf(
          spec,
          model,
          template,
          join(resolve(context.cwd, values.out), spec.id),
          report.progress,
        );
        report.done(`${relative(context.cwd, path)}  (${describe(model)})`);
      } else {
        models.push(model);
      }
    }
    if (format === 'json')
      context.stdout.write(
        JSON.stringify(models.length === 1 ? models[0] : models, null, 2) + '\n',
      );
    return 0;
  },
};

async function cachedCorpus(
  cache: Map<string, Corpus>,
  dir: string,
  warn: (file: string, message: string) => void,
) {
  const known = cache.get(dir);
  if (known) return known;
  const corpus = await loadCorpus(dir);
  for (const warning of corpus.warnings) warn(warning.file, warning.message);
  if (corpus.documents.length === 0) {
    throw new BriefError('CORPUS_EMPTY', `corpus folder ${dir} has no readable articles`, {
      file: dir,
      hint: 'add .txt files (first line: the headline), or point --corpus at another folder',
    });
  }
  cache.set(dir, corpus);
  return corpus;
}

async function writePdf(
  spec: BriefSpec,
  model: BriefModel,
  template: Template,
  dir: string,
  progress: (message: string) => void,
): Promise<string> {
  progress(`rendering ${spec.id} with the ${template.name} template`);
  const pdf = await renderPdf(model, template);
  const path = join(dir, `${spec.id}-${model.brief.asOf}.pdf`);
  await writeFileAtomic(path, pdf);
  return path;
}

function describe(model: BriefModel): string {
  const excerpts = model.sections.reduce((n, s) => n + s.excerpts.length, 0);
  return `${excerpts} excerpts, ${model.facts.length} facts, ${model.sources.length} sources`;
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
