import type { AnalysedDocument, CorpusDocument } from '../../corpus/index.js';
import type { Warning } from '../../shared/errors.js';
import type { PreparedDocument } from '../analyse.js';
import type {
  AnalysedFile,
  CorpusStore,
  DocumentFilter,
  FileState,
  StoreTotals,
  ThemeSearch,
} from '../corpusStore.js';
import { DuplicateIndex } from '../duplicateIndex.js';
import { toDocument, type DocumentRow } from '../storedDocument.js';
import type { AnyPhrase, ScopeFilter } from '../textQuery.js';
import { LOCK_CLASS, PgDatabase, STORE_LOCK, type Queryable } from './database.js';
import { PgDuplicateStorage } from './duplicates.js';
import { scopeQueries, tsqueryLiteral, tsvectorLiteral } from './tsearch.js';

/** ts_rank weights for D, C, B, A: a title word counts twice a body word, as in the SQLite store's BM25. */
const RANK_WEIGHTS = '{0.1, 0.2, 0.5, 1.0}';
/** ts_rank normalisation 2: divided by the document's length, as BM25 discounts long documents. */
const RANK_NORMALISATION = 2;
/** After writing this many documents, a store refreshes the planner's statistics when it closes. */
const ANALYZE_AFTER = 1000;

/**
 * The corpus store on a PostgreSQL server, for a team: every host's `brief ingest`, `build`
 * and workers use one database. Same tables and same answers as the SQLite store; full text
 * is two tsvectors of the match keys and forms the SQLite index holds (src/analysis/tokens.ts
 * matchTokens), under GIN indexes, ranked by ts_rank.
 *
 * Writers take one advisory lock per transaction (as SQLite's single writer does), so
 * ingesters on many hosts never insert one record twice or miss each other's copies when
 * clustering; readers (builds) never wait for them.
 */
export class PgStore implements CorpusStore {
  readonly location: string;
  /** Documents this store object wrote. */
  private written = 0;

  private constructor(private readonly db: PgDatabase) {
    this.location = db.location;
  }

  static async open(url: string): Promise<PgStore> {
    return new PgStore(await PgDatabase.connect(url));
  }

  /**
   * After a large ingest the planner's statistics are refreshed at once (autovacuum would, a
   * while later), so that the next brief's queries choose the date or the full-text index well.
   */
  async close(): Promise<void> {
    if (this.written >= ANALYZE_AFTER)
      await this.db.query('ANALYZE documents, fingerprints').catch(() => undefined);
    await this.db.close();
  }

  async fileStates(root: string): Promise<Map<string, FileState>> {
    const rows = await this.db.query<FileState & { path: string }>(
      'SELECT path, size, mtime, hash, analyser FROM files WHERE root = $1',
      [root],
    );
    return new Map(rows.map(({ path, ...state }) => [path, state]));
  }

  async touchFiles(
    root: string,
    files: { path: string; size: number; mtime: number }[],
  ): Promise<void> {
    if (files.length === 0) return;
    await this.db.query(
      `UPDATE files f SET size = t.size, mtime = t.mtime
       FROM unnest($2::text[], $3::bigint[], $4::float8[]) AS t(path, size, mtime)
       WHERE f.root = $1 AND f.path = t.path`,
      [root, files.map((f) => f.path), files.map((f) => f.size), files.map((f) => f.mtime)],
    );
  }

  /**
   * Replace the documents of each file in one transaction, under the store's write lock. A
   * file another writer stored meanwhile with the same content (two ingesters of the same
   * records) is not written again.
   */
  async writeFiles(files: readonly AnalysedFile[], now: string): Promise<void> {
    if (files.length === 0) return;
    await this.db.transaction(async (tx) => {
      await lockForWriting(tx);
      const storage = new PgDuplicateStorage(tx);
      const duplicates = new DuplicateIndex(storage);
      const stored = await storedFiles(tx, files);
      // New files' documents are inserted together, a run at a time, and then indexed one by
      // one in order, which clusters them exactly as inserting them one by one would.
      let run: NewDocument[] = [];
      for (const file of files) {
        const key = `${file.root}\0${file.path}`;
        const same = stored.get(key);
        if (same?.hash === file.hash && same.analyser === file.analyser) continue;
        let previous = new Map<string, string>();
        if (same) {
          await insertDocuments(tx, storage, duplicates, run);
          run = [];
          previous = await removeDocuments(tx, duplicates, file.root, file.path);
        }
        for (const doc of file.documents) {
          run.push({ file, doc, firstSeen: previous.get(`${doc.id}\0${file.hash}`) ?? now });
        }
      }
      await insertDocuments(tx, storage, duplicates, run);
      await storage.flush();
      this.written += files.reduce((n, f) => n + f.documents.length, 0);
      await tx.query(
        `INSERT INTO files (root, path, size, mtime, hash, analyser, problems)
         SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::float8[], $5::text[], $6::text[], $7::text[])
         ON CONFLICT (root, path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime,
           hash = excluded.hash, analyser = excluded.analyser, problems = excluded.problems`,
        [
          files.map((f) => f.root),
          files.map((f) => f.path),
          files.map((f) => f.size),
          files.map((f) => f.mtime),
          files.map((f) => f.hash),
          files.map((f) => f.analyser),
          files.map((f) => JSON.stringify(f.problems)),
        ],
      );
    });
  }

