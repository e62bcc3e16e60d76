import { inScope, scopeQueries, type Scope, type Theme } from '../analysis/index.js';
import type { Corpus, CorpusDocument } from '../corpus/index.js';
import type { AnyPhrase, CorpusStore } from '../store/index.js';
import { applyWindow, describeUndated, isDateWindow, windowFilter } from './applyWindow.js';
import type { WindowSpec } from './briefFile.js';

/** A copy of a quoted story, listed under its source as "also reported by". */
export interface CopyInfo {
  docId: string;
  file: string;
  title: string;
}

/** What a brief draws on: the documents it may quote, and the counts its cover reports. */
export interface BriefCorpus {
  /** Canonical documents in the window that the brief's themes retrieved, in id order. */
  documents: CorpusDocument[];
  /** Other copies of those documents' stories, by id. */
  copies: Map<string, CopyInfo>;
  totals: {
    documents: number;
    inWindow: number;
    duplicates: number;
    skippedFiles: number;
    /** Documents in the window that the brief's scope leaves out. */
    outOfScope: number;
  };
  window: string;
}

export interface CorpusQuery {
  window: WindowSpec;
  undated?: 'exclude' | 'include';
  scope?: Scope | undefined;
  themes: readonly Theme[];
  /** How many excerpts the brief quotes per theme: retrieval reads ten documents for each. */
  excerptsPerTheme?: number;
  asOf: string;
  since?: string;
}

/**
 * Documents retrieved per theme: the best matches by BM25 in the window, ten for every excerpt
 * the theme may quote and never fewer than DOCUMENTS_PER_THEME. Every selection (excerpts, key
 * points, facts, people) is made among these, so a brief's cost is bounded by its themes and
 * limits, not by the size of the store.
 */
export const DOCUMENTS_PER_THEME = 50;
const DOCUMENTS_PER_EXCERPT = 10;

/** Ask the store for the documents a brief can use: its window and scope, then its themes by full text. */
export async function queryStore(store: CorpusStore, query: CorpusQuery): Promise<BriefCorpus> {
  const undated = query.undated ?? 'exclude';
  const { filter, description } = windowFilter(query.window, query.asOf, query.since, undated);
  const scope = query.scope ? scopeQueries(query.scope) : {};
  const limit = Math.max(
    DOCUMENTS_PER_THEME,
    DOCUMENTS_PER_EXCERPT * (query.excerptsPerTheme ?? 0),
  );
  const matches = query.themes.map(themeMatch).filter((m) => m.length > 0);
  const found = await store.searchThemes(matches, filter, limit, scope);
  const rowids = new Set(found.rowids.flat());
  const documents = (await store.load([...rowids])).sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const copyIds = [...new Set(documents.flatMap((d) => d.duplicate.others))];
  const totals = await store.totals();
  const inWindow = await store.countInWindow(filter);
  const copies = await store.describe(copyIds);
  const dated = isDateWindow(filter);
  const undatedCount = dated ? await store.countUndated() : 0;
  return {
    documents,
    copies: new Map(copies.map((c) => [c.docId, c])),
    totals: {
      documents: totals.documents,
      inWindow,
      duplicates: totals.duplicates,
      skippedFiles: totals.problems,
      outOfScope: query.scope ? inWindow - found.candidates : 0,
    },
    window: describeUndated(description, undatedCount, undated),
  };
}

/** A small corpus held in memory (tests, evaluation): the window and scope applied to every document. */
export function corpusInMemory(corpus: Corpus, query: Omit<CorpusQuery, 'themes'>): BriefCorpus {
  const canonical = corpus.documents.filter((d) => d.duplicate.canonical);
  const window = applyWindow(
    canonical,
    query.window,
    query.asOf,
    query.since,
    query.undated ?? 'exclude',
  );
  const scope = query.scope;
  const documents = scope ? window.documents.filter((d) => inScope(scope, d)) : window.documents;
  return {
    documents,
    copies: new Map(
      corpus.documents.map((d) => [d.id, { docId: d.id, file: d.file, title: d.title }]),
    ),
    totals: {
      documents: corpus.documents.length,
      inWindow: window.documents.length,
      duplicates: corpus.documents.length - canonical.length,
      skippedFiles: corpus.warnings.length,
      outOfScope: window.documents.length - documents.length,
    },
    window: window.description,
  };
}

/** A theme's terms as a full-text query: any spelling of any term (see `ftsPhrase`). */
export function themeMatch(theme: Theme): AnyPhrase {
  return theme.terms.flatMap(({ shape }) => shape.alternatives);
}
