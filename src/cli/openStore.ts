import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { BriefError } from '../shared/errors.js';
import {
  defaultStorePath,
  isDatabaseUrl,
  openStore,
  syncFolder,
  type CorpusStore,
} from '../store/index.js';
import type { Reporter } from './reporter.js';

export interface OpenStoreOptions {
  cwd: string;
  /** The corpus folder (absolute). */
  dir: string;
  /** --store, if given. */
  store?: string | undefined;
  report: Reporter;
  /** Bring the store in line with the folder first (default true). */
  sync?: boolean;
}

/**
 * The store of a corpus folder, synced with the folder: only new and changed files are read.
 * A folder that does not exist is fine when the store already holds records pushed with
 * `brief ingest -`; an empty result is an error that says what to do.
 */
export async function openCorpusStore(options: OpenStoreOptions): Promise<CorpusStore> {
  const { dir, report } = options;
  const file = storeFile(options.cwd, dir, options.store);
  const store = await openStore(file);
  try {
    if (options.sync !== false && (existsSync(dir) || (await store.totals()).documents === 0)) {
      const started = Date.now();
      const sync = await syncFolder(store, dir, {
        onProgress: ({ done, total }) =>
          report.progress(
            `ingesting ${dir}: ${done}/${total} files (${perSecond(done, started)}/s)`,
          ),
      });
      for (const warning of sync.warnings) report.warn(warning.file, warning.message);
    }
    for (const warning of await store.problems()) report.warn(warning.file, warning.message);
    if ((await store.totals()).documents === 0) {
      throw new BriefError('CORPUS_EMPTY', `corpus folder ${dir} has no readable articles`, {
        file: dir,
        hint: 'add .txt files (first line: the headline), point --corpus at another folder, or push records with brief ingest -',
      });
    }
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * The store for a corpus folder: --store if given (a file, or a postgres:// URL), else
 * $BRIEFGEN_DATABASE_URL or $BRIEFGEN_STORE, else the folder's own store file.
 */
export function storeFile(cwd: string, dir: string, store: string | undefined): string {
  if (store) return isDatabaseUrl(store) ? store : resolve(cwd, store);
  return defaultStorePath(dir);
}

export function perSecond(done: number, started: number): number {
  return Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
}

/**
 * The team database, when the store is one (team mode: corpus, schedule state and run history
 * in PostgreSQL): --store if it is a postgres:// URL, else $BRIEFGEN_DATABASE_URL, else a URL
 * in $BRIEFGEN_STORE.
 */
export function teamDatabase(
  store: string | undefined,
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  if (store) return isDatabaseUrl(store) ? store : undefined;
  if (env.BRIEFGEN_DATABASE_URL) return env.BRIEFGEN_DATABASE_URL;
  return env.BRIEFGEN_STORE && isDatabaseUrl(env.BRIEFGEN_STORE) ? env.BRIEFGEN_STORE : undefined;
}