  async removeFiles(root: string, paths: readonly string[]): Promise<void> {
    if (paths.length === 0) return;
    await this.db.transaction(async (tx) => {
      await lockForWriting(tx);
      const storage = new PgDuplicateStorage(tx);
      const duplicates = new DuplicateIndex(storage);
      for (const path of paths) await removeDocuments(tx, duplicates, root, path);
      await storage.flush();
      await tx.query('DELETE FROM files WHERE root = $1 AND path = ANY($2::text[])', [root, paths]);
    });
  }

  async totals(): Promise<StoreTotals> {
    const [row] = await this.db.query<StoreTotals>(
      `SELECT count(*) AS documents, count(*) FILTER (WHERE canonical = 0) AS duplicates,
         (SELECT coalesce(sum(json_array_length(problems::json)), 0)::bigint FROM files) AS problems
       FROM documents`,
    );
    return row ?? { documents: 0, duplicates: 0, problems: 0 };
  }

  async problems(): Promise<Warning[]> {
    const rows = await this.db.query<{ problems: string }>(
      "SELECT problems FROM files WHERE problems <> '[]' ORDER BY root, path",
    );
    return rows.flatMap((row) => JSON.parse(row.problems) as Warning[]);
  }

  async countInWindow(filter: DocumentFilter): Promise<number> {
    const clause = candidateClause(filter);
    const [row] = await this.db.query<{ n: number }>(
      `SELECT count(*) AS n FROM documents d WHERE ${clause.where}`,
      clause.params,
    );
    return row?.n ?? 0;
  }

  async countUndated(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      'SELECT count(*) AS n FROM documents WHERE canonical = 1 AND published IS NULL',
    );
    return row?.n ?? 0;
  }

  /**
   * Each theme's best matches in the window and scope, by ts_rank, in one statement (a lateral
   * join over the themes' queries); the planner chooses between the GIN index and the date
   * index by how much each one keeps.
   */
  async searchThemes(
    phrases: readonly AnyPhrase[],
    filter: DocumentFilter,
    limit: number,
    scope: ScopeFilter = {},
  ): Promise<ThemeSearch> {
    const clause = candidateClause(filter, scope);
    // Each theme: its phrases by key (against `search`) or by form (against `search_forms`);
    // a kind it has none of is NULL, which matches nothing.
    const asked = phrases.flatMap((any, theme) => {
      const keys = tsqueryLiteral(any, 'keys');
      const forms = tsqueryLiteral(any, 'forms');
      return keys === '' && forms === ''
        ? []
        : [{ keys: keys || null, forms: forms || null, theme }];
    });
    const n = clause.params.length;
    const rank = (vector: string, query: string) =>
      `coalesce(ts_rank('${RANK_WEIGHTS}', ${vector}, ${query}, ${RANK_NORMALISATION}), 0)`;
    const rows = await this.db.query<{ theme: number; rowid: number }>(
      `SELECT q.theme, m.rowid
       FROM unnest($${n + 1}::tsquery[], $${n + 2}::tsquery[], $${n + 3}::int[]) AS q(keys, forms, theme)
       CROSS JOIN LATERAL (
         SELECT d.rowid FROM documents d
         WHERE (d.search @@ q.keys OR d.search_forms @@ q.forms) AND ${clause.where}
         ORDER BY ${rank('d.search', 'q.keys')} + ${rank('d.search_forms', 'q.forms')} DESC, d.rowid
         LIMIT $${n + 4}
       ) m`,
      [
        ...clause.params,
        asked.map((a) => a.keys),
        asked.map((a) => a.forms),
        asked.map((a) => a.theme),
        limit,
      ],
    );
    const rowids: number[][] = phrases.map(() => []);
    for (const row of rows) rowids[row.theme]?.push(row.rowid);
    const [count] = await this.db.query<{ n: number }>(
      `SELECT count(*) AS n FROM documents d WHERE ${clause.where}`,
      clause.params,
    );
    return { rowids, candidates: count?.n ?? 0 };
  }

  async load(rowids: readonly number[]): Promise<CorpusDocument[]> {
    if (rowids.length === 0) return [];
    const rows = await this.db.query<DocumentRow>(
      `SELECT rowid, id, cluster, canonical, containment, first_seen, text, data
       FROM documents WHERE rowid = ANY($1::bigint[])`,
      [rowids],
    );
    const byRowid = new Map(rows.map((r) => [r.rowid, r]));
    const clusters = await this.clusterMembers([...new Set(rows.map((r) => r.cluster))]);
    return rowids.flatMap((rowid) => {
      const row = byRowid.get(rowid);
      return row ? [toDocument(row, clusters.get(row.cluster) ?? [])] : [];
    });
  }

  async describe(
    ids: readonly string[],
  ): Promise<{ docId: string; file: string; title: string }[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.query<{ id: string; file: string; title: string }>(
      'SELECT id, file, title FROM documents WHERE id = ANY($1::text[])',
      [ids],
    );
    return rows.map((r) => ({ docId: r.id, file: r.file, title: r.title }));
  }

  async *all(pageSize = 500): AsyncGenerator<CorpusDocument> {
    let after = '';
    for (;;) {
      const ids = (
        await this.db.query<{ rowid: number }>(
          'SELECT rowid FROM documents WHERE id > $1 ORDER BY id LIMIT $2',
          [after, pageSize],
        )
      ).map((r) => r.rowid);
      if (ids.length === 0) return;
      const docs = await this.load(ids);
      yield* docs;
      after = docs.at(-1)?.id ?? '\uffff';
    }
  }

  async find(idOrFile: string): Promise<CorpusDocument | undefined> {
    const [row] = await this.db.query<{ rowid: number }>(
      'SELECT rowid FROM documents WHERE id = $1 OR file = $1 ORDER BY id = $1 DESC, rowid LIMIT 1',
      [idOrFile],
    );
    return row ? (await this.load([row.rowid]))[0] : undefined;
  }

  async ids(): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>('SELECT id FROM documents ORDER BY id');
    return rows.map((r) => r.id);
  }

  private async clusterMembers(
    clusters: readonly number[],
  ): Promise<Map<number, { id: string; canonical: number }[]>> {
    const rows = await this.db.query<{ cluster: number; id: string; canonical: number }>(
      'SELECT cluster, id, canonical FROM documents WHERE cluster = ANY($1::bigint[])',
      [clusters],
    );
    const result = new Map<number, { id: string; canonical: number }[]>();
    for (const row of rows) {
      const list = result.get(row.cluster) ?? [];
      list.push(row);
      result.set(row.cluster, list);
    }
    return result;
  }
}

