import { createHash } from 'node:crypto';
import { mapLimit } from '../shared/mapLimit.js';
import { analyseArticle } from './analyseArticle.js';
import { CorpusCache, defaultCacheDir, type CacheEntry } from './corpusCache.js';
import { findDuplicates } from './findDuplicates.js';
import { parseCorpusFile, readCorpusFiles, type CorpusFile } from './readCorpusFiles.js';
import type { Corpus, CorpusDocument } from './types.js';

export type * from './types.js';
export { cleanDocument } from './cleanDocument.js';
export { splitSentences } from './segmentText.js';
export { CONTAINMENT_THRESHOLD } from './findDuplicates.js';
export { defaultCacheDir } from './corpusCache.js';
export { SUPPORTED, MANIFEST } from './readCorpusFiles.js';

export interface LoadCorpusOptions {
  /** Folder of the analysis cache; false to analyse everything afresh. Default: defaultCacheDir(). */
  cache?: string | false;
  now?: () => Date;
}

/**
 * Ingest a corpus folder:
 * 1. read the files (bad ones become warnings),
 * 2. for each file not in the cache: parse its format, clean each article down to its body,
 *    segment it with offsets and read its metadata,
 * 3. cluster copies of the same story and pick the canonical one.
 */
export async function loadCorpus(dir: string, options: LoadCorpusOptions = {}): Promise<Corpus> {
  const { files, warnings } = await readCorpusFiles(dir);
  const cache = options.cache === false ? undefined : new CorpusCache(options.cache ?? defaultCacheDir());
  const now = (options.now ?? (() => new Date()))().toISOString();
  const documents: CorpusDocument[] = [];
  let analysed = 0;
  const cached = await mapLimit(files, CACHE_CONCURRENCY, (file) => cache?.get(file.hash) ?? Promise.resolve(undefined));
  for (const [i, file] of files.entries()) {
    let entry = cached[i];
    if (!entry) {
      entry = analyseFile(file, now);
      analysed++;
      await cache?.put(file.hash, entry);
    }
    warnings.push(...entry.problems);
    for (const doc of entry.documents) {
      documents.push({ ...doc, firstSeen: entry.firstSeen, duplicate: { clusterId: doc.id, canonical: true, others: [], containment: 1 } });
    }
  }
  const duplicates = await clusters(documents, files, cache);
  for (const doc of documents) doc.duplicate = duplicates.get(doc.id) ?? doc.duplicate;
  return { dir, documents, warnings, stats: { files: files.length, analysed } };
}

const CACHE_CONCURRENCY = 32;

/** Story clusters depend on every document: computed once per distinct set of files. */
async function clusters(documents: CorpusDocument[], files: CorpusFile[], cache: CorpusCache | undefined) {
  const key = createHash('sha256').update(files.map((f) => f.hash).join('\n')).digest('hex');
  const known = await cache?.getClusters(key);
  if (known) return new Map(known);
  const found = findDuplicates(documents);
  await cache?.putClusters(key, found);
  return found;
}

function analyseFile(file: CorpusFile, now: string): CacheEntry {
  const { articles, problems } = parseCorpusFile(file);
  return { firstSeen: now, documents: articles.map(analyseArticle), problems };
}
