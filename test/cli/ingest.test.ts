import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/generateCorpus.js';
import { SqliteStore } from '../../src/store/index.js';
import { ROOT, runBrief } from '../helpers/cli.js';

const MAIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
let work: string;
let corpus: string;
const FILES = 240;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'briefgen-ingest-'));
  corpus = join(work, 'corpus');
  await generateCorpus(corpus, FILES);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Open a store read-only and read what a user would rely on. */
function inspect(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      documents: (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n,
      files: (
        db
          .prepare("SELECT count(*) AS n FROM files WHERE path NOT LIKE '%manifest.yaml'")
          .get() as { n: number }
      ).n,
      // A file row without its documents, or documents without their file row: half an ingest.
      orphans: (
        db
          .prepare(
            `SELECT count(*) AS n FROM documents d WHERE d.root <> '-' AND NOT EXISTS
               (SELECT 1 FROM files f WHERE f.root = d.root AND f.path = d.path)`,
          )
          .get() as { n: number }
      ).n,
      indexed: (db.prepare('SELECT count(*) AS n FROM documents_fts').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

function countDocuments(file: string): number {
  if (!existsSync(file)) return 0;
  try {
    const db = new Database(file, { readonly: true, timeout: 100 });
    try {
      return (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created yet
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition() && Date.now() < until)
    await new Promise((resolve) => setTimeout(resolve, 20));
}

function ingestProcess(store: string, args: string[] = [corpus]) {
  return spawn(process.execPath, [MAIN, 'ingest', ...args, '--store', store, '--quiet'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

describe('brief ingest', () => {
  it('ingests a folder on every core, then finds nothing to do', async () => {
    const store = join(work, 'once.sqlite');
    const first = await runBrief(['ingest', corpus, '--store', store]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`${FILES} of ${FILES} inputs analysed`));
    const again = await runBrief(['ingest', corpus, '--store', store]);
    expect(again.stdout).toMatch(new RegExp(`0 of ${FILES} inputs analysed`));
    expect(inspect(store)).toMatchObject({
      integrity: 'ok',
      documents: FILES,
      files: FILES,
      orphans: 0,
      indexed: FILES,
    });
  });

  it('survives kill -9 part-way: the store opens, holds no half-ingested file, and the next ingest finishes it', async () => {
    const store = join(work, 'killed.sqlite');
    let before = 0;
    for (let round = 0; round < 3; round++) {
      const child = ingestProcess(store);
      const exited = new Promise((resolve) => child.on('close', resolve));
      // Kill as soon as this run has written something more (or at once, in the first round).
      await waitFor(() => round === 0 || countDocuments(store) > before, 20_000);
      child.kill('SIGKILL');
      await exited;
      await SqliteStore.open(store).close(); // opens (and finishes creating a store killed while it was made)
      const state = inspect(store);
      expect(state.integrity).toBe('ok');
      expect(state.orphans).toBe(0);
      expect(state.documents).toBe(state.files);
      expect(state.indexed).toBe(state.documents);
      before = state.documents;
    }
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(FILES);
    const resumed = await runBrief(['ingest', corpus, '--store', store, '--quiet']);
    expect(resumed.code).toBe(0);
    expect(inspect(store)).toMatchObject({
      integrity: 'ok',
      documents: FILES,
      files: FILES,
      orphans: 0,
    });
  });

  it('lets two ingests run at once without corrupting the store', async () => {
    const store = join(work, 'twice.sqlite');
    const results = await Promise.all(
      [0, 1].map(() => runBrief(['ingest', corpus, '--store', store, '--quiet'])),
    );
    expect(results.map((r) => [r.code, r.stderr])).toEqual([
      [0, ''],
      [0, ''],
    ]);
    expect(inspect(store)).toMatchObject({
      integrity: 'ok',
      documents: FILES,
      files: FILES,
      orphans: 0,
    });
  });

  it('reads JSON Lines records on stdin; pushing them again changes nothing; a brief quotes them', async () => {
    const store = join(work, 'records.sqlite');
    const records = [
      {
        id: 'r1',
        title: 'Coal exports resume through Rajin',
        published: '2026-11-20',
        source: 'Wire Service',
        text: 'North Korea resumed coal exports to Russia through the port of Rajin on Thursday, with two ships loading 40,000 tonnes of coal for Russian buyers, port officials said.\n\nThe shipments are the first since the terminal was closed for repairs in September.',
      },
      { title: 'A record without text' },
    ];
    const push = () =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = ingestProcess(store, ['-']);
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
        child.stdin.end(records.map((r) => JSON.stringify(r)).join('\n') + '\n');
      });
    const first = await push();
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/stdin:2: record has no "text" field; skipped/);
    expect(inspect(store).documents).toBe(1);
    await push();
    expect(inspect(store).documents).toBe(1);
    const model = await runBrief([
      'build',
      join(ROOT, 'briefs', 'energy-and-resources.yaml'),
      '--store',
      store,
      '--corpus',
      join(work, 'none'),
      '--format',
      'json',
      '--as-of',
      '2026-11-22',
    ]);
    expect(model.stderr).toBe('');
    const parsed = JSON.parse(model.stdout) as { sources: { docId: string; publisher?: string }[] };
    expect(parsed.sources).toEqual([
      expect.objectContaining({ docId: 'stdin#r1', publisher: 'Wire Service' }),
    ]);
  });

  it('names a missing input and exits 2', async () => {
    const result = await runBrief([
      'ingest',
      join(work, 'no-such-folder'),
      '--store',
      join(work, 'x.sqlite'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no-such-folder does not exist/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
