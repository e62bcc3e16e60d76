import { parse } from 'yaml';
import { isoDay, optionalString } from './dates.js';
import type { ParseResult } from './types.js';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/**
 * Markdown with optional YAML front matter (title, url, source, published). Markup is reduced
 * to text: headings, emphasis, links (their text), images (dropped), block quotes and lists.
 */
export function parseMarkdown(file: string, source: string): ParseResult {
  const match = FRONT_MATTER.exec(source);
  let meta: Record<string, unknown> = {};
  const problems: ParseResult['problems'] = [];
  if (match) {
    try {
      const parsed: unknown = parse(match[1] ?? '');
      if (parsed && typeof parsed === 'object') meta = parsed as Record<string, unknown>;
    } catch {
      problems.push({ file, message: 'front matter is not valid YAML; read as text without it' });
    }
  }
  const body = match ? source.slice(match[0].length) : source;
  const title = optionalString(meta.title);
  const url = optionalString(meta.url);
  const sourceName = optionalString(meta.source);
  const published = isoDay(meta.published ?? meta.date);
  return {
    articles: [
      {
        file,
        text: markdownToText(body),
        ...(title ? { title } : {}),
        ...(url ? { url } : {}),
        ...(sourceName ? { source: sourceName } : {}),
        ...(published ? { published, publishedFrom: 'metadata' as const } : {}),
      },
    ],
    problems,
  };
}

/**
 * Brackets never contain their own opening mark: a line of 100,000 "[" or "![" then costs one
 * short attempt per mark instead of a scan to the end of the line from each.
 */
function markdownToText(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line
        .replace(/!\[[^[\]]*\]\([^()]*\)/g, '')
        .replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1')
        .replace(/^\s{0,3}#{1,6}\s+/, '')
        .replace(/^\s{0,3}>\s?/, '')
        .replace(/(\*\*|__)(.+?)\1/g, '$2')
        .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?!\w)/g, '$1$2')
        .replace(/`([^`]+)`/g, '$1'),
    )
    .join('\n');
}
