import type Database from 'better-sqlite3';
import type { Candidate, ClusterMember, DuplicateStorage } from './duplicateIndex.js';

/** The duplicate index's tables in the SQLite store; lists travel as JSON arrays (json_each). */
export function sqliteDuplicateStorage(db: Database.Database): DuplicateStorage {
  const postings = db.prepare<[string], { fp: number; doc: number }>(
    'SELECT fp, doc FROM fingerprints WHERE fp IN (SELECT value FROM json_each(?))',
  );
  const addPostings = db.prepare(
    'INSERT OR IGNORE INTO fingerprints (fp, doc) SELECT value, ? FROM json_each(?) WHERE value NOT IN (SELECT fp FROM stock)',
  );
  const addStock = db.prepare('INSERT OR IGNORE INTO stock (fp) VALUES (?)');
  const dropPostings = db.prepare('DELETE FROM fingerprints WHERE fp = ?');
  const candidates = db.prepare<[string], Candidate>(
    'SELECT rowid, fingerprints AS indexed, coarse_fingerprints AS coarse, cluster FROM documents WHERE rowid IN (SELECT value FROM json_each(?))',
  );
  const texts = db.prepare<[string], { rowid: number; text: string }>(
    'SELECT rowid, text FROM documents WHERE rowid IN (SELECT value FROM json_each(?))',
  );
  const members = db.prepare<[number], ClusterMember>(
    'SELECT rowid, id, truncated, length, text FROM documents WHERE cluster = ?',
  );
  const moveCluster = db.prepare('UPDATE documents SET cluster = ? WHERE cluster = ?');
  const setCanonical = db.prepare(
    'UPDATE documents SET canonical = ?, containment = ? WHERE rowid = ?',
  );
  const dropDoc = db.prepare('DELETE FROM fingerprints WHERE doc = ?');
  // better-sqlite3 answers at once: each method is its statement, wrapped in a settled promise.
  return {
    addPostings(doc, fps) {
      const list = JSON.stringify(fps);
      const held = postings.all(list);
      addPostings.run(doc, list);
      return Promise.resolve(held);
    },
    markStock(fps) {
      for (const fp of fps) {
        addStock.run(fp);
        dropPostings.run(fp);
      }
      return Promise.resolve();
    },
    candidates: (docs) => Promise.resolve(candidates.all(JSON.stringify(docs))),
    texts: (docs) =>
      Promise.resolve(new Map(texts.all(JSON.stringify(docs)).map((r) => [r.rowid, r.text]))),
    members: (cluster) => Promise.resolve(members.all(cluster)),
    moveCluster: (from, to) => done(moveCluster.run(to, from)),
    setCanonical: (rowid, canonical, containment) =>
      done(setCanonical.run(canonical ? 1 : 0, containment, rowid)),
    removePostings: (doc) => done(dropDoc.run(doc)),
  };
}

function done(_result: unknown): Promise<void> {
  return Promise.resolve();
}
