import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from '../../scripts/postgresServer.js';
import { PgScheduleStore } from '../../src/schedule/pgScheduleStore.js';
import { ROOT, runBrief, type CliResult } from '../helpers/cli.js';
import { databaseUrl, hasPostgres, sql, useDatabases } from '../helpers/postgres.js';
import { useTempDirs } from '../helpers/tempDirs.js';

const tmp = useTempDirs('briefgen-team-');
const newDatabase = useDatabases();
const MAIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');

/** A project of `count` briefs due every day at 06:00 UTC (so due now), on no corpus folder. */
async function project(count: number, audience = 'digest'): Promise<string> {
  const dir = await tmp();
  await mkdir(join(dir, 'briefs'));
  for (let n = 1; n <= count; n++) {
    await writeFile(
      join(dir, 'briefs', `brief-${String(n).padStart(2, '0')}.yaml`),
      `title: Brief ${n}\naudience: ${audience}\nthemes: [diplomacy, energy and resources]\n` +
        `window: all\nschedule: {cron: "0 6 * * *", timezone: UTC}\n`,
    );
  }
  return dir;
}

/** A team database holding the sample corpus. */
async function teamDatabase(): Promise<string> {
  const url = await newDatabase();
  const ingest = await runBrief(['ingest', join(ROOT, 'corpus'), '--store', url, '--quiet']);
  expect(ingest.code).toBe(0);
  return url;
}

