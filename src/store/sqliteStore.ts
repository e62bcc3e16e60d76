import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AnalysedDocument, CorpusDocument } from '../corpus/index.js';
import { BriefError, type Warning } from '../shared/errors.js';
import type { PreparedDocument } from './analyse.js';
import type {
  AnalysedFile,
  CorpusStore,
  DocumentFilter,
  FileState,
  StoreTotals,
  ThemeSearch,
} from './corpusStore.js';
import { DuplicateIndex } from './duplicateIndex.js';
import { documentMatchText } from '../analysis/matchText.js';
import { sqliteDuplicateStorage } from './sqliteDuplicates.js';
import { MATCH_KEYS_SCHEMA, migrate, StoreVersionError } from './schema.js';
import { toDocument, type DocumentRow } from './storedDocument.js';
import { hasScope, scopeToFts5, toFts5, type AnyPhrase, type ScopeFilter } from './textQuery.js';

const BUSY_TIMEOUT_MS = 60_000;

/**
 * The embedded corpus store: one SQLite file (better-sqlite3, synchronous underneath) with
 * indexes by date, by story cluster and by full text (FTS5, BM25).
 */
export class SqliteStore implements CorpusStore {
  readonly file: string;
  readonly location: string;
  private readonly db: Database.Database;
  private readonly duplicates: DuplicateIndex;
  private readonly statements;
  /** The write in progress: writes of one store object run one after another. */
  private writing: Promise<void> = Promise.resolve();

  private constructor(file: string, db: Database.Database) {
    this.file = file;
    this.location = file;
    this.db = db;
    this.duplicates = new DuplicateIndex(sqliteDuplicateStorage(db));
    this.statements = {
      fileState: db.prepare<[string], FileState & { path: string }>(
        'SELECT path, size, mtime, hash, analyser FROM files WHERE root = ?',
      ),
      upsertFile: db.prepare(
        `INSERT INTO files (root, path, size, mtime, hash, analyser, problems) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (root, path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime,
           hash = excluded.hash, analyser = excluded.analyser, problems = excluded.problems`,
      ),
      touchFile: db.prepare('UPDATE files SET size = ?, mtime = ? WHERE root = ? AND path = ?'),
      deleteFile: db.prepare('DELETE FROM files WHERE root = ? AND path = ?'),
      docsOfFile: db.prepare<
        [string, string],
        { rowid: number; id: string; hash: string; first_seen: string; cluster: number }
      >('SELECT rowid, id, hash, first_seen, cluster FROM documents WHERE root = ? AND path = ?'),
      idTaken: db.prepare<[string], { rowid: number }>('SELECT rowid FROM documents WHERE id = ?'),
      insertDoc: db.prepare(
        `INSERT INTO documents (id, root, path, file, hash, title, published, first_seen, truncated, length, fingerprints, coarse_fingerprints, cluster, text, data)
         VALUES (@id, @root, @path, @file, @hash, @title, @published, @firstSeen, @truncated, @length, @fingerprints, @coarse, 0, @text, @data)`,
      ),
      ownCluster: db.prepare('UPDATE documents SET cluster = rowid WHERE rowid = ?'),
      insertFts: db.prepare(
        'INSERT INTO documents_fts (rowid, title, body, title_forms, body_forms) VALUES (@rowid, @title, @body, @titleForms, @bodyForms)',
      ),
      deleteFts: db.prepare('DELETE FROM documents_fts WHERE rowid = ?'),
      deleteDoc: db.prepare('DELETE FROM documents WHERE rowid = ?'),
      totals: db.prepare<[], StoreTotals>(
        `SELECT count(*) AS documents, coalesce(sum(canonical = 0), 0) AS duplicates,
           (SELECT coalesce(sum(json_array_length(problems)), 0) FROM files) AS problems FROM documents`,
      ),
      problems: db.prepare<[], { problems: string }>(
        "SELECT problems FROM files WHERE problems <> '[]' ORDER BY root, path",
      ),
    };
  }

