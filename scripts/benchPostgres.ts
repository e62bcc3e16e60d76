/**
 * The corpus-scale rows of `npm run bench` on a PostgreSQL store (team mode): ingest rate and
 * the same two briefs as on SQLite, against the SQLite figures. The server is
 * $BRIEFGEN_BENCH_DATABASE_URL (a maintenance database such as postgres://…/postgres; one
 * database per size is created and dropped in it), else a throw-away local one started as the
 * tests do; without either the rows say why they are missing.
 */
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { findPostgresBin, startPostgres, type PostgresServer } from './postgresServer.js';

export interface ScaleFigures {
  size: number;
  corpus: string;
  /** The SQLite build times (ms) of the week brief and the window: all brief. */
  weekMs: number;
  allMs: number;
  /** A brief file and its id, for each of the two briefs. */
  week: { file: string; id: string };
  all: { file: string; id: string };
}

export interface BenchTools {
  cli: string;
  asOf: string;
  runs: number;
  tmp: string;
  median(values: number[]): number;
}

export async function postgresRows(
  figures: readonly ScaleFigures[],
  tools: BenchTools,
): Promise<string[]> {
  const title = `PostgreSQL store (same corpora and briefs; medians of ${tools.runs} whole processes)`;
  const given = process.env.BRIEFGEN_BENCH_DATABASE_URL;
  let server: PostgresServer | undefined;
  if (!given) {
    if (!findPostgresBin())
      return [title, '  not measured: no BRIEFGEN_BENCH_DATABASE_URL and no local PostgreSQL'];
    server = await startPostgres(tmpdir());
  }
  const admin = given ?? server?.url ?? '';
  const lines = [title, '  articles   ingest            weekly (7 days)        window: all'];
  try {
    for (const f of figures) {
      const database = `briefgen_bench_${f.size}`;
      await adminSql(admin, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await adminSql(admin, `CREATE DATABASE ${database}`);
      const url = withDatabase(admin, database);
      const ingest = timed(tools.cli, ['ingest', f.corpus, '--store', url, '--quiet']);
      const build = (brief: { file: string }) =>
        tools.median(
          Array.from({ length: tools.runs }, () =>
            timed(tools.cli, [
              'build',
              brief.file,
              '--corpus',
              f.corpus,
              '--store',
              url,
              '--out',
              `${tools.tmp}/pg-out-${f.size}`,
              '--as-of',
              tools.asOf,
              '--quiet',
            ]),
          ),
        );
      const week = build(f.week);
      const all = build(f.all);
      const ratio = (ms: number, sqlite: number) => `${(ms / sqlite).toFixed(2)}x SQLite`;
      lines.push(
        `  ${String(f.size).padStart(8)}   ${(ingest / 1000).toFixed(1).padStart(6)} s ${(f.size / (ingest / 1000)).toFixed(0).padStart(5)}/s  ` +
          `${ms(week).padStart(8)} ${ratio(week, f.weekMs).padStart(12)}  ` +
          `${ms(all).padStart(8)} ${ratio(all, f.allMs).padStart(12)}`,
      );
      await adminSql(admin, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }
  } finally {
    await server?.stop();
  }
  return lines;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

/** Wall time of a whole `brief` process. */
function timed(cli: string, args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`bench run failed: ${result.stderr}`);
  return performance.now() - start;
}

async function adminSql(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