/** The store's single-writer lock, released when the transaction ends (or its connection dies). */
async function lockForWriting(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS.store, STORE_LOCK.write]);
}

/** What the store holds now for these files (read under the write lock). */
async function storedFiles(
  tx: Queryable,
  files: readonly AnalysedFile[],
): Promise<Map<string, { hash: string; analyser: string }>> {
  const rows = await tx.query<{ root: string; path: string; hash: string; analyser: string }>(
    `SELECT f.root, f.path, f.hash, f.analyser FROM files f
     JOIN unnest($1::text[], $2::text[]) AS t(root, path) ON f.root = t.root AND f.path = t.path`,
    [files.map((f) => f.root), files.map((f) => f.path)],
  );
  return new Map(rows.map((r) => [`${r.root}\0${r.path}`, r]));
}

async function removeDocuments(
  tx: Queryable,
  duplicates: DuplicateIndex,
  root: string,
  path: string,
): Promise<Map<string, string>> {
  const firstSeen = new Map<string, string>();
  const old = await tx.query<{
    rowid: number;
    id: string;
    hash: string;
    first_seen: string;
    cluster: number;
  }>(
    'DELETE FROM documents WHERE root = $1 AND path = $2 RETURNING rowid, id, hash, first_seen, cluster',
    [root, path],
  );
  for (const doc of old) {
    firstSeen.set(`${doc.id}\0${doc.hash}`, doc.first_seen);
    await duplicates.remove(doc.rowid, doc.cluster);
  }
  return firstSeen;
}

interface NewDocument {
  file: AnalysedFile;
  doc: PreparedDocument;
  firstSeen: string;
}

/**
 * Insert documents in one statement (row ids in their order, each its own cluster), then
 * add each to the duplicate index in order. A document whose id another already has (a second
 * folder with the same file names) is inserted on its own with a suffixed id.
 */
