import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

/** The run's PostgreSQL server (test/helpers/globalSetup.ts); '' where none is installed. */
export const PG_URL = inject('pgUrl');
export const hasPostgres = PG_URL !== '';

/** A URL naming another database on the server of `url`. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Run SQL against a database (for setting up and inspecting what briefgen wrote). */
export async function sql<T = Record<string, unknown>>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * Fresh databases for a test file on the run's server (or on `server`), each dropped when
 * the file's tests are done: one server per run, one database per test, so tests stay apart
 * and fast.
 */
export function useDatabases(server = (): string => PG_URL): () => Promise<string> {
  const made: { admin: string; name: string }[] = [];
  afterAll(async () => {
    for (const { admin, name } of made)
      await sql(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  });
  return async () => {
    const admin = server();
    const name = `briefgen_test_${randomBytes(6).toString('hex')}`;
    await sql(admin, `CREATE DATABASE ${name}`);
    made.push({ admin, name });
    return databaseUrl(admin, name);
  };
}
