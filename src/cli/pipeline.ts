import { resolve } from 'node:path';
import { assembleBrief, queryStore, type BriefSpec } from '../brief/index.js';
import type { BriefModel } from '../model/index.js';
import { loadTemplate, renderPdf } from '../render/index.js';
import { writeFileAtomic } from '../shared/files.js';
import { fileModelHistory, statePaths, type ModelHistory } from '../schedule/index.js';
import type { CorpusStore } from '../store/index.js';
import { openCorpusStore } from './openStore.js';
import { pdfPath } from './outputPath.js';
import type { Reporter } from './reporter.js';

export interface PipelineOptions {
  cwd: string;
  asOf: string;
  /** --corpus: overrides the brief's own corpus folder. */
  corpus?: string;
  /** --store: the store file (else $BRIEFGEN_STORE, else one per corpus folder). */
  store?: string;
  /** --template: overrides the brief's audience. */
  template?: string;
  report: Reporter;
  /** Where built briefs are kept and the previous one is found, for "what changed". */
  history?: ModelHistory;
}

/** The model history of an output folder: `<out>/.briefgen/models/`. */
export function outputHistory(outDir: string, report: Reporter): ModelHistory {
  return fileModelHistory(statePaths(outDir).dir, { warn: (file, m) => report.warn(file, m) });
}

/**
 * The whole pipeline for one brief, shared by `build`, `run --due` and `daemon`:
 * sync the corpus folder into its store (once per run) → query → assemble → render → write atomically.
 */
export class BriefPipeline {
  private readonly stores = new Map<string, CorpusStore>();

  constructor(private readonly options: PipelineOptions) {}

  corpusDir(spec: BriefSpec): string {
    const { cwd, corpus } = this.options;
    return corpus ? resolve(cwd, corpus) : (spec.corpus ?? resolve(cwd, 'corpus'));
  }

  /** `since`: the previous scheduled run, for "since-last-run" windows. */
  async model(spec: BriefSpec, asOf = this.options.asOf, since?: string): Promise<BriefModel> {
    const store = await this.storeFor(this.corpusDir(spec));
    this.options.report.progress(`assembling ${spec.id}`);
    const template = this.options.template;
    const corpus = await queryStore(store, {
      window: spec.window,
      undated: spec.undated,
      scope: spec.scope,
      themes: spec.themes,
      excerptsPerTheme: spec.limits.excerpts_per_theme,
      asOf,
      ...(since ? { since } : {}),
    });
    const previous = await this.options.history?.previous(spec.id, asOf);
    return assembleBrief(spec, corpus, {
      asOf,
      ...(template ? { template } : {}),
      ...(since ? { since } : {}),
      ...(previous ? { previous } : {}),
    });
  }

  /** Keep a model whose edition was written, so the next brief of its id can compare with it. */
  async keep(model: BriefModel): Promise<void> {
    await this.options.history?.keep(model);
  }

  /**
   * Render a model into `<outDir>/<id>/<id>-<asOf>[-<template>].pdf` (atomically), then keep
   * the model in the history; returns the path.
   */
  async render(spec: BriefSpec, model: BriefModel, outDir: string): Promise<string> {
    const template = await loadTemplate(this.options.template ?? spec.audience, this.options.cwd);
    this.options.report.progress(`rendering ${spec.id} with the ${template.name} template`);
    const out = resolve(this.options.cwd, outDir);
    const path = pdfPath(out, spec, model.brief.asOf, this.options.template);
    const pdf = await renderPdf(model, template, this.options.report);
    await writeFileAtomic(path, pdf);
    await this.keep(model);
    return path;
  }

  async writePdf(spec: BriefSpec, outDir: string, asOf = this.options.asOf) {
    const model = await this.model(spec, asOf);
    return { path: await this.render(spec, model, outDir), model };
  }

  /** Forget synced stores, so the next build (in --watch or the daemon) syncs again. */
  async close(): Promise<void> {
    const stores = [...this.stores.values()];
    this.stores.clear();
    await Promise.all(stores.map((store) => store.close()));
  }

  /** The store of a corpus folder, synced with the folder once per run. */
  private async storeFor(dir: string): Promise<CorpusStore> {
    const known = this.stores.get(dir);
    if (known) return known;
    const { cwd, store, report } = this.options;
    const opened = await openCorpusStore({ cwd, dir, store, report });
    this.stores.set(dir, opened);
    return opened;
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
