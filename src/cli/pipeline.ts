import { resolve } from 'node:path';
import { assembleBrief, type BriefSpec } from '../brief/index.js';
import { loadCorpus, type Corpus } from '../corpus/index.js';
import type { BriefModel } from '../model/index.js';
import { loadTemplate, renderPdf } from '../render/index.js';
import { BriefError } from '../shared/errors.js';
import { writeFileAtomic } from '../shared/files.js';
import { pdfPath } from './outputPath.js';
import type { Reporter } from './reporter.js';

export interface PipelineOptions {
  cwd: string;
  asOf: string;
  /** --corpus: overrides the brief's own corpus folder. */
  corpus?: string;
  /** --template: overrides the brief's audience. */
  template?: string;
  report: Reporter;
}

/**
 * The whole pipeline for one brief, shared by `build`, `run --due` and `daemon`:
 * ingest (cached per folder within a run) → assemble → (render → write atomically).
 */
export class BriefPipeline {
  private readonly corpora = new Map<string, Corpus>();

  constructor(private readonly options: PipelineOptions) {}

  corpusDir(spec: BriefSpec): string {
    const { cwd, corpus } = this.options;
    return corpus ? resolve(cwd, corpus) : (spec.corpus ?? resolve(cwd, 'corpus'));
  }

  /** `since`: the previous scheduled run, for "since-last-run" windows. */
  async model(spec: BriefSpec, asOf = this.options.asOf, since?: string): Promise<BriefModel> {
    const corpus = await this.loadCorpus(this.corpusDir(spec));
    this.options.report.progress(`assembling ${spec.id}`);
    const template = this.options.template;
    return assembleBrief(spec, corpus, {
      asOf,
      ...(template ? { template } : {}),
      ...(since ? { since } : {}),
    });
  }

  /** Render a model into `<outDir>/<id>/<id>-<asOf>[-<template>].pdf` (atomically); returns the path. */
  async render(spec: BriefSpec, model: BriefModel, outDir: string): Promise<string> {
    const template = await loadTemplate(this.options.template ?? spec.audience, this.options.cwd);
    this.options.report.progress(`rendering ${spec.id} with the ${template.name} template`);
    const out = resolve(this.options.cwd, outDir);
    const path = pdfPath(out, spec, model.brief.asOf, this.options.template);
    const pdf = await renderPdf(model, template, this.options.report);
    await writeFileAtomic(path, pdf);
    return path;
  }

  async writePdf(spec: BriefSpec, outDir: string, asOf = this.options.asOf) {
    const model = await this.model(spec, asOf);
    return { path: await this.render(spec, model, outDir), model };
  }

  private async loadCorpus(dir: string): Promise<Corpus> {
    const known = this.corpora.get(dir);
    if (known) return known;
    const corpus = await loadCorpus(dir);
    for (const warning of corpus.warnings) this.options.report.warn(warning.file, warning.message);
    if (corpus.documents.length === 0) {
      throw new BriefError('CORPUS_EMPTY', `corpus folder ${dir} has no readable articles`, {
        file: dir,
        hint: 'add .txt files (first line: the headline), or point --corpus at another folder',
      });
    }
    this.corpora.set(dir, corpus);
    return corpus;
  }
}

export function describeModel(model: BriefModel): string {
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const excerpts = model.sections.reduce((n, s) => n + s.excerpts.length, 0);
  return [
    count(model.keyPoints.length, 'key point'),
    count(excerpts, 'excerpt'),
    count(model.facts.length, 'fact'),
    count(model.sources.length, 'source'),
  ].join(', ');
}
