import type { Queryable } from './database.js';

/**
 * The PostgreSQL schema, as numbered migrations (briefgen_schema holds how many have run).
 * Every host migrates on connect under an advisory lock, so the first briefgen of a new
 * version upgrades the database once; a database migrated by a newer briefgen is refused.
 *
 * Text that is compared or sorted (ids, paths, ISO dates) is COLLATE "C": byte order, as in
 * SQLite, whatever the server's locale.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE files (
    root text COLLATE "C" NOT NULL,
    path text COLLATE "C" NOT NULL,
    size bigint NOT NULL,
    mtime double precision NOT NULL,
    hash text NOT NULL,
    analyser text NOT NULL,
    problems text NOT NULL DEFAULT '[]',
    PRIMARY KEY (root, path)
  );

  -- One row per article; 'data' is the analysed document as JSON, 'search' and
  -- 'search_forms' its full-text index entries: the match keys and the forms (for prefix
  -- terms) of its title (weight A) and body (B), as briefgen computes them.
  CREATE SEQUENCE documents_rowid_seq;
  CREATE TABLE documents (
    rowid bigint PRIMARY KEY DEFAULT nextval('documents_rowid_seq'),
    id text COLLATE "C" NOT NULL UNIQUE,
    root text COLLATE "C" NOT NULL,
    path text COLLATE "C" NOT NULL,
    file text COLLATE "C" NOT NULL,
    hash text NOT NULL,
    title text NOT NULL,
    published text COLLATE "C",
    first_seen text COLLATE "C" NOT NULL,
    truncated smallint NOT NULL,
    length integer NOT NULL,
    fingerprints integer NOT NULL DEFAULT 0,
    coarse_fingerprints integer NOT NULL DEFAULT 0,
    cluster bigint NOT NULL,
    canonical smallint NOT NULL DEFAULT 1,
    containment double precision NOT NULL DEFAULT 1,
    text text NOT NULL,
    data text NOT NULL,
    search tsvector NOT NULL,
    search_forms tsvector NOT NULL
  );
  ALTER SEQUENCE documents_rowid_seq OWNED BY documents.rowid;
  CREATE INDEX documents_by_path ON documents (root, path);
  CREATE INDEX documents_by_file ON documents (file);
  CREATE INDEX documents_by_published ON documents (canonical, published);
  CREATE INDEX documents_by_first_seen ON documents (canonical, first_seen);
  CREATE INDEX documents_by_cluster ON documents (cluster);
  CREATE INDEX documents_search ON documents USING gin (search);
  CREATE INDEX documents_search_forms ON documents USING gin (search_forms);
  -- lz4 (PostgreSQL 14 and later, where built with it) compresses the long columns several
  -- times faster than the default; elsewhere the default stays.
  DO $$
  BEGIN
    ALTER TABLE documents ALTER COLUMN text SET COMPRESSION lz4,
      ALTER COLUMN data SET COMPRESSION lz4, ALTER COLUMN search SET COMPRESSION lz4,
      ALTER COLUMN search_forms SET COMPRESSION lz4;
  EXCEPTION WHEN OTHERS THEN NULL;
  END $$;

  -- The near-duplicate index (src/store/duplicateIndex.ts): sampled shingle hashes.
  CREATE TABLE fingerprints (fp bigint NOT NULL, doc bigint NOT NULL, PRIMARY KEY (fp, doc));
  CREATE INDEX fingerprints_by_doc ON fingerprints (doc);
  CREATE TABLE stock (fp bigint PRIMARY KEY);

  -- Team mode's schedule (src/schedule/pgScheduleStore.ts): each brief's last successful run
  -- as the state file records it, the claims of the workers building now, and every run.
  CREATE TABLE schedule_state (
    brief_id text COLLATE "C" PRIMARY KEY,
    record jsonb,
    failure_notice text
  );
  CREATE TABLE schedule_claims (
    brief_id text COLLATE "C" PRIMARY KEY,
    token text NOT NULL,
    worker text NOT NULL,
    slot text,
    claimed_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    backend_pid integer NOT NULL
  );
  CREATE TABLE schedule_runs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    brief_id text COLLATE "C" NOT NULL,
    slot text NOT NULL,
    as_of text NOT NULL,
    worker text NOT NULL,
    started_at timestamptz NOT NULL,
    finished_at timestamptz NOT NULL,
    duration_ms integer NOT NULL,
    outcome text NOT NULL CHECK (outcome IN ('built', 'skipped', 'failed')),
    output text,
    error text
  );
  CREATE INDEX schedule_runs_by_brief ON schedule_runs (brief_id, finished_at);
  CREATE INDEX schedule_runs_by_time ON schedule_runs (finished_at);
  `,
];

export const PG_SCHEMA_VERSION = MIGRATIONS.length;

/** Bring the database to the current schema; the caller holds the migration lock in a transaction. */
export async function migrate(tx: Queryable, location: string): Promise<number> {
  await tx.query('CREATE TABLE IF NOT EXISTS briefgen_schema (version integer NOT NULL)');
  const [row] = await tx.query<{ version: number }>('SELECT version FROM briefgen_schema');
  const current = row?.version ?? 0;
  if (current > PG_SCHEMA_VERSION) throw new StoreVersionError(location, current);
  if (current === PG_SCHEMA_VERSION) return current;
  for (let v = current; v < PG_SCHEMA_VERSION; v++) await tx.query(MIGRATIONS[v] ?? '');
  await tx.query('DELETE FROM briefgen_schema');
  await tx.query('INSERT INTO briefgen_schema (version) VALUES ($1)', [PG_SCHEMA_VERSION]);
  return current;
}

export class StoreVersionError extends Error {
  constructor(
    readonly location: string,
    readonly found: number,
  ) {
    super(
      `the database ${location} has schema version ${found}; this briefgen reads up to ${PG_SCHEMA_VERSION}`,
    );
  }
}
