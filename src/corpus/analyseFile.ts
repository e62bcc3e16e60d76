import type { Warning } from '../shared/errors.js';
import { analyseArticle, type AnalysedDocument } from './analyseArticle.js';
import { parseCorpusFile } from './parseCorpusFile.js';
import type { CorpusFile } from './readCorpusFiles.js';

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
