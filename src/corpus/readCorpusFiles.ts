import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { BriefError, type Warning } from '../shared/errors.js';
import { isoDay, optionalString } from './formats/dates.js';
import type { ParsedArticle } from './formats/types.js';

/** One file of the corpus, read but not yet parsed. */
export interface CorpusFile {
  /** Relative to the corpus folder, forward slashes. */
  file: string;
  bytes: Buffer;
  /** Hash of the path, the bytes and the manifest entry: the cache key. */
  hash: string;
  /** Metadata for this file from the folder's manifest.yaml, if any. */
  meta: Partial<Pick<ParsedArticle, 'title' | 'url' | 'source' | 'published'>>;
}

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** The sidecar that gives url, source, published or title for files of its folder. */
export const MANIFEST = 'manifest.yaml';

/**
 * The file types briefgen reads (each has a parser in parseCorpusFile.ts). Listed here, apart
 * from the parsers, so that a sync of an unchanged folder does not load them (HTML, dates).
 */
export const SUPPORTED = ['.txt', '.md', '.markdown', '.html', '.htm', '.jsonl', '.json'];
const SUPPORTED_SET = new Set(SUPPORTED);

/** A file of a corpus folder as listed, before it is read. */
export interface ListedFile {
  /** Relative to the corpus folder, forward slashes. */
  file: string;
  path: string;
  size: number;
  mtime: number;
}

/**
 * Every supported file under `dir`, sorted so runs are reproducible, with size and time stamp
 * (so a re-sync reads only what changed). Symbolic links are followed when they point inside
 * the corpus; anything else that cannot be used becomes a warning, never a silent skip.
 */
export async function listCorpusFiles(
  dir: string,
  options: { recursive?: boolean } = {},
): Promise<{ files: ListedFile[]; manifests: ListedFile[]; warnings: Warning[] }> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new BriefError('CORPUS_NOT_FOUND', `corpus folder ${dir} does not exist`, {
      file: dir,
      hint: 'pass --corpus DIR, or set "corpus:" in the brief to a folder of articles',
    });
  }
  const root = await realpath(dir);
  const entries = await readdir(dir, { withFileTypes: true, recursive: options.recursive ?? true });
  const candidates = entries
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && !entry.name.startsWith('.'))
    .map((entry) => ({ path: join(entry.parentPath, entry.name), link: entry.isSymbolicLink() }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const warnings: Warning[] = [];
  // Synchronous stats in one loop: a folder of 100,000 files is listed in well under a second,
  // where as many promises would take several.
  const listed = candidates.map(({ path, link }): ListedFile | Warning => {
    const file = relative(dir, path).split(sep).join('/');
    if (basename(path) !== MANIFEST && !SUPPORTED_SET.has(extname(path).toLowerCase())) {
      return { file, message: `skipped: unsupported file type (supported: ${SUPPORTED.join(', ')})` };
    }
    const problem = link ? linkProblem(path, root) : undefined;
    if (problem) return { file, message: `skipped: ${problem}` };
    try {
      const s = statSync(path);
      if (!s.isFile()) return { file, message: 'skipped: not a regular file' };
      return { file, path, size: s.size, mtime: Math.round(s.mtimeMs) };
    } catch (error) {
      return { file, message: `skipped: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
    }
  });
  const files: ListedFile[] = [];
  const manifests: ListedFile[] = [];
  for (const entry of listed) {
    if (!('path' in entry)) warnings.push(entry);
    else if (basename(entry.path) === MANIFEST) manifests.push(entry);
    else files.push(entry);
  }
  return { files, manifests, warnings };
}

/** A link is followed only when it resolves to a file inside the corpus folder. */
function linkProblem(path: string, root: string): string | undefined {
  let target: string;
  try {
    target = realpathSync(path);
  } catch {
    return 'broken symbolic link';
  }
  const inside = relative(root, target);
  if (inside.startsWith('..') || isAbsolute(inside)) return 'symbolic link to a file outside the corpus folder';
  return undefined;
}

/** The manifest entry of a listed file (manifests are read once per folder). */
export async function manifestEntry(
  dir: string,
  listed: ListedFile,
  manifests: Map<string, Promise<Record<string, CorpusFile['meta']>>>,
  warnings: Warning[],
): Promise<CorpusFile['meta']> {
  return (await manifestFor(join(listed.path, '..'), manifests, warnings, dir))[basename(listed.path)] ?? {};
}

/**
 * Read a listed file's bytes and hash them with its path and manifest entry (the hash says
 * whether a stored analysis still fits). Synchronous: it runs in the ingest workers.
 */
export function readListedFile(listed: ListedFile, meta: CorpusFile['meta']): CorpusFile | Warning {
  let data: Buffer;
  try {
    // The listing's size is enough to refuse a huge file without reading it.
    if (listed.size > MAX_FILE_BYTES) {
      return { file: listed.file, message: `skipped: larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    }
    data = readFileSync(listed.path);
  } catch (error) {
    return { file: listed.file, message: `skipped: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const hash = createHash('sha256').update(listed.file).update('\0').update(data).update(JSON.stringify(meta)).digest('hex');
  return { file: listed.file, bytes: data, hash, meta };
}


/** `manifest.yaml` of a folder: `files: {name.txt: {url, source, published, title}}`, read once per folder. */
function manifestFor(
  folder: string,
  cache: Map<string, Promise<Record<string, CorpusFile['meta']>>>,
  warnings: Warning[],
  root: string,
): Promise<Record<string, CorpusFile['meta']>> {
  let entries = cache.get(folder);
  if (!entries) {
    entries = readManifest(join(folder, MANIFEST), warnings, root);
    cache.set(folder, entries);
  }
  return entries;
}

async function readManifest(path: string, warnings: Warning[], root: string): Promise<Record<string, CorpusFile['meta']>> {
  const entries: Record<string, CorpusFile['meta']> = {};
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return entries;
  try {
    const files = (parse(text) as { files?: Record<string, Record<string, unknown>> } | null)?.files ?? {};
    for (const [name, value] of Object.entries(files)) {
      const title = optionalString(value.title);
      const url = optionalString(value.url);
      const source = optionalString(value.source);
      const published = isoDay(value.published);
      entries[name] = { ...(title ? { title } : {}), ...(url ? { url } : {}), ...(source ? { source } : {}), ...(published ? { published } : {}) };
    }
  } catch {
    warnings.push({ file: relative(root, path).split(sep).join('/'), message: 'manifest is not valid YAML; ignored' });
  }
  return entries;
}
