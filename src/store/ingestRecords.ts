import { createHash } from 'node:crypto';
import type { Warning } from '../shared/errors.js';
import type { AnalysedFile, CorpusStore } from './corpusStore.js';
import { prepareDocument } from './analyse.js';
import { STORED_ANALYSIS } from './syncFolder.js';

/** Records pushed on stdin belong to this pseudo-folder: a folder sync never removes them. */
export const RECORDS_ROOT = '-';
const BATCH = 256;

export interface IngestRecordsResult {
  records: number;
  analysed: number;
  warnings: Warning[];
}

/**
 * Ingest JSON Lines records (as a scraper pushes them: `{"title", "text", "url", "published",
 * "source", "id"}` per line). A record is keyed by its `id`, else its `url`, else its content,
 * so pushing the same record again changes nothing and a corrected record replaces the old one.
 */
export async function ingestRecords(
  store: CorpusStore,
  lines: AsyncIterable<string>,
  options: { now?: () => Date; onProgress?: (n: number) => void } = {},
): Promise<IngestRecordsResult> {
  // Loaded here, not with the store: commands that only read the store never pay for the parsers.
  const { analyseArticle, documentId, parseRecords } = await import('../corpus/index.js');
  const now = (options.now ?? (() => new Date()))().toISOString();
  const warnings: Warning[] = [];
  let batch: AnalysedFile[] = [];
  let records = 0;
  let analysed = 0;
  let lineNo = 0;
  const flush = async () => {
    await store.writeFiles(batch, now);
    analysed += batch.length;
    batch = [];
    options.onProgress?.(records);
  };
  const known = await store.fileStates(RECORDS_ROOT);
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    records++;
    const key = recordKey(line);
    const hash = createHash('sha256').update(line).digest('hex');
    const state = known.get(key);
    if (state?.hash === hash && state.analyser === STORED_ANALYSIS) continue;
    const { articles, problems } = parseRecords(`stdin#${key}`, line, false);
    warnings.push(...problems.map((p) => ({ file: `stdin:${lineNo}`, message: p.message })));
    const documents = articles.map((article) =>
      prepareDocument({
        ...analyseArticle(article),
        id: documentId(`stdin#${key}`),
        file: `stdin#${key}`,
      }),
    );
    if (documents.length === 0) continue;
    batch.push({
      root: RECORDS_ROOT,
      path: key,
      size: line.length,
      mtime: 0,
      hash,
      analyser: STORED_ANALYSIS,
      documents,
      problems: [],
    });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return { records, analysed, warnings };
}

/** A stable key for a record: its own id, else its URL, else a hash of its text. */
function recordKey(line: string): string {
  let value: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(line);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      value = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: keyed by its bytes; parseRecords reports the problem.
  }
  const own = value.id;
  if ((typeof own === 'string' && own.trim() !== '') || typeof own === 'number')
    return safeKey(String(own));
  const url = value.url ?? value.link;
  const basis =
    typeof url === 'string' && url !== ''
      ? url
      : String(value.text ?? value.body ?? value.content ?? line);
  return createHash('sha256').update(basis).digest('hex').slice(0, 16);
}

function safeKey(key: string): string {
  return (
    key
      .trim()
      .replace(/[^\p{L}\p{N}._-]+/gu, '-')
      .slice(0, 80) || 'record'
  );
}