async function insertDocuments(
  tx: Queryable,
  storage: PgDuplicateStorage,
  duplicates: DuplicateIndex,
  documents: readonly NewDocument[],
): Promise<void> {
  if (documents.length === 0) return;
  const rows = documents.map((entry) => documentValues(entry));
  const column = (k: number) => rows.map((r) => r[k]);
  const inserted = await tx.query<{ rowid: number; id: string }>(
    `WITH next AS (
       SELECT nextval('documents_rowid_seq') AS rowid, n FROM generate_series(1, $17::int) AS n
     )
     INSERT INTO documents (rowid, cluster, id, root, path, file, hash, title, published, first_seen,
       truncated, length, fingerprints, coarse_fingerprints, text, data, search, search_forms)
     SELECT next.rowid, next.rowid, v.id, v.root, v.path, v.file, v.hash, v.title, v.published,
       v.first_seen, v.truncated, v.length, v.fingerprints, v.coarse, v.text, v.data,
       v.search::tsvector, v.search_forms::tsvector
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
       $8::text[], $9::smallint[], $10::int[], $11::int[], $12::int[], $13::text[], $14::text[],
       $15::text[], $16::text[])
       WITH ORDINALITY AS v(id, root, path, file, hash, title, published, first_seen, truncated,
         length, fingerprints, coarse, text, data, search, search_forms, n)
     JOIN next ON next.n = v.n
     ORDER BY v.n
     ON CONFLICT (id) DO NOTHING
     RETURNING rowid, id`,
    [...Array.from({ length: 16 }, (_, k) => column(k)), documents.length],
  );
  const rowids = new Map(inserted.map((r) => [r.id, r.rowid]));
  await storage.prefetch(documents.flatMap((d) => d.doc.fingerprints.indexed));
  for (const entry of documents) {
    // An id given twice in one run was inserted for its first holder only.
    let rowid = rowids.get(entry.doc.id);
    rowids.delete(entry.doc.id);
    rowid ??= await insertRenamed(tx, entry);
    const { indexed, coarse } = entry.doc.fingerprints;
    storage.noteDocument({ rowid, indexed: indexed.length, coarse, cluster: rowid });
    await duplicates.add(rowid, entry.doc.text, entry.doc.fingerprints);
  }
}

/** The columns id .. search_forms of a document's row. */
function documentValues({ file, doc, firstSeen }: NewDocument, id = doc.id): unknown[] {
  const data =
    id === doc.id
      ? doc.data
      : JSON.stringify({ ...(JSON.parse(doc.data) as AnalysedDocument), id });
  return [
    id,
    file.root,
    file.path,
    doc.file,
    file.hash,
    doc.title,
    doc.published ?? null,
    firstSeen,
    doc.truncated ? 1 : 0,
    doc.text.length,
    doc.fingerprints.indexed.length,
    doc.fingerprints.coarse,
    doc.text,
    data,
    tsvectorLiteral(doc.index.title, doc.index.body),
    tsvectorLiteral(doc.index.titleForms, doc.index.bodyForms),
  ];
}

/** Ids are unique in a store: the first free `<id>~<n>`. */
async function insertRenamed(tx: Queryable, entry: NewDocument): Promise<number> {
  for (let n = 2; ; n++) {
    const [row] = await tx.query<{ rowid: number }>(
      `WITH next AS (SELECT nextval('documents_rowid_seq') AS rowid)
       INSERT INTO documents (rowid, cluster, id, root, path, file, hash, title, published, first_seen,
         truncated, length, fingerprints, coarse_fingerprints, text, data, search, search_forms)
       SELECT next.rowid, next.rowid, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
         $15::tsvector, $16::tsvector
       FROM next
       ON CONFLICT (id) DO NOTHING
       RETURNING rowid`,
      documentValues(entry, `${entry.doc.id}~${n}`),
    );
    if (row) return row.rowid;
  }
}

/**
 * The canonical documents inside a window and a scope, as a WHERE clause over `documents d`
 * with numbered parameters: the scope's full-text conditions as tsqueries.
 */
function candidateClause(
  filter: DocumentFilter,
  scope: ScopeFilter = {},
): { where: string; params: string[] } {
  const params: string[] = [];
  const param = (value: string) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions = ['d.canonical = 1'];
  const column = `d.${filter.field}`;
  const bounds: string[] = [];
  if (filter.from !== undefined) bounds.push(`${column} >= ${param(filter.from)}`);
  if (filter.to !== undefined) bounds.push(`${column} <= ${param(filter.to)}`);
  if (bounds.length > 0) {
    const inRange = bounds.join(' AND ');
    conditions.push(
      filter.field === 'published' && filter.includeUndated
        ? `(${inRange} OR d.published IS NULL)`
        : `(${inRange})`,
    );
  }
  const { require, exclude } = scopeQueries(scope);
  if (require !== '') conditions.push(`d.search @@ ${param(require)}::tsquery`);
  if (exclude !== '') conditions.push(`NOT (d.search @@ ${param(exclude)}::tsquery)`);
  return { where: conditions.join(' AND '), params };
}
