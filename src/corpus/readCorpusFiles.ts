import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { BriefError, type Warning } from '../shared/errors.js';
import { mapLimit } from '../shared/mapLimit.js';
import { isoDay, optionalString } from './formats/dates.js';
import { parseHtml } from './formats/parseHtml.js';
import { parseMarkdown } from './formats/parseMarkdown.js';
import { parseRecords } from './formats/parseRecords.js';
import type { ParsedArticle, ParseResult } from './formats/types.js';

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
const READ_CONCURRENCY = 32;
/** The sidecar that gives url, source, published or title for files of its folder. */
export const MANIFEST = 'manifest.yaml';

const PARSERS: Record<string, (file: string, text: string) => ParseResult> = {
  '.txt': (file, text) => ({ articles: [{ file, text }], problems: [] }),
  '.md': parseMarkdown,
  '.markdown': parseMarkdown,
  '.html': parseHtml,
  '.htm': parseHtml,
  '.jsonl': (file, text) => parseRecords(file, text, true),
  '.json': (file, text) => parseRecords(file, text, false),
};
export const SUPPORTED = Object.keys(PARSERS);

/** Read every file under `dir` (sorted, so runs are reproducible); bad files become warnings. */
export async function readCorpusFiles(dir: string): Promise<{ files: CorpusFile[]; warnings: Warning[] }> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new BriefError('CORPUS_NOT_FOUND', `corpus folder ${dir} does not exist`, {
      file: dir,
      hint: 'pass --corpus DIR, or set "corpus:" in the brief to a folder of articles',
    });
  }
  const warnings: Warning[] = [];
  const manifests = new Map<string, Promise<Record<string, CorpusFile['meta']>>>();
  const paths = (await listFiles(dir)).filter((path) => basename(path) !== MANIFEST);
  // Files are read concurrently (I/O bound); results keep the sorted order.
  const results = await mapLimit(paths, READ_CONCURRENCY, async (path): Promise<CorpusFile | Warning> => {
    const file = relative(dir, path).split(sep).join('/');
    if (!(extname(path).toLowerCase() in PARSERS)) {
      return { file, message: `skipped: unsupported file type (supported: ${SUPPORTED.join(', ')})` };
    }
    const bytes = await readBytes(path);
    if ('problem' in bytes) return { file, message: `skipped: ${bytes.problem}` };
    const meta = (await manifestFor(join(path, '..'), manifests, warnings, dir))[basename(path)] ?? {};
    const hash = createHash('sha256').update(file).update('\0').update(bytes.data).update(JSON.stringify(meta)).digest('hex');
    return { file, bytes: bytes.data, hash, meta };
  });
  const files = results.filter((r): r is CorpusFile => 'bytes' in r);
  warnings.push(...results.filter((r): r is Warning => !('bytes' in r)));
  return { files, warnings };
}

/** Parse one file into articles: text checks first (binary, UTF-8, empty), then its format. */
export function parseCorpusFile(file: CorpusFile): ParseResult {
  if (file.bytes.includes(0)) return { articles: [], problems: [{ file: file.file, message: 'skipped: binary file (contains NUL bytes)' }] };
  let text: string;
  try {
    text = utf8.decode(file.bytes);
  } catch {
    return { articles: [], problems: [{ file: file.file, message: 'skipped: not valid UTF-8 text' }] };
  }
  if (text.trim() === '') return { articles: [], problems: [{ file: file.file, message: 'skipped: empty file' }] };
  const parser = PARSERS[extname(file.file).toLowerCase()] ?? PARSERS['.txt'];
  const result = parser?.(file.file, text) ?? { articles: [], problems: [] };
  return { ...result, articles: result.articles.map((a) => ({ ...file.meta, ...a, ...definedOnly(file.meta) })) };
}

/** Manifest values win over what a file says of itself. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

async function readBytes(path: string): Promise<{ data: Buffer } | { problem: string }> {
  try {
    const size = (await stat(path)).size;
    if (size > MAX_FILE_BYTES) return { problem: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    return { data: await readFile(path) };
  } catch (error) {
    return { problem: `cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
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
