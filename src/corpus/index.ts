export type * from './types.js';
export type { AnalysedDocument } from './analyseArticle.js';
export { analyseArticle, documentId } from './analyseArticle.js';
export { analyseCorpusFile, type AnalysedFileContent } from './analyseFile.js';
export { ANALYSER_VERSION } from './analyserVersion.js';
export { parseCorpusFile } from './parseCorpusFile.js';
export { cleanDocument } from './cleanDocument.js';
export { splitSentences } from './segmentText.js';
export { CONTAINMENT_THRESHOLD, containment, shingles } from './shingles.js';
export { parseRecords } from './formats/parseRecords.js';
export {
  listCorpusFiles,
  manifestEntry,
  readListedFile,
  MAX_FILE_BYTES,
  SUPPORTED,
  MANIFEST,
  type CorpusFile,
  type ListedFile,
} from './readCorpusFiles.js';
