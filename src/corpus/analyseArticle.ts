import { cleanDocument } from './cleanDocument.js';
import { detectDateline, detectLanguage, detectTruncation } from './detectMetadata.js';
import type { ParsedArticle } from './formats/types.js';
import { segmentText } from './segmentText.js';
import type { CorpusDocument } from './types.js';

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
  const { text, paragraphs, sentences } = segmentText(cleaned.kept);
  const firstBody = paragraphs.find((p) => p.kind === 'body');
  const dateline = detectDateline(firstBody && text.slice(firstBody.start, firstBody.end));
  return {
    id: documentId(article.file),
    file: article.file,
    title: cleaned.title,
    text,
    paragraphs,
    sentences,
    removed: cleaned.removed,
    truncated: detectTruncation(text, paragraphs, sentences),
    language: detectLanguage(text),
    ...(dateline ? { dateline } : {}),
    ...(cleaned.byline ? { byline: cleaned.byline } : {}),
    ...(article.published ? { published: article.published } : {}),
    ...(article.url ? { url: article.url } : {}),
    ...(article.source ? { source: article.source } : {}),
  };
}
