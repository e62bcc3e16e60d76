import type { Warning } from '../shared/errors.js';

/** Why a line of the raw file is not part of the article body. */
export type RemovalReason =
  | 'before-title'
  | 'repeated-title'
  | 'repeated-line'
  | 'separator'
  | 'credit'
  | 'contact'
  | 'list-item'
  | 'promotion'
  | 'header-meta'
  | 'label'
  | 'menu'
  | 'furniture'
  | 'trailer'
  | 'caption'
  | 'byline'
  | 'date-line'
  | 'read-time'
  | 'notice'
  | 'appeal'
  | 'related-link'
  | 'garbage'
  | 'footnote'
  | 'teaser';

/** Where a document's published date was read. */
export type PublishedSource = 'metadata' | 'manifest' | 'dateline' | 'date-line' | 'byline';

export interface RemovedLine {
  /** 1-based line number in the raw file */
  line: number;
  text: string;
  reason: RemovalReason;
}

/** A range of the cleaned text: cleaned.slice(start, end). */
export interface Span {
  start: number;
  end: number;
}

export interface Paragraph extends Span {
  index: number;
  /** Headings are kept for context but never quoted. */
  kind: 'body' | 'heading';
  /** 1-based line number in the raw file */
  sourceLine: number;
  /** Set where a page mixes languages and this paragraph is not in the document's language. */
  language?: string;
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
  /** Ends with sentence punctuation; an incomplete sentence is never quoted. */
  complete: boolean;
}

export interface Dateline {
  place: string;
  date?: string;
  agency?: string;
}

export interface DuplicateInfo {
  /** Id of the cluster: the canonical document's id. */
  clusterId: string;
  canonical: boolean;
  /** Other members of the cluster. */
  others: string[];
  /** Share of this document's shingles found in the canonical copy (1 for the canonical). */
  containment: number;
}

export interface CorpusDocument {
  id: string;
  /** Path relative to the corpus folder, with forward slashes. */
  file: string;
  title: string;
  /** Cleaned article body: paragraphs separated by blank lines. All offsets point here. */
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  removed: RemovedLine[];
  truncated: boolean;
  language: string;
  dateline?: Dateline;
  /** ISO date (YYYY-MM-DD) when the source, a sidecar or the page's own text gives one. */
  published?: string;
  /**
   * Where `published` was read: the file's metadata (front matter, HTML meta, record), the
   * folder's manifest.yaml, the dateline opening the body, a date line near the headline, or
   * the byline.
   */
  publishedFrom?: PublishedSource;
  /** ISO timestamp of the first run that saw this content (for "since last run" windows). */
  firstSeen?: string;
  /** The author, when the page names one. */
  byline?: string;
  /** Where the article came from, when known (front matter, manifest, record). */
  url?: string;
  /** Publisher or site name, when known. */
  source?: string;
  duplicate: DuplicateInfo;
}

export interface Corpus {
  dir: string;
  documents: CorpusDocument[];
  warnings: Warning[];
  /** Files read, and how many of them had to be analysed (the rest came from the cache). */
  stats: { files: number; analysed: number };
}
