import { extname } from 'node:path';
import { cleanDocument } from './cleanDocument.js';
import { detectDateline, detectLanguage, detectTruncation } from './detectMetadata.js';
import { findDuplicates } from './findDuplicates.js';
import { readCorpusFiles, type RawFile } from './readCorpusFiles.js';
import { segmentText } from './segmentText.js';
import type { Corpus, CorpusDocument } from './types.js';

export type * from './types.js';
export { cleanDocument } from './cleanDocument.js';
export { splitSentences } from './segmentText.js';
export { CONTAINMENT_THRESHOLD } from './findDuplicates.js';

/**
 * Ingest a corpus folder:
 * 1. read the files (bad ones become warnings),
 * 2. clean each page down to its article body,
 * 3. split the body into paragraphs and sentences with offsets,
 * 4. detect metadata (dateline, language, truncation),
 * 5. cluster copies of the same story and pick the canonical one.
 */
export async function loadCorpus(dir: string): Promise<Corpus> {
  const { files, warnings } = await readCorpusFiles(dir);
  const documents = files.map(analyseFile);
  const duplicates = findDuplicates(documents);
  for (const doc of documents) doc.duplicate = duplicates.get(doc.id) ?? doc.duplicate;
  return { dir, documents, warnings };
}

function analyseFile(raw: RawFile): CorpusDocument {
  const cleaned = cleanDocument(raw.text);
  const { text, paragraphs, sentences } = segmentText(cleaned.kept);
  const id = raw.file.slice(0, raw.file.length - extname(raw.file).length);
  const firstBody = paragraphs.find((p) => p.kind === 'body');
  const dateline = detectDateline(firstBody && text.slice(firstBody.start, firstBody.end));
  return {
    id,
    file: raw.file,
    title: cleaned.title,
    text,
    paragraphs,
    sentences,
    removed: cleaned.removed,
    truncated: detectTruncation(text, paragraphs, sentences),
    language: detectLanguage(text),
    ...(dateline ? { dateline } : {}),
    duplicate: { clusterId: id, canonical: true, others: [], containment: 1 },
  };
}
