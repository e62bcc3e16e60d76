import type Database from 'better-sqlite3';

/**
 * The store's schema, as numbered migrations. `PRAGMA user_version` records how many have run;
 * a store made by an older briefgen is migrated forward, and a store made by a newer one is
 * refused rather than misread.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

  -- Files of synced folders: what was seen last time, so a re-sync reads only what changed.
  CREATE TABLE files (
    root TEXT NOT NULL,
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    hash TEXT NOT NULL,
    analyser TEXT NOT NULL,
    problems TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (root, path)
  ) WITHOUT ROWID;

  -- One row per article. 'data' is the analysed document (paragraphs, sentences, removed lines)
  -- as JSON; the columns beside it are what queries filter and sort on.
  CREATE TABLE documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    root TEXT NOT NULL,
    path TEXT NOT NULL,
    file TEXT NOT NULL,
    hash TEXT NOT NULL,
    title TEXT NOT NULL,
    published TEXT,
    first_seen TEXT NOT NULL,
    truncated INTEGER NOT NULL,
    length INTEGER NOT NULL,
    fingerprints INTEGER NOT NULL DEFAULT 0,
    coarse_fingerprints INTEGER NOT NULL DEFAULT 0,
    cluster INTEGER NOT NULL,
    canonical INTEGER NOT NULL DEFAULT 1,
    containment REAL NOT NULL DEFAULT 1,
    text TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX documents_by_path ON documents (root, path);
  CREATE INDEX documents_by_file ON documents (file);
  CREATE INDEX documents_by_published ON documents (canonical, published);
  CREATE INDEX documents_by_first_seen ON documents (canonical, first_seen);
  CREATE INDEX documents_by_cluster ON documents (cluster);

  -- Near-duplicate index: sampled shingle hashes and the documents that hold them. A hash held
  -- by more than a few dozen documents is a stock phrase: it moves to 'stock' and stops
  -- making candidates, so the index stays small and lookups stay cheap.
  CREATE TABLE fingerprints (fp INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (fp, doc)) WITHOUT ROWID;
  CREATE INDEX fingerprints_by_doc ON fingerprints (doc);
  CREATE TABLE stock (fp INTEGER PRIMARY KEY);

  -- Full-text index of titles and cleaned bodies (Porter stems), contentless: the text lives
  -- in 'documents' once. Replaced by migration 2.
  CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, body, content='', contentless_delete=1,
    tokenize='porter unicode61 remove_diacritics 2'
  );
  `,
  `
  -- The index holds what JavaScript makes of each word (src/analysis/tokens.ts, matchTokens):
  -- 'title' and 'body' its match key, stemmed or stripped of particles by the rules of its
  -- paragraph's language, so Russian, Korean or Arabic words match their inflected forms;
  -- 'title_forms' and 'body_forms' the word unstemmed, for prefix terms. Theme terms and
  -- scope names are keyed by the same rules. The tokenizer only splits at spaces: no stemming,
  -- no folding (marks are word characters, as in the keys). The store re-indexes every
  -- document after this migration (CorpusStore.open).
  DROP TABLE documents_fts;
  CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, body, title_forms, body_forms, content='', contentless_delete=1,
    tokenize="unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
  );
  `,
];

/** The first schema version whose full-text index holds match keys. */
export const MATCH_KEYS_SCHEMA = 2;

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Bring a store to the current schema inside one transaction; returns the version it had. */
export function migrate(db: Database.Database, file: string): number {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  const found = version();
  if (found > SCHEMA_VERSION) throw new StoreVersionError(file, found);
  if (found === SCHEMA_VERSION) return found;
  // Read the version again under the write lock: two processes opening a new store at once
  // both see version 0, and the second must not run the migrations the first has just run.
  return db
    .transaction(() => {
      const current = version();
      for (let v = current; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v] ?? '');
      if (current < SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
      return current;
    })
    .immediate();
}

export class StoreVersionError extends Error {
  constructor(
    readonly file: string,
    readonly found: number,
  ) {
    super(`store ${file} has schema version ${found}; this briefgen reads up to ${SCHEMA_VERSION}`);
  }
}
