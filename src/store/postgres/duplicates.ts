import type { Candidate, ClusterMember, DuplicateStorage } from '../duplicateIndex.js';
import type { Queryable } from './database.js';

/**
 * The duplicate index's tables in PostgreSQL, for one write transaction. A round trip per
 * document and fingerprint lookup would make ingest wait on the network, so the postings of a
 * run of new documents are read in one statement (`prefetch`), kept here as the transaction
 * changes them, and written back in a few statements (`flush`, before the commit). The
 * clustering logic (src/store/duplicateIndex.ts) sees the same answers as from the tables.
 */
export class PgDuplicateStorage implements DuplicateStorage {
  /** fp → documents holding it: exact for every fingerprint in `known`. */
  private readonly holders = new Map<number, Set<number>>();
  private readonly known = new Set<number>();
  private readonly stock = new Set<number>();
  /** Row id → its sample sizes and cluster, for every document in `holders`. */
  private readonly documents = new Map<number, Candidate>();
  private readonly added: { fp: number; doc: number }[] = [];
  private readonly newStock = new Set<number>();
  private readonly removedDocs = new Set<number>();

  constructor(private readonly tx: Queryable) {}

  /** Read the postings (with their documents' cluster columns) of these fingerprints. */
  async prefetch(fingerprints: Iterable<number>): Promise<void> {
    const wanted = [...new Set(fingerprints)].filter((fp) => !this.known.has(fp));
    if (wanted.length === 0) return;
    const rows = await this.tx.query<{ fp: number; stock: boolean } & Candidate>(
      `SELECT s.fp, true AS stock, 0 AS rowid, 0 AS indexed, 0 AS coarse, 0 AS cluster
       FROM stock s WHERE s.fp = ANY($1::bigint[])
       UNION ALL
       SELECT f.fp, false, d.rowid, d.fingerprints, d.coarse_fingerprints, d.cluster
       FROM fingerprints f JOIN documents d ON d.rowid = f.doc
       WHERE f.fp = ANY($1::bigint[])`,
      [wanted],
    );
    for (const fp of wanted) {
      this.known.add(fp);
      this.holders.set(fp, new Set());
    }
    for (const { fp, stock, ...doc } of rows) {
      if (stock) this.stock.add(fp);
      else if (!this.removedDocs.has(doc.rowid)) {
        this.holders.get(fp)?.add(doc.rowid);
        if (!this.documents.has(doc.rowid)) this.documents.set(doc.rowid, doc);
      }
    }
  }

  /** A document inserted in this transaction, before its postings are added. */
  noteDocument(doc: Candidate): void {
    this.documents.set(doc.rowid, doc);
  }

  /** Write what the transaction changed: removed documents' postings, new postings, new stock. */
  async flush(): Promise<void> {
    if (this.removedDocs.size > 0) {
      await this.tx.query('DELETE FROM fingerprints WHERE doc = ANY($1::bigint[])', [
        [...this.removedDocs],
      ]);
    }
    const added = this.added.filter((p) => !this.newStock.has(p.fp));
    if (added.length > 0) {
      await this.tx.query(
        `INSERT INTO fingerprints (fp, doc) SELECT * FROM unnest($1::bigint[], $2::bigint[])
         ON CONFLICT DO NOTHING`,
        [added.map((p) => p.fp), added.map((p) => p.doc)],
      );
    }
    if (this.newStock.size > 0) {
      const stock = [...this.newStock];
      await this.tx.query(
        `WITH added AS (INSERT INTO stock (fp) SELECT unnest($1::bigint[]) ON CONFLICT DO NOTHING)
         DELETE FROM fingerprints WHERE fp = ANY($1::bigint[])`,
        [stock],
      );
    }
    this.added.length = 0;
    this.newStock.clear();
    this.removedDocs.clear();
  }

  async addPostings(doc: number, fingerprints: readonly number[]) {
    await this.prefetch(fingerprints);
    const held: { fp: number; doc: number }[] = [];
    for (const fp of new Set(fingerprints)) {
      if (this.stock.has(fp)) continue;
      const docs = this.holders.get(fp) ?? new Set<number>();
      for (const other of docs) held.push({ fp, doc: other });
      if (!docs.has(doc)) {
        docs.add(doc);
        this.added.push({ fp, doc });
      }
      this.holders.set(fp, docs);
    }
    return held;
  }

  markStock(fingerprints: readonly number[]): Promise<void> {
    for (const fp of fingerprints) {
      this.stock.add(fp);
      this.newStock.add(fp);
      this.holders.set(fp, new Set());
    }
    return Promise.resolve();
  }

  async candidates(docs: readonly number[]): Promise<Candidate[]> {
    const known = docs.flatMap((doc) => this.documents.get(doc) ?? []);
    if (known.length === docs.length) return known;
    return this.tx.query<Candidate>(
      `SELECT rowid, fingerprints AS indexed, coarse_fingerprints AS coarse, cluster
       FROM documents WHERE rowid = ANY($1::bigint[])`,
      [docs],
    );
  }

  async texts(docs: readonly number[]): Promise<Map<number, string>> {
    const rows = await this.tx.query<{ rowid: number; text: string }>(
      'SELECT rowid, text FROM documents WHERE rowid = ANY($1::bigint[])',
      [docs],
    );
    return new Map(rows.map((r) => [r.rowid, r.text]));
  }

  members(cluster: number): Promise<ClusterMember[]> {
    return this.tx.query<ClusterMember>(
      'SELECT rowid, id, truncated, length, text FROM documents WHERE cluster = $1',
      [cluster],
    );
  }

  async moveCluster(from: number, to: number): Promise<void> {
    await this.tx.query('UPDATE documents SET cluster = $1 WHERE cluster = $2', [to, from]);
    for (const doc of this.documents.values()) if (doc.cluster === from) doc.cluster = to;
  }

  async setCanonical(rowid: number, canonical: boolean, containment: number): Promise<void> {
    await this.tx.query('UPDATE documents SET canonical = $1, containment = $2 WHERE rowid = $3', [
      canonical ? 1 : 0,
      containment,
      rowid,
    ]);
  }

  removePostings(doc: number): Promise<void> {
    this.removedDocs.add(doc);
    this.documents.delete(doc);
    for (const docs of this.holders.values()) docs.delete(doc);
    for (let i = this.added.length - 1; i >= 0; i--)
      if (this.added[i]?.doc === doc) this.added.splice(i, 1);
    return Promise.resolve();
  }
}
