import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { BriefError, type Warning } from '../shared/errors.js';

export interface RawFile {
  /** Relative to the corpus folder, forward slashes. */
  file: string;
  text: string;
}

const SUPPORTED = new Set(['.txt']);
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Read every supported file under `dir` (sorted, so runs are reproducible); skip bad ones with a warning. */
export async function readCorpusFiles(dir: string): Promise<{ files: RawFile[]; warnings: Warning[] }> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new BriefError('CORPUS_NOT_FOUND', `corpus folder ${dir} does not exist`, {
      file: dir,
      hint: 'pass --corpus DIR, or set "corpus:" in the brief to a folder of .txt articles',
    });
  }
  const warnings: Warning[] = [];
  const files: RawFile[] = [];
  for (const path of await listFiles(dir)) {
    const file = relative(dir, path).split(sep).join('/');
    if (!SUPPORTED.has(extname(path).toLowerCase())) {
      warnings.push({ file, message: `skipped: unsupported file type (supported: ${[...SUPPORTED].join(', ')})` });
      continue;
    }
    const result = await readText(path);
    if (typeof result === 'string') files.push({ file, text: result });
    else warnings.push({ file, message: `skipped: ${result.problem}` });
  }
  return { files, warnings };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

async function readText(path: string): Promise<string | { problem: string }> {
  let bytes: Buffer;
  try {
    const size = (await stat(path)).size;
    if (size > MAX_FILE_BYTES) return { problem: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    bytes = await readFile(path);
  } catch (error) {
    return { problem: `cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (bytes.includes(0)) return { problem: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { problem: 'not valid UTF-8 text' };
  }
  if (text.trim() === '') return { problem: 'empty file' };
  return text;
}
