import { extname } from 'node:path';
import { parseHtml } from './formats/parseHtml.js';
import { parseMarkdown } from './formats/parseMarkdown.js';
import { parseRecords } from './formats/parseRecords.js';
import type { ParsedArticle, ParseResult } from './formats/types.js';
import type { CorpusFile } from './readCorpusFiles.js';

const PARSERS: Record<string, (file: string, text: string) => ParseResult> = {
  '.txt': (file, text) => ({ articles: [{ file, text }], problems: [] }),
  '.md': parseMarkdown,
  '.markdown': parseMarkdown,
  '.html': parseHtml,
  '.htm': parseHtml,
  '.jsonl': (file, text) => parseRecords(file, text, true),
  '.json': (file, text) => parseRecords(file, text, false),
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parse one file into articles: text checks first (binary, UTF-8, empty), then its format. */
export function parseCorpusFile(file: Pick<CorpusFile, "file" | "bytes" | "meta">): ParseResult {
  if (file.bytes.includes(0)) return { articles: [], problems: [{ file: file.file, message: 'skipped: binary file (contains NUL bytes)' }] };
  let text: string;
  try {
    text = utf8.decode(file.bytes);
  } catch {
    return { articles: [], problems: [{ file: file.file, message: 'skipped: not valid UTF-8 text' }] };
  }
  if (text.trim() === '') return { articles: [], problems: [{ file: file.file, message: 'skipped: empty file' }] };
  const parser = PARSERS[extname(file.file).toLowerCase()] ?? PARSERS['.txt'];
  const result = parser?.(file.file, text) ?? { articles: [], problems: [] };
  return { ...result, articles: result.articles.map((a) => withManifest(a, file.meta)) };
}

/** Manifest values win over what a file says of itself, and a manifest date is labelled as one. */
function withManifest(article: ParsedArticle, meta: CorpusFile['meta']): ParsedArticle {
  const merged: ParsedArticle = { ...meta, ...article, ...definedOnly(meta) };
  if (meta.published !== undefined) delete merged.publishedFrom;
  return merged;
}

/** Manifest values win over what a file says of itself. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

