import type { CorpusDocument } from '../corpus/index.js';
import type { Warning } from '../shared/errors.js';
import type { PreparedDocument } from './analyse.js';
import type { AnyPhrase, ScopeFilter } from './textQuery.js';

/** A file's articles as the analyser left them, ready to be written in one transaction. */
export interface AnalysedFile {
  /** The synced folder (absolute path), or '-' for records pushed on stdin. */
  root: string;
  /** Relative to root; for stdin records, the record's key. */
  path: string;
  size: number;
  mtime: number;
  hash: string;
  analyser: string;
  documents: PreparedDocument[];
  problems: Warning[];
}

export interface FileState {
  size: number;
  mtime: number;
  hash: string;
  analyser: string;
}

/** Which documents a brief may use: by published date or by first-seen time. */
export interface DocumentFilter {
  field: 'published' | 'first_seen';
  /** Inclusive bounds (ISO date or time); absent = open. */
  from?: string;
  to?: string;
  /** Count documents with no published date as inside the window. */
  includeUndated: boolean;
}

export interface StoreTotals {
  documents: number;
  duplicates: number;
  problems: number;
}

/** What `searchThemes` found: row ids per query, best first, and the size of the window and scope. */
export interface ThemeSearch {
  rowids: number[][];
  candidates: number;
}

/**
 * The corpus store: every article analysed once, when it arrives, and kept with indexes by
 * date, by story cluster and by full text. Briefs ask it for what their window and themes can
 * use, so the cost of a brief follows what it matches, not the corpus size.
 *
 * Every method returns a promise, so that a store on a database server and the embedded one
 * (SQLite, src/store/sqliteStore.ts) sit behind the same interface.
 */
export interface CorpusStore {
  /** Where the store is, as messages name it. */
  readonly location: string;

  close(): Promise<void>;

  /** What the store knows of each file of a synced folder. */
  fileStates(root: string): Promise<Map<string, FileState>>;
  /** Record that a file's bytes are unchanged though its size or time stamp moved. */
  touchFiles(root: string, files: { path: string; size: number; mtime: number }[]): Promise<void>;
  /**
   * Replace the documents of each file with its new analysis, in one transaction: a killed
   * process leaves either all of these files written or none of them. A document whose id and
   * content were already stored keeps its first-seen time.
   */
  writeFiles(files: readonly AnalysedFile[], now: string): Promise<void>;
  /** Forget files that left their folder, with their documents. */
  removeFiles(root: string, paths: readonly string[]): Promise<void>;

  totals(): Promise<StoreTotals>;
  /** Problems recorded for files when they were read (binary, empty, bad records...). */
  problems(): Promise<Warning[]>;
  /** Canonical documents inside a window: the count on the cover. */
  countInWindow(filter: DocumentFilter): Promise<number>;
  /** Canonical documents with no published date (left out of a date window, or counted in). */
  countUndated(): Promise<number>;
  /**
   * The canonical documents in the window and scope that best match each full-text query, at
   * most `limit` per query (ranked by the index: BM25 or ts_rank, re-scored by the brief); and
   * how many documents the window and scope hold.
   */
  searchThemes(
    matches: readonly AnyPhrase[],
    filter: DocumentFilter,
    limit: number,
    scope?: ScopeFilter,
  ): Promise<ThemeSearch>;
  /** Whole documents by row id, in the order asked, with their story cluster filled in. */
  load(rowids: readonly number[]): Promise<CorpusDocument[]>;
  /** Id, file and title of documents by id (for "also reported by" lists). */
  describe(ids: readonly string[]): Promise<{ docId: string; file: string; title: string }[]>;
  /** Every document, in id order, a page at a time (for `brief corpus`). */
  all(pageSize?: number): AsyncGenerator<CorpusDocument>;
  /** One document by id or file path. */
  find(idOrFile: string): Promise<CorpusDocument | undefined>;
  /** Every document id (for "did you mean" suggestions). */
  ids(): Promise<string[]>;
}
