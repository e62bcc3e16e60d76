import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { isoDay, optionalString } from './dates.js';
import { nestingDepth } from './htmlNesting.js';
import type { ParseResult } from './types.js';

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'FIGCAPTION', 'PRE', 'TD', 'DT', 'DD']);

/**
 * An HTML page: Readability (Mozilla's, as in Firefox's reader view) finds the main content on a
 * linkedom DOM; each block element becomes a line, so the line cleaner can still judge captions,
 * bylines and banners that Readability keeps.
 */
export function parseHtml(file: string, html: string): ParseResult {
  const depth = nestingDepth(html, MAX_NESTING);
  if (depth > MAX_NESTING) {
    return skipped(file, `HTML elements nested more than ${MAX_NESTING} levels deep`);
  }
  try {
    return readArticle(file, html);
  } catch (error) {
    // One malformed page must not end a run: the parsers are third-party code.
    return skipped(file, `could not read this HTML page (${(error as Error).message})`);
  }
}

/**
 * Deeper pages are refused before parsing: Readability's cost grows with the cube of the depth
 * (500 levels take about a second) and it overflows the stack long before 20,000.
 */
export const MAX_NESTING = 500;

function skipped(file: string, reason: string): ParseResult {
  return { articles: [], problems: [{ file, message: `skipped: ${reason}` }] };
}

function readArticle(file: string, html: string): ParseResult {
  const { document } = parseHTML(html);
  const meta = (name: string) =>
    document.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute('content') ?? undefined;
  const published = isoDay(meta('article:published_time') ?? document.querySelector('time[datetime]')?.getAttribute('datetime'));
  const url = optionalString(meta('og:url') ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href'));
  const source = optionalString(meta('og:site_name'));
  const article = new Readability(document as unknown as Document).parse();
  if (!article?.content) return { articles: [], problems: [{ file, message: 'no article text found in this HTML page' }] };
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const lines: string[] = [];
  for (const element of content.querySelectorAll('*')) {
    if (!BLOCKS.has(element.tagName) || element.parentElement?.closest('p, li, blockquote, figcaption, td')) continue;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) lines.push(text);
  }
  const title = optionalString(article.title ?? undefined);
  return {
    articles: [
      {
        file,
        text: lines.join('\n\n'),
        ...(title ? { title } : {}),
        ...(url ? { url } : {}),
        ...(source ? { source } : {}),
        ...(published ? { published, publishedFrom: 'metadata' as const } : {}),
      },
    ],
    problems: [],
  };
}
