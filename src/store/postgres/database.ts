import pg from 'pg';
import { BriefError } from '../../shared/errors.js';
import { migrate, StoreVersionError } from './schema.js';
import { shownUrl } from './url.js';

/** Something to run SQL on: the pool, or one connection inside a transaction. */
export interface Queryable {
  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** A connection of its own, kept for as long as a claim lasts (session advisory locks live on it). */
export interface Session extends Queryable {
  /** Give the connection back; `broken` closes it instead (after an error, or to drop its locks). */
  release(broken?: boolean): void;
}

/** Advisory lock keys: (BRIEFGEN, n) for the store's own locks, (CLAIMS, hash of id) per brief. */
export const LOCK_CLASS = { store: 0x62726965, claims: 0x62726966 } as const;
export const STORE_LOCK = { migrate: 1, write: 2 } as const;

/** How long a write waits for another process's write before it gives up. */
const LOCK_TIMEOUT = '60s';

// bigint (counts, row ids) as numbers: every value briefgen stores fits in 2^53.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const open = new Map<string, { database: PgDatabase; users: number }>();

/**
 * One PostgreSQL database, shared by every store and schedule object of the process that
 * names the same URL (one pool, migrated once). Errors that mean the server cannot be reached
 * become one BriefError (STORE_UNAVAILABLE) naming the database, never a stack trace.
 */
export class PgDatabase {
  readonly location: string;
  /** Sessions checked out and not yet released: closed with the database. */
  private readonly sessions = new Set<() => void>();

  private constructor(
    readonly url: string,
    private readonly pool: pg.Pool,
  ) {
    this.location = shownUrl(url);
  }

  /** Connect (sharing an open pool for the same URL) and bring the schema up to date. */
  static async connect(url: string): Promise<PgDatabase> {
    const known = open.get(url);
    if (known) {
      known.users++;
      return known.database;
    }
    const pool = new pg.Pool({
      connectionString: url,
      max: 4,
      idleTimeoutMillis: 10_000,
      connectionTimeoutMillis: 15_000,
      keepAlive: true,
      // Idle connections never keep a finished command's process alive.
      allowExitOnIdle: true,
      application_name: 'briefgen',
      types,
    });
    // An idle connection that the server drops (a restart) must not crash the process: the
    // next query reconnects, or fails with a message.
    pool.on('error', () => undefined);
    const database = new PgDatabase(url, pool);
    open.set(url, { database, users: 1 });
    try {
      await database.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [
          LOCK_CLASS.store,
          STORE_LOCK.migrate,
        ]);
        await migrate(tx, database.location);
      });
    } catch (error) {
      await database.close();
      if (error instanceof StoreVersionError) {
        throw new BriefError('STORE_INVALID', error.message, {
          file: database.location,
          hint: 'upgrade briefgen on this host: another host has migrated the database to a newer schema',
          cause: error,
        });
      }
      throw error;
    }
    return database;
  }

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    try {
      const result = await this.pool.query(sql, params as unknown[]);
      return result.rows as T[];
    } catch (error) {
      throw this.explain(error);
    }
  }

  /** Run `work` in one transaction; a write waits at most LOCK_TIMEOUT for a lock. */
  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const session = await this.session();
    let broken = false;
    try {
      await session.query(`BEGIN; SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
      const result = await work(session);
      await session.query('COMMIT');
      return result;
    } catch (error) {
      await session.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      session.release(broken);
    }
  }

  /** A dedicated connection (for a claim's session lock and its lease). */
  async session(): Promise<Session> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw this.explain(error);
    }
    // A connection the server ends while it is checked out reports here; the query fails anyway.
    const ignore = () => undefined;
    client.on('error', ignore);
    let released = false;
    const release = (broken = false) => {
      if (released) return;
      released = true;
      this.sessions.delete(drop);
      client.removeListener('error', ignore);
      client.release(broken);
    };
    const drop = () => release(true);
    this.sessions.add(drop);
    return {
      query: async <T>(sql: string, params: readonly unknown[] = []) => {
        try {
          return (await client.query(sql, params as unknown[])).rows as T[];
        } catch (error) {
          throw this.explain(error);
        }
      },
      release,
    };
  }

  /** One user fewer; the pool closes with the last. */
  async close(): Promise<void> {
    const known = open.get(this.url);
    if (known && --known.users > 0) return;
    open.delete(this.url);
    // A session still out (a claim never released) is closed, and its locks with it.
    for (const drop of [...this.sessions]) drop();
    await this.pool.end().catch(() => undefined);
  }

  /** A connection failure as a BriefError; anything else (a bug in a statement) as it is. */
  explain(error: unknown): unknown {
    if (error instanceof BriefError) return error;
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    if (typeof code === 'string' && (code === '28P01' || code === '28000')) {
      return new BriefError('STORE_INVALID', `cannot log in to ${this.location}: ${message}`, {
        file: this.location,
        hint: 'check the user and password in --store or BRIEFGEN_DATABASE_URL',
        cause: error,
      });
    }
    if (code === '3D000') {
      return new BriefError('STORE_INVALID', `${this.location}: ${message}`, {
        file: this.location,
        hint: 'create it first (createdb), or name an existing database in --store or BRIEFGEN_DATABASE_URL',
        cause: error,
      });
    }
    if (isUnavailable(code, message)) {
      return new BriefError(
        'STORE_UNAVAILABLE',
        `the PostgreSQL store is unavailable: ${message}`,
        {
          file: this.location,
          hint: 'check that the server is running and reachable; nothing half-done was recorded, and the next run picks up where this one stopped',
          cause: error,
        },
      );
    }
    return error;
  }
}

const NETWORK_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/** Connection exceptions (class 08), the server shutting down or starting (57P0x), the socket gone. */
function isUnavailable(code: unknown, message: string): boolean {
  if (typeof code === 'string') {
    if (NETWORK_ERRORS.has(code) || code.startsWith('08') || /^57P0[1-3]$/.test(code)) return true;
  }
  return /Connection terminated|connection timeout|Client has encountered a connection error|Client was closed/i.test(
    message,
  );
}
