/** One article as a file format yields it, before cleaning. */
export interface ParsedArticle {
  /** Corpus-relative path; records of a .jsonl/.json file are `<file>#<n>`. */
  file: string;
  /** Plain text, one block (paragraph, heading, list item, caption) per line. */
  text: string;
  /** Known from metadata: the cleaner then does not have to guess the headline. */
  title?: string;
  url?: string;
  source?: string;
  /** YYYY-MM-DD */
  published?: string;
  /**
   * Set by a parser that read `published` from the file itself. A date from the folder's
   * manifest comes without it.
   */
  publishedFrom?: 'metadata';
}

/** A parser's verdict on one file: articles, and problems that skip part or all of it. */
export interface ParseResult {
  articles: ParsedArticle[];
  problems: { file: string; message: string }[];
}
