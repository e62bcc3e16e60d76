import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { documentMatchText, type DocumentMatchText } from '../analysis/matchText.js';
import type { AnalysedDocument, CorpusFile, ListedFile } from '../corpus/index.js';
import type { Warning } from '../shared/errors.js';
import { fingerprintsOf, type Fingerprints } from './duplicateIndex.js';

/**
 * A document ready to be stored: the analysed document serialised once (in the worker, so the
 * main thread neither clones nor re-serialises its many small objects), and the few fields
 * the store indexes.
 */
export interface PreparedDocument {
  id: string;
  file: string;
  title: string;
  text: string;
  published?: string | undefined;
  truncated: boolean;
  fingerprints: Fingerprints;
  /** What the full-text index holds: match keys and forms of the title and body. */
  index: DocumentMatchText;
  /** JSON of the AnalysedDocument without its text. */
  data: string;
}

export interface AnalysedContent {
  documents: PreparedDocument[];
  problems: Warning[];
}

export function prepareDocument(doc: AnalysedDocument): PreparedDocument {
  return {
    id: doc.id,
    file: doc.file,
    title: doc.title,
    text: doc.text,
    published: doc.published,
    truncated: doc.truncated,
    fingerprints: fingerprintsOf(doc.text),
    index: documentMatchText(doc),
    // The text is stored once, in its own column; the JSON holds the rest.
    data: JSON.stringify({ ...doc, text: undefined }),
  };
}

/** One file to read and analyse; `knownHash` is what the store holds for it, if anything. */
export interface AnalyseTask {
  listed: ListedFile;
  meta: CorpusFile['meta'];
  knownHash?: string | undefined;
}

export type TaskResult =
  | { kind: 'analysed'; hash: string; content: AnalysedContent }
  | { kind: 'unchanged'; hash: string }
  | { kind: 'problem'; warning: Warning };

/** Below this many files, starting worker threads costs more than it saves. */
const POOL_THRESHOLD = 48;

/**
 * An analyser for `count` files: a pool of worker threads, one per core, when there is enough
 * work (reading, parsing and cleaning are CPU-bound; the main thread is left to write the
 * store), else the calling thread. Tests run from TypeScript sources, where no compiled worker
 * exists: they analyse in-thread, and the CLI tests exercise the pool.
 */
export function createAnalyser(count: number): {
  run: (task: AnalyseTask) => Promise<TaskResult>;
  close: () => Promise<void>;
} {
  const worker = new URL('./analyseWorker.js', import.meta.url);
  const threads = Math.max(1, availableParallelism());
  if (count < POOL_THRESHOLD || threads < 2 || !existsSync(fileURLToPath(worker))) {
    // Loaded on first use: a build over an unchanged corpus analyses nothing and should not
    // pay for loading the parsers (HTML, dates) at start-up.
    return {
      run: async (task) => (await import('./analyseWorker.js')).default(task),
      close: () => Promise.resolve(),
    };
  }
  // Each worker holds a queue of its own: the main thread writes the store synchronously, and
  // a worker that had to come back to it for every next file would wait out each write.
  const pool = import('piscina').then(
    ({ Piscina }) =>
      new Piscina({
        filename: worker.href,
        minThreads: threads,
        maxThreads: threads,
        idleTimeout: 1000,
        concurrentTasksPerWorker: 32,
      }),
  );
  return {
    run: async (task) => (await pool).run(task) as Promise<TaskResult>,
    close: async () => (await pool).destroy(),
  };
}