  /** Open (creating if needed) the store at `file`; ':memory:' for a throw-away store. */
  static open(file: string): SqliteStore {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    let db: Database.Database | undefined;
    try {
      db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
      useWal(db);
      db.pragma('synchronous = NORMAL');
      // A larger page cache keeps the index pages a batch of inserts touches in memory.
      db.pragma('cache_size = -32768');
      db.pragma('temp_store = MEMORY');
      const from = migrate(db, file);
      const store = new SqliteStore(file, db);
      if (from > 0 && from < MATCH_KEYS_SCHEMA) store.reindex();
      return store;
    } catch (error) {
      db?.close();
      if (error instanceof StoreVersionError) {
        throw new BriefError('STORE_INVALID', error.message, {
          file,
          hint: 'upgrade briefgen, or move the store aside and run the command again to rebuild it',
          cause: error,
        });
      }
      throw new BriefError(
        'STORE_INVALID',
        `cannot open the corpus store ${file}: ${(error as Error).message}`,
        {
          file,
          hint: 'check the path is writable (--store or BRIEFGEN_STORE), or remove a damaged store file to rebuild it',
          cause: error,
        },
      );
    }
  }

  close(): Promise<void> {
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }

  /** What the store knows of each file of a synced folder. */
  async fileStates(root: string): Promise<Map<string, FileState>> {
    return new Map(this.statements.fileState.all(root).map(({ path, ...state }) => [path, state]));
  }

  /** Record that a file's bytes are unchanged though its size or time stamp moved. */
  async touchFiles(
    root: string,
    files: { path: string; size: number; mtime: number }[],
  ): Promise<void> {
    await this.transaction(() => {
      for (const f of files) this.statements.touchFile.run(f.size, f.mtime, root, f.path);
      return Promise.resolve();
    });
  }

  /**
   * Replace the documents of each file with its new analysis, in one transaction: a killed
   * process leaves either all of these files written or none of them. A document whose id and
   * content were already stored keeps its first-seen time.
   */
  async writeFiles(files: readonly AnalysedFile[], now: string): Promise<void> {
    await this.transaction(async () => {
      for (const file of files) {
        const previous = await this.removeDocuments(file.root, file.path);
        for (const doc of file.documents) {
          const seen = previous.get(`${doc.id}\0${file.hash}`);
          await this.insertDocument(file, doc, seen ?? now);
        }
        this.statements.upsertFile.run(
          file.root,
          file.path,
          file.size,
          file.mtime,
          file.hash,
          file.analyser,
          JSON.stringify(file.problems),
        );
      }
    });
  }

  /** Forget files that left their folder, with their documents. */
  async removeFiles(root: string, paths: readonly string[]): Promise<void> {
    await this.transaction(async () => {
      for (const path of paths) {
        await this.removeDocuments(root, path);
        this.statements.deleteFile.run(root, path);
      }
    });
  }

