import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Warning } from '../shared/errors.js';
import { analyseArticle, type AnalysedDocument } from './analyseArticle.js';
import { parseCorpusFile, type CorpusFile } from './readCorpusFiles.js';

/** A file's articles, cleaned, segmented and described: everything that needs no other file. */
export interface AnalysedFileContent {
  documents: AnalysedDocument[];
  problems: Warning[];
}

/** Parse a file's format, then clean, segment and describe each of its articles. */
export function analyseCorpusFile(file: Pick<CorpusFile, 'file' | 'bytes' | 'meta'>): AnalysedFileContent {
  try {
    const { articles, problems } = parseCorpusFile(file);
    return { documents: articles.map(analyseArticle), problems };
  } catch (error) {
    // One file that defeats a parser is skipped, never a failed run.
    const reason = error instanceof Error ? error.message : String(error);
    return { documents: [], problems: [{ file: file.file, message: `skipped: could not be analysed (${reason.slice(0, 120)})` }] };
  }
}

/**
 * A fingerprint of the ingestion code itself: when briefgen's cleaning or parsing changes, a
 * stored analysis made by the old code is redone rather than served.
 */
export const ANALYSER_VERSION: string = (() => {
  const hash = createHash('sha256');
  const here = dirname(fileURLToPath(import.meta.url));
  const files = readdirSync(here, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(?:js|ts)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
})();