/** `brief` as a separate worker process whose output can be watched while it runs. */
function startWorker(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  input: Buffer | string = '',
) {
  const child = spawn(process.execPath, [MAIN, ...args], {
    cwd,
    env: { ...process.env, DEBUG: '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end(input);
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const done = new Promise<CliResult>((resolve) =>
    child.on('close', (code) => resolve({ code, ...output })),
  );
  return { child, output, done };
}

async function waitFor(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const builtRuns = (url: string) =>
  sql<{ brief_id: string; worker: string; duration_ms: number }>(
    url,
    "SELECT brief_id, worker, duration_ms FROM schedule_runs WHERE outcome = 'built' ORDER BY brief_id",
  );

/** Every file in the output folder, PDFs and anything half-written beside them. */
async function outputFiles(out: string): Promise<string[]> {
  if (!existsSync(out)) return [];
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.parentPath.includes('.briefgen'))
    .map((e) => e.name)
    .sort();
}

describe.skipIf(!hasPostgres)('team mode: one PostgreSQL store, many workers', () => {
  it('builds the sample brief into the same PDF bytes as the SQLite store', async () => {
    const url = await teamDatabase();
    const out = await tmp();
    const build = (store: string, dir: string) =>
      runBrief([
        'build',
        join(ROOT, 'briefs', 'weekly-overview.yaml'),
        '--store',
        store,
        '--out',
        join(out, dir),
        '--as-of',
        '2026-11-23',
        '--quiet',
      ]);
    expect((await build(url, 'pg')).code).toBe(0);
    expect((await build(join(out, 'store.sqlite'), 'sqlite')).code).toBe(0);
    const pdf = (dir: string) =>
      readFile(join(out, dir, 'weekly-overview', 'weekly-overview-2026-11-23.pdf'));
    const [fromPg, fromSqlite] = await Promise.all([pdf('pg'), pdf('sqlite')]);
    expect(fromPg.length).toBeGreaterThan(10_000);
    expect(fromPg.equals(fromSqlite)).toBe(true);
  });

  it('four workers build each of 30 due briefs exactly once, and the history says who and how long', async () => {
    const url = await teamDatabase();
    const dir = await project(30);
    const workers = Array.from({ length: 4 }, () =>
      startWorker(['run', '--due', '--store', url, '--out', 'out', '--quiet'], dir),
    );
    const results = await Promise.all(workers.map((w) => w.done));
    expect(results.map((r) => [r.code, r.stderr])).toEqual(Array(4).fill([0, '']));
    const runs = await builtRuns(url);
    expect(runs.map((r) => r.brief_id)).toEqual(
      Array.from({ length: 30 }, (_, i) => `brief-${String(i + 1).padStart(2, '0')}`),
    );
    expect(new Set(runs.map((r) => r.worker)).size).toBeGreaterThan(1);
    expect(runs.every((r) => r.duration_ms > 0)).toBe(true);
    expect((await outputFiles(join(dir, 'out'))).filter((f) => f.endsWith('.pdf'))).toHaveLength(
      30,
    );
    const again = await runBrief(['run', '--due', '--store', url, '--out', 'out'], { cwd: dir });
    expect(again.stdout.trim()).toBe('nothing due');
    const schedule = await runBrief(['schedule', '--store', url], { cwd: dir });
    expect(schedule.stdout).toMatch(
      /brief-01\n.*\n {2}last run {2}\S+, built by \S+:\d+ in \d+\.\d s/,
    );
    expect(schedule.stdout).toContain('recent runs');
  });

  it('a worker killed mid-build leaves the slot to the next one: one PDF, nothing half-written', async () => {
    const url = await teamDatabase();
    const dir = await project(1, 'analyst');
    const args = ['run', '--due', '--store', url, '--out', 'out', '--quiet'];
    const first = startWorker(args, dir);
    await waitFor(async () => (await sql(url, 'SELECT 1 FROM schedule_claims')).length > 0);
    first.child.kill('SIGKILL');
    await first.done;
    const second = await runBrief(args, { cwd: dir });
    expect(second).toMatchObject({ code: 0, stderr: '' });
    const runs = await builtRuns(url);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.worker.endsWith(`:${first.child.pid}`)).toBe(false);
    expect(await outputFiles(join(dir, 'out'))).toEqual([
      `brief-01-${new Date().toISOString().slice(0, 10)}.pdf`,
    ]);
  });

  it('a hung worker loses its slot after the lease; woken, it records nothing', async () => {
    const url = await teamDatabase();
    const dir = await project(1, 'analyst');
    const args = ['run', '--due', '--store', url, '--out', 'out', '--quiet'];
    const env = { BRIEFGEN_LEASE_SECONDS: '4' };
    const hung = startWorker(args, dir, env);
    await waitFor(async () => (await sql(url, 'SELECT 1 FROM schedule_claims')).length > 0);
    await new Promise((resolve) => setTimeout(resolve, 300)); // into the build
    hung.child.kill('SIGSTOP');
    // While its lease holds, nobody takes the brief from it.
    const other = await PgScheduleStore.open(url, 4);
    expect(await other.claim('brief-01')).toBeUndefined();
    await other.close();
    await waitFor(
      async () =>
        (await sql(url, 'SELECT 1 FROM schedule_claims WHERE expires_at < now()')).length > 0,
    );
    const next = await runBrief(args, { cwd: dir, env });
    expect(next).toMatchObject({ code: 0, stderr: '' });
    hung.child.kill('SIGCONT');
    const woken = await hung.done;
    // Stopped mid-build, it finds its claim taken over; stopped before it read the state, it
    // finds the slot built. Either way it records nothing.
    expect([0, 1]).toContain(woken.code);
    expect(woken.stderr).toEqual(
      woken.code === 0 ? '' : expect.stringContaining('another worker took this build over'),
    );
    expect((await builtRuns(url)).length).toBe(1);
    expect((await outputFiles(join(dir, 'out'))).filter((f) => !f.endsWith('.pdf'))).toEqual([]);
  });

  it('three ingesters of overlapping records at once store each record once', async () => {
    const url = await newDatabase();
    const dir = await tmp();
    const record = (n: number) =>
      JSON.stringify({
        id: `story-${n}`,
        title: `Story ${n}`,
        text: `Officials in Pyongyang and Moscow signed agreement number ${n} on rail freight, coal and timber. The deal covers ${n * 10} wagons a month through Khasan.`,
        published: '2026-11-20',
      });
    const sets = [
      [0, 60],
      [30, 90],
      [45, 120],
    ];
    for (const [k, [from, to]] of sets.entries()) {
      const lines = [];
      for (let n = from ?? 0; n < (to ?? 0); n++) lines.push(record(n));
      await writeFile(join(dir, `set-${k}.jsonl`), lines.join('\n') + '\n');
    }
    const inputs = await Promise.all(sets.map((_, k) => readFile(join(dir, `set-${k}.jsonl`))));
    const ingesters = inputs.map((input) =>
      startWorker(['ingest', '-', '--store', url, '--quiet'], dir, {}, input),
    );
    const results = await Promise.all(ingesters.map((w) => w.done));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    const [counts] = await sql<{ documents: number; ids: number; renamed: number }>(
      url,
      "SELECT count(*)::int AS documents, count(DISTINCT id)::int AS ids, count(*) FILTER (WHERE id LIKE '%~%')::int AS renamed FROM documents",
    );
    expect(counts).toEqual({ documents: 120, ids: 120, renamed: 0 });
  });
});

describe.skipIf(!hasPostgres)('team mode when the database restarts mid-run', () => {
  let server: PostgresServer | undefined;
  afterAll(async () => server?.stop());

  it('the worker stops with one message and exit 1, and the next run completes', async () => {
    server = await startPostgres(tmpdir());
    const admin = server.url;
    await sql(admin, 'CREATE DATABASE team');
    const url = databaseUrl(admin, 'team');
    expect((await runBrief(['ingest', join(ROOT, 'corpus'), '--store', url, '--quiet'])).code).toBe(
      0,
    );
    const dir = await project(6, 'analyst');
    const args = ['run', '--due', '--store', url, '--out', 'out', '--quiet'];
    const worker = startWorker(args, dir);
    // Restart while a build holds its claim.
    await waitFor(async () => (await sql(url, 'SELECT 1 FROM schedule_runs')).length > 0);
    await waitFor(async () => (await sql(url, 'SELECT 1 FROM schedule_claims')).length > 0);
    await server.restart();
    const failed = await worker.done;
    expect(failed.code).toBe(1);
    const messages = failed.stderr.split('\n').filter((l) => l.startsWith('brief:'));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/error: .*(unavailable|connection)/);
    expect(failed.stderr).not.toMatch(/\n\s+at /);
    const next = await runBrief(args, { cwd: dir });
    expect(next).toMatchObject({ code: 0, stderr: '' });
    const runs = await builtRuns(url);
    expect(runs.map((r) => r.brief_id)).toEqual([
      'brief-01',
      'brief-02',
      'brief-03',
      'brief-04',
      'brief-05',
      'brief-06',
    ]);
  });
});