  /**
   * One write transaction, taken at once (BEGIN IMMEDIATE, waiting out another process's
   * write up to the busy timeout). The duplicate index answers through promises, so this is
   * BEGIN/COMMIT by hand rather than better-sqlite3's synchronous transaction().
   */
  private transaction(work: () => Promise<void>): Promise<void> {
    const run = async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        await work();
        this.db.exec('COMMIT');
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    };
    const result = this.writing.then(run);
    this.writing = result.catch(() => undefined);
    return result;
  }

  async totals(): Promise<StoreTotals> {
    return this.statements.totals.get() ?? { documents: 0, duplicates: 0, problems: 0 };
  }

  /** Problems recorded for files when they were read (binary, empty, bad records...). */
  async problems(): Promise<Warning[]> {
    return this.statements.problems.all().flatMap((row) => JSON.parse(row.problems) as Warning[]);
  }

  /** Canonical documents inside a window: the count on the cover. */
  async countInWindow(filter: DocumentFilter): Promise<number> {
    const { where, params } = candidateClause(filter);
    const row = this.db
      .prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM documents d WHERE ${where}`)
      .get(...params);
    return row?.n ?? 0;
  }

  /** Canonical documents in the window with no published date (left out or counted in). */
  async countUndated(): Promise<number> {
    const row = this.db
      .prepare<[], { n: number }>(
        'SELECT count(*) AS n FROM documents WHERE canonical = 1 AND published IS NULL',
      )
      .get();
    return row?.n ?? 0;
  }

  /**
   * The canonical documents in the window and scope that best match each full-text query, by
   * BM25, at most `limit` per query; and how many documents the window and
   * scope hold. The window and scope are resolved once into a temporary set of row ids (from the
   * date index and one scope query), so each theme's BM25 runs only over its matches inside it.
   */
  async searchThemes(
    phrases: readonly AnyPhrase[],
    filter: DocumentFilter,
    limit: number,
    scope: ScopeFilter = {},
  ): Promise<ThemeSearch> {
    const matches = phrases.map(toFts5);
    if (windowClause(filter).where === '1' && !hasScope(scope)) {
      // Everything is a candidate but the few non-canonical copies.
      const all = this.db.prepare<unknown[], { rowid: number }>(
        `SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?
           AND +rowid NOT IN (SELECT rowid FROM documents WHERE canonical = 0)
         ORDER BY bm25(documents_fts, 2.0, 1.0, 2.0, 1.0) LIMIT ?`,
      );
      const candidates = await this.countInWindow(filter);
      return { rowids: matches.map((m) => all.all(m, limit).map((r) => r.rowid)), candidates };
    }
    const clause = candidateClause(filter, scope);
    this.db.exec(
      'CREATE TEMP TABLE IF NOT EXISTS brief_candidates (rowid INTEGER PRIMARY KEY); DELETE FROM brief_candidates;',
    );
    this.db
      .prepare(`INSERT INTO brief_candidates SELECT d.rowid FROM documents d WHERE ${clause.where}`)
      .run(...clause.params);
    const inSet = this.db.prepare<unknown[], { rowid: number }>(
      `SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?
         AND +rowid IN (SELECT rowid FROM brief_candidates)
       ORDER BY bm25(documents_fts, 2.0, 1.0, 2.0, 1.0) LIMIT ?`,
    );
    const rowids = matches.map((m) => inSet.all(m, limit).map((r) => r.rowid));
    const candidates =
      this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM brief_candidates').get()?.n ??
      0;
    return { rowids, candidates };
  }

  /** Whole documents by row id, in the order asked, with their story cluster filled in. */
  async load(rowids: readonly number[]): Promise<CorpusDocument[]> {
    const rows = this.selectIn<DocumentRow>(
      'SELECT rowid, id, cluster, canonical, containment, first_seen, text, data FROM documents WHERE rowid IN',
      rowids,
    );
    const byRowid = new Map(rows.map((r) => [r.rowid, r]));
    const clusters = this.clusterMembers([...new Set(rows.map((r) => r.cluster))]);
    return rowids.flatMap((rowid) => {
      const row = byRowid.get(rowid);
      return row ? [toDocument(row, clusters.get(row.cluster) ?? [])] : [];
    });
  }

  /** Id, file and title of documents by id (for "also reported by" lists). */
  async describe(
    ids: readonly string[],
  ): Promise<{ docId: string; file: string; title: string }[]> {
    return this.selectIn<{ id: string; file: string; title: string }>(
      'SELECT id, file, title FROM documents WHERE id IN',
      ids,
    ).map((r) => ({ docId: r.id, file: r.file, title: r.title }));
  }

  /** Every document, in id order, a page at a time (for `brief corpus`). */
  async *all(pageSize = 500): AsyncGenerator<CorpusDocument> {
    let after = '';
    for (;;) {
      const ids = this.db
        .prepare<[string, number], { rowid: number }>(
          'SELECT rowid FROM documents WHERE id > ? ORDER BY id LIMIT ?',
        )
        .all(after, pageSize)
        .map((r) => r.rowid);
      if (ids.length === 0) return;
      const docs = await this.load(ids);
      yield* docs;
      after = docs.at(-1)?.id ?? '\uffff';
    }
  }

  /** One document by id or file path. */
  async find(idOrFile: string): Promise<CorpusDocument | undefined> {
    const row = this.db
      .prepare<[string, string], { rowid: number }>(
        'SELECT rowid FROM documents WHERE id = ? OR file = ? LIMIT 1',
      )
      .get(idOrFile, idOrFile);
    return row ? (await this.load([row.rowid]))[0] : undefined;
  }

  /** Every document id (for "did you mean" suggestions). */
  async ids(): Promise<string[]> {
    return this.db
      .prepare<[], { id: string }>('SELECT id FROM documents ORDER BY id')
      .all()
      .map((r) => r.id);
  }

  /**
   * Fill the full-text index anew from the stored documents (after the migration that changed
   * what it holds). Folders are re-analysed on their next sync anyway; records pushed on stdin
   * exist only here, so they are indexed from their stored analysis.
   */
  private reindex(): void {
    const page = this.db.prepare<
      [number],
      { rowid: number; title: string; text: string; data: string }
    >('SELECT rowid, title, text, data FROM documents WHERE rowid > ? ORDER BY rowid LIMIT 500');
    this.db
      .transaction(() => {
        for (let rows = page.all(0); rows.length > 0; rows = page.all(rows.at(-1)?.rowid ?? 0)) {
          for (const row of rows) {
            const doc = JSON.parse(row.data) as Omit<AnalysedDocument, 'text'>;
            const index = documentMatchText({ ...doc, title: row.title, text: row.text });
            this.statements.insertFts.run({ rowid: row.rowid, ...index });
          }
        }
      })
      .immediate();
  }

  private async removeDocuments(root: string, path: string): Promise<Map<string, string>> {
    const firstSeen = new Map<string, string>();
    for (const old of this.statements.docsOfFile.all(root, path)) {
      firstSeen.set(`${old.id}\0${old.hash}`, old.first_seen);
      this.statements.deleteFts.run(old.rowid);
      this.statements.deleteDoc.run(old.rowid);
      await this.duplicates.remove(old.rowid, old.cluster);
    }
    return firstSeen;
  }

  private async insertDocument(
    file: AnalysedFile,
    doc: PreparedDocument,
    firstSeen: string,
  ): Promise<void> {
    const id = this.freeId(doc.id);
    const { lastInsertRowid } = this.statements.insertDoc.run({
      id,
      root: file.root,
      path: file.path,
      file: doc.file,
      hash: file.hash,
      title: doc.title,
      published: doc.published ?? null,
      firstSeen,
      truncated: doc.truncated ? 1 : 0,
      length: doc.text.length,
      fingerprints: doc.fingerprints.indexed.length,
      coarse: doc.fingerprints.coarse,
      text: doc.text,
      data:
        id === doc.id
          ? doc.data
          : JSON.stringify({ ...(JSON.parse(doc.data) as AnalysedDocument), id }),
    });
    const rowid = Number(lastInsertRowid);
    this.statements.ownCluster.run(rowid);
    this.statements.insertFts.run({ rowid, ...doc.index });
    await this.duplicates.add(rowid, doc.text, doc.fingerprints);
  }

  /** Ids are unique in a store: a second folder with the same file names gets suffixed ids. */
  private freeId(id: string): string {
    if (!this.statements.idTaken.get(id)) return id;
    for (let n = 2; ; n++) if (!this.statements.idTaken.get(`${id}~${n}`)) return `${id}~${n}`;
  }

  private clusterMembers(
    clusters: readonly number[],
  ): Map<number, { id: string; canonical: number }[]> {
    const rows = this.selectIn<{ cluster: number; id: string; canonical: number }>(
      'SELECT cluster, id, canonical FROM documents WHERE cluster IN',
      clusters,
    );
    const result = new Map<number, { id: string; canonical: number }[]>();
    for (const row of rows) {
      const list = result.get(row.cluster) ?? [];
      list.push(row);
      result.set(row.cluster, list);
    }
    return result;
  }

  /** `sql IN (...)` over any number of values, in chunks SQLite accepts. */
  private selectIn<T>(sql: string, values: readonly (string | number)[]): T[] {
    const result: T[] = [];
    for (let i = 0; i < values.length; i += 500) {
      const chunk = values.slice(i, i + 500);
      result.push(
        ...this.db
          .prepare<unknown[], T>(`${sql} (${chunk.map(() => '?').join(',')})`)
          .all(...chunk),
      );
    }
    return result;
  }
}

/**
 * The canonical documents inside a window and a scope, as a WHERE clause over `documents d`:
 * the scope's full-text conditions are row-id sets from the FTS index.
 */
function candidateClause(
  filter: DocumentFilter,
  scopeFilter: ScopeFilter = {},
): { where: string; params: string[] } {
  const scope = scopeToFts5(scopeFilter);
  const window = windowClause(filter);
  const conditions = ['d.canonical = 1', window.where];
  const params = [...window.params];
  if (scope.require) {
    conditions.push('d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)');
    params.push(scope.require);
  }
  if (scope.exclude) {
    conditions.push('d.rowid NOT IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)');
    params.push(scope.exclude);
  }
  return { where: conditions.join(' AND '), params };
}

function windowClause(filter: DocumentFilter): { where: string; params: string[] } {
  const column = `d.${filter.field}`;
  const bounds: string[] = [];
  const params: string[] = [];
  if (filter.from !== undefined) {
    bounds.push(`${column} >= ?`);
    params.push(filter.from);
  }
  if (filter.to !== undefined) {
    bounds.push(`${column} <= ?`);
    params.push(filter.to);
  }
  if (bounds.length === 0) return { where: '1', params };
  const inRange = bounds.join(' AND ');
  const where =
    filter.field === 'published' && filter.includeUndated
      ? `(${inRange} OR d.published IS NULL)`
      : `(${inRange})`;
  return { where, params };
}

/**
 * Switch to write-ahead logging. SQLite answers "database is locked" at once, without waiting,
 * while another process is creating the same store, so the switch is retried for a while.
 */
function useWal(db: Database.Database): void {
  const until = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > until) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}
