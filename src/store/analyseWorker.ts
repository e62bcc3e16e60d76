/**
 * Worker-thread entry of the ingest pool: reads, hashes and analyses one corpus file off the
 * main thread, which only writes to the store. A file whose hash matches the stored one is
 * reported unchanged without being analysed.
 */
import {
  analyseCorpusFile,
  readListedFile,
  type CorpusFile,
  type ListedFile,
} from '../corpus/index.js';
import {
  prepareDocument,
  type AnalyseTask,
  type AnalysedContent,
  type TaskResult,
} from './analyse.js';

export function analyseContent(file: Pick<CorpusFile, 'file' | 'bytes' | 'meta'>): AnalysedContent {
  const { documents, problems } = analyseCorpusFile(file);
  return { documents: documents.map(prepareDocument), problems };
}

export default function analyseTask(task: AnalyseTask): TaskResult {
  const file = readListedFile(task.listed as ListedFile, task.meta);
  if (!('bytes' in file)) return { kind: 'problem', warning: file };
  if (file.hash === task.knownHash) return { kind: 'unchanged', hash: file.hash };
  return { kind: 'analysed', hash: file.hash, content: analyseContent(file) };
}
