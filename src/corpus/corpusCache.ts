import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../shared/files.js';
import type { AnalysedDocument } from './analyseArticle.js';
import type { DuplicateInfo } from './types.js';

/** What the cache keeps per corpus file: its analysed documents and when it was first seen. */
export interface CacheEntry {
  firstSeen: string;
  documents: AnalysedDocument[];
  problems: { file: string; message: string }[];
}

/**
 * Where analysed files are kept between runs: $BRIEFGEN_CACHE_DIR, else ~/.cache/briefgen.
 * Never inside the corpus folder, which briefgen only reads.
 */
export function defaultCacheDir(): string {
  return process.env.BRIEFGEN_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'briefgen');
}

/**
 * A fingerprint of the ingestion code itself: any change to how files are parsed or cleaned
 * gives new keys, so a cache can never serve an analysis the current code would not produce.
 */
const CODE_VERSION: string = (() => {
  const hash = createHash('sha256');
  const here = dirname(fileURLToPath(import.meta.url));
  for (const entry of readdirSync(here, { recursive: true, withFileTypes: true }).sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
    if (entry.isFile() && /\.(?:js|ts)$/.test(entry.name)) hash.update(readFileSync(join(entry.parentPath, entry.name)));
  }
  return hash.digest('hex').slice(0, 16);
})();

export class CorpusCache {
  constructor(private readonly dir: string) {}

  private path(key: string): string {
    return join(this.dir, CODE_VERSION, key.slice(0, 2), `${key}.json`);
  }

  /** A damaged or unreadable entry is a miss, never an error. */
  async get(key: string): Promise<CacheEntry | undefined> {
    try {
      return JSON.parse(await readFile(this.path(key), 'utf8')) as CacheEntry;
    } catch {
      return undefined;
    }
  }

  /** A cache that cannot be written (read-only home, full disk) only costs speed. */
  async put(key: string, entry: CacheEntry): Promise<void> {
    await writeFileAtomic(this.path(key), JSON.stringify(entry)).catch(() => undefined);
  }

  /** Story clusters of a whole corpus, keyed by the hashes of all its files. */
  async getClusters(key: string): Promise<[string, DuplicateInfo][] | undefined> {
    try {
      return JSON.parse(await readFile(this.path(`clusters-${key}`), 'utf8')) as [string, DuplicateInfo][];
    } catch {
      return undefined;
    }
  }

  async putClusters(key: string, clusters: Map<string, DuplicateInfo>): Promise<void> {
    await writeFileAtomic(this.path(`clusters-${key}`), JSON.stringify([...clusters])).catch(() => undefined);
  }
}
