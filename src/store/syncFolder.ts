import { realpath } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
// The corpus modules themselves, not its index: a sync that finds nothing new must not load
// the parsers (HTML, dates), which the analyser loads on first use.
import { ANALYSER_VERSION } from '../corpus/analyserVersion.js';
import {
  listCorpusFiles,
  manifestEntry,
  type CorpusFile,
  type ListedFile,
} from '../corpus/readCorpusFiles.js';
import { MATCH_KEYS_VERSION } from '../analysis/language/version.js';
import type { Warning } from '../shared/errors.js';
import { createAnalyser, type AnalysedContent } from './analyse.js';
import type { AnalysedFile, CorpusStore } from './corpusStore.js';
import { FINGERPRINT_SCHEME } from './duplicateIndex.js';

/**
 * The version of what a stored analysis depends on: the ingestion code, the fingerprint scheme
 * and how match keys are made for the full-text index.
 */
export const STORED_ANALYSIS = `${ANALYSER_VERSION}.${FINGERPRINT_SCHEME}.${MATCH_KEYS_VERSION}`;

export interface SyncProgress {
  done: number;
  total: number;
}

export interface SyncResult {
  /** Supported files in the folder. */
  files: number;
  /** Files analysed this time (new or changed). */
  analysed: number;
  removed: number;
  /** Problems with files met during this sync (unsupported, unreadable...). */
  warnings: Warning[];
}

export interface SyncOptions {
  now?: () => Date;
  onProgress?: (progress: SyncProgress) => void;
}

/** Files analysed and written per transaction: small enough that a kill loses little work. */
const BATCH = 64;
/** Batches in flight at once: enough to keep every worker busy, few enough to bound memory. */
const LOOKAHEAD = 4;

/**
 * Bring the store in line with a corpus folder: analyse new and changed files (in parallel),
 * forget files that are gone, and leave everything else untouched. A file whose size and time
 * stamp are unchanged is not even read. Corpus files are only ever read.
 */
export async function syncFolder(
  store: CorpusStore,
  dir: string,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const listing = await listCorpusFiles(dir);
  return syncListed(store, dir, listing, { ...options, removeMissing: true });
}

/**
 * Add single files (and the files of folders) without removing anything: `brief ingest a.txt`.
 * Each file is kept under its own folder, so a later sync of that folder finds it known.
 */
export async function ingestFiles(
  store: CorpusStore,
  paths: readonly string[],
  options: SyncOptions = {},
): Promise<SyncResult> {
  const byFolder = new Map<string, string[]>();
  for (const path of paths)
    byFolder.set(dirname(path), [...(byFolder.get(dirname(path)) ?? []), path]);
  const total: SyncResult = { files: 0, analysed: 0, removed: 0, warnings: [] };
  for (const [dir, wanted] of byFolder) {
    const listing = await listCorpusFiles(dir, { recursive: false });
    const names = new Set(wanted.map((p) => relative(dir, p)));
    const result = await syncListed(
      store,
      dir,
      {
        ...listing,
        files: listing.files.filter((f) => names.has(f.file)),
        warnings: listing.warnings.filter((w) => names.has(w.file)),
      },
      { ...options, removeMissing: false },
    );
    total.files += result.files;
    total.analysed += result.analysed;
    total.warnings.push(...result.warnings);
  }
  return total;
}

