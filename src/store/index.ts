import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Corpus } from '../corpus/index.js';
import type { CorpusStore } from './corpusStore.js';
import { isDatabaseUrl } from './postgres/url.js';
import { SqliteStore } from './sqliteStore.js';
import { syncFolder, type SyncOptions } from './syncFolder.js';

export type {
  AnalysedFile,
  CorpusStore,
  DocumentFilter,
  StoreTotals,
  ThemeSearch,
} from './corpusStore.js';
export type { AnyPhrase, Phrase, ScopeFilter } from './textQuery.js';
export { SqliteStore } from './sqliteStore.js';
export { isDatabaseUrl } from './postgres/url.js';
// PgStore and PgDatabase are imported from ./postgres/index.js by what needs them: loading the
// PostgreSQL client costs every SQLite-mode command ~50 ms.
export type { Queryable, Session } from './postgres/database.js';
export {
  ingestFiles,
  syncFolder,
  STORED_ANALYSIS,
  type SyncProgress,
  type SyncResult,
} from './syncFolder.js';
export { ingestRecords, RECORDS_ROOT } from './ingestRecords.js';
export { SCHEMA_VERSION } from './schema.js';

/**
 * Where the store of a corpus folder lives: the PostgreSQL database of
 * `$BRIEFGEN_DATABASE_URL` if set (team mode: one store for everything), else
 * `$BRIEFGEN_STORE` if set (one store for every folder: a file, or a postgres:// URL), else
 * one file per folder under `$BRIEFGEN_STORE_DIR`, else under `$XDG_DATA_HOME/briefgen/stores`
 * (`~/.local/share/briefgen/stores`). Never inside the corpus folder, which briefgen only
 * reads. It is data, not a cache: records pushed with `brief ingest -` live only here.
 */
export function defaultStorePath(corpusDir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.BRIEFGEN_DATABASE_URL) return env.BRIEFGEN_DATABASE_URL;
  if (env.BRIEFGEN_STORE)
    return isDatabaseUrl(env.BRIEFGEN_STORE) ? env.BRIEFGEN_STORE : resolve(env.BRIEFGEN_STORE);
  const dir =
    env.BRIEFGEN_STORE_DIR ??
    join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'briefgen', 'stores');
  let folder = resolve(corpusDir);
  try {
    folder = realpathSync(folder);
  } catch {
    // A folder that does not exist yet (records only): its path is its name.
  }
  const slug = basename(folder).replace(/[^\w.-]+/g, '-') || 'corpus';
  return join(
    dir,
    `${slug}-${createHash('sha256').update(folder).digest('hex').slice(0, 10)}.sqlite`,
  );
}

/** Open the store at a location: a postgres:// URL (team mode) or a SQLite file. */
export async function openStore(location: string): Promise<CorpusStore> {
  if (!isDatabaseUrl(location)) return SqliteStore.open(location);
  const { PgStore } = await import('./postgres/index.js');
  return PgStore.open(location);
}

export interface LoadCorpusOptions extends SyncOptions {
  /** A store to use (and keep): a file or a postgres:// URL; default: a throw-away store in memory. */
  store?: string;
}

/**
 * Every document of a corpus folder in memory, through a store: for small corpora, the
 * evaluation and tests. Briefs over real corpora query the store instead (src/brief/queryStore).
 */
export async function loadCorpus(dir: string, options: LoadCorpusOptions = {}): Promise<Corpus> {
  const store = await openStore(options.store ?? ':memory:');
  try {
    const sync = await syncFolder(store, dir, options);
    const documents = [];
    for await (const doc of store.all()) documents.push(doc);
    return {
      dir,
      documents,
      warnings: [...sync.warnings, ...(await store.problems())],
      stats: { files: sync.files, analysed: sync.analysed },
    };
  } finally {
    await store.close();
  }
}
