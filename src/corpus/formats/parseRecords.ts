import { isoDay, optionalString } from './dates.js';
import type { ParsedArticle, ParseResult } from './types.js';

/**
 * JSON exports: `.jsonl` (one record per line) or `.json` (an array of records, or one record).
 * A record has `text` (or `body`/`content`) and optionally `title`, `url`, `published` (or
 * `date`), `source`. A bad line or record is a problem naming it; the others are used.
 */
export function parseRecords(file: string, source: string, lines: boolean): ParseResult {
  const articles: ParsedArticle[] = [];
  const problems: ParseResult['problems'] = [];
  const add = (value: unknown, n: number, where: string) => {
    const article = toArticle(value, `${file}#${n}`);
    if (article) articles.push(article);
    else problems.push({ file: `${file}${where}`, message: 'record has no "text" field; skipped' });
  };
  if (lines) {
    source.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        add(JSON.parse(line), i + 1, `:${i + 1}`);
      } catch {
        problems.push({ file: `${file}:${i + 1}`, message: 'line is not valid JSON; skipped' });
      }
    });
    return { articles, problems };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (error) {
    return { articles, problems: [{ file, message: `not valid JSON (${(error as Error).message}); skipped` }] };
  }
  (Array.isArray(parsed) ? parsed : [parsed]).forEach((value, i) => add(value, i + 1, `#${i + 1}`));
  return { articles, problems };
}

function toArticle(value: unknown, file: string): ParsedArticle | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  const text = optionalString(record.text ?? record.body ?? record.content);
  if (!text) return undefined;
  // Without a title, the record's text is all body: the title becomes its opening words.
  const title = optionalString(record.title ?? record.headline) ?? openingWords(text);
  const url = optionalString(record.url ?? record.link);
  const source = optionalString(record.source ?? record.publisher ?? record.site);
  const published = isoDay(record.published ?? record.date ?? record.published_at);
  return {
    file,
    text,
    ...(title ? { title } : {}),
    ...(url ? { url } : {}),
    ...(source ? { source } : {}),
    ...(published ? { published, publishedFrom: 'metadata' as const } : {}),
  };
}

function openingWords(text: string): string {
  const words = text.split(/\s+/);
  return words.length <= 12 ? text : `${words.slice(0, 12).join(' ')}…`;
}