async function syncListed(
  store: CorpusStore,
  dir: string,
  listing: { files: ListedFile[]; manifests: ListedFile[]; warnings: Warning[] },
  options: SyncOptions & { removeMissing: boolean },
): Promise<SyncResult> {
  const root = await realpath(dir).catch(() => dir);
  const { files, manifests, warnings } = listing;
  const known = await store.fileStates(root);
  const changedManifestDirs = changedFolders(manifests, known);
  const stale = files.filter((f) => {
    const state = known.get(f.file);
    return (
      !state ||
      state.size !== f.size ||
      state.mtime !== f.mtime ||
      state.analyser !== STORED_ANALYSIS ||
      changedManifestDirs.has(dirname(f.file))
    );
  });
  const present = new Set([...files, ...manifests].map((f) => f.file));
  const gone = options.removeMissing ? [...known.keys()].filter((path) => !present.has(path)) : [];
  if (gone.length > 0) await store.removeFiles(root, gone);

  const now = (options.now ?? (() => new Date()))().toISOString();
  const manifestCache = new Map<string, Promise<Record<string, CorpusFile['meta']>>>();
  const analyser = createAnalyser(stale.length);
  let analysed = 0;
  /** Read and analyse one batch in the workers; files whose bytes did not change are only touched. */
  const prepare = async (batch: ListedFile[]) => {
    const results = await Promise.all(
      batch.map(async (listed) =>
        analyser.run({
          listed,
          meta: await manifestEntry(dir, listed, manifestCache, warnings),
          knownHash: knownHash(listed),
        }),
      ),
    );
    const done: AnalysedFile[] = [];
    const touched: ListedFile[] = [];
    results.forEach((result, k) => {
      const listed = batch[k] as ListedFile;
      if (result.kind === 'problem') warnings.push(result.warning);
      else if (result.kind === 'unchanged') touched.push(listed);
      else done.push(toAnalysedFile(root, listed, result.hash, result.content));
    });
    return { done, touched, size: batch.length };
  };
  const knownHash = (listed: ListedFile) => {
    const state = known.get(listed.file);
    return state?.analyser === STORED_ANALYSIS ? state.hash : undefined;
  };
  const pending: ReturnType<typeof prepare>[] = [];
  try {
    // Batches ahead are read and analysed by the workers while this thread writes the oldest.
    let next = 0;
    const fill = () => {
      while (pending.length < LOOKAHEAD && next < stale.length) {
        pending.push(prepare(stale.slice(next, next + BATCH)));
        next += BATCH;
      }
    };
    fill();
    let written = 0;
    while (pending.length > 0) {
      const current = await (pending.shift() as ReturnType<typeof prepare>);
      fill();
      if (current.touched.length > 0) {
        await store.touchFiles(
          root,
          current.touched.map((f) => ({ path: f.file, size: f.size, mtime: f.mtime })),
        );
      }
      await store.writeFiles(current.done, now);
      analysed += current.done.length;
      written += current.size;
      options.onProgress?.({ done: written, total: stale.length });
    }
    // Manifests are recorded like files so that a changed manifest re-reads its folder next time.
    await store.writeFiles(
      manifests
        .filter((m) => changedManifestDirs.has(dirname(m.file)) || !known.has(m.file))
        .map((m) => ({
          root,
          path: m.file,
          size: m.size,
          mtime: m.mtime,
          hash: '',
          analyser: STORED_ANALYSIS,
          documents: [],
          problems: [],
        })),
      now,
    );
  } finally {
    await Promise.allSettled(pending);
    await analyser.close();
  }
  return { files: files.length, analysed, removed: gone.length, warnings };
}

function toAnalysedFile(
  root: string,
  listed: ListedFile,
  hash: string,
  content: AnalysedContent,
): AnalysedFile {
  return {
    root,
    path: listed.file,
    size: listed.size,
    mtime: listed.mtime,
    hash,
    analyser: STORED_ANALYSIS,
    documents: content.documents,
    problems: content.problems,
  };
}

/** Folders whose manifest.yaml is new, changed or gone since the last sync. */
function changedFolders(
  manifests: readonly ListedFile[],
  known: ReadonlyMap<string, { size: number; mtime: number }>,
): Set<string> {
  const result = new Set<string>();
  const current = new Set(manifests.map((m) => m.file));
  for (const m of manifests) {
    const state = known.get(m.file);
    if (!state || state.size !== m.size || state.mtime !== m.mtime) result.add(dirname(m.file));
  }
  for (const path of known.keys())
    if (path.endsWith('manifest.yaml') && !current.has(path)) result.add(dirname(path));
  return result;
}
