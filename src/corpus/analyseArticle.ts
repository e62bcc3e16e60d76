import { cleanDocument } from './cleanDocument.js';
import { detectLanguages } from './detectLanguage.js';
import { detectDateline, detectTruncation } from './detectMetadata.js';
import { readDate } from './readDates.js';
import type { ParsedArticle } from './formats/types.js';
import { segmentText } from './segmentText.js';
import type { CorpusDocument, PublishedSource } from './types.js';

/** A document as analysed alone: everything but what needs the rest of the corpus. */
export type AnalysedDocument = Omit<CorpusDocument, 'duplicate' | 'firstSeen'>;

/** `004_x.txt` → `004_x`; a record `export.jsonl#2` → `export#2`. */
export function documentId(file: string): string {
  const [path = '', part] = file.split('#');
  const id = path.replace(/\.[^./]+$/, '');
  return part === undefined ? id : `${id}#${part}`;
}

/** Clean an article down to its body, segment it and read its metadata. */
export function analyseArticle(article: ParsedArticle): AnalysedDocument {
  const cleaned = cleanDocument(article.text, article.title);
  const segmented = segmentText(cleaned.kept);
  const { text, sentences } = segmented;
  const languages = detectLanguages(text, segmented.paragraphs);
  const paragraphs = segmented.paragraphs.map((p, i) => {
    const language = languages.paragraphs[i];
    return language ? { ...p, language } : p;
  });
  const firstBody = paragraphs.find((p) => p.kind === 'body');
  const opening = firstBody && text.slice(firstBody.start, firstBody.end);
  const dateline = detectDateline(opening);
  const published = publishedDate(article, cleaned.published, opening);
  return {
    id: documentId(article.file),
    file: article.file,
    title: cleaned.title,
    text,
    paragraphs,
    sentences,
    removed: cleaned.removed,
    truncated: detectTruncation(text, paragraphs, sentences),
    language: languages.language,
    ...(dateline ? { dateline } : {}),
    ...(cleaned.byline ? { byline: cleaned.byline } : {}),
    ...(published ? { published: published.date, publishedFrom: published.from } : {}),
    ...(article.url ? { url: article.url } : {}),
    ...(article.source ? { source: article.source } : {}),
  };
}

/**
 * The published date, from the most trusted place that gives one: the file's own metadata or
 * the folder's manifest, then a date line or byline near the headline, then the dateline
 * when its date is whole ("WASHINGTON, Dec. 12, 2026 (AP) -").
 */
function publishedDate(
  article: ParsedArticle,
  fromHeader: { date: string; from: PublishedSource } | undefined,
  opening: string | undefined,
): { date: string; from: PublishedSource } | undefined {
  if (article.published) return { date: article.published, from: article.publishedFrom ?? 'manifest' };
  if (fromHeader) return fromHeader;
  const date = detectDateline(opening)?.date;
  const whole = date === undefined ? undefined : readDate(date);
  return whole ? { date: whole, from: 'dateline' } : undefined;
}
