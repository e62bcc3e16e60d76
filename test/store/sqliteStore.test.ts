import Database from 'better-sqlite3';
import { cp, mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  SqliteStore,
  ingestRecords,
  loadCorpus,
  SCHEMA_VERSION,
  syncFolder,
} from '../../src/store/index.js';
import { ROOT } from '../helpers/cli.js';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(prefix: string) {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

async function sampleCopy() {
  const dir = await tempDir('briefgen-store-corpus-');
  await cp(join(ROOT, 'corpus'), dir, { recursive: true });
  const store = join(await tempDir('briefgen-store-'), 'store.sqlite');
  return { dir, store };
}

const PORT_STORY =
  'Port reopens\n\nThe port of Rajin reopened on Monday after repairs to its main pier, officials said. ' +
  'Cargo ships carrying coal and timber are expected to dock there again from next week, and the port ' +
  'authority said it would add two cranes before the winter season begins in the north of the country.\n';

describe('the corpus store', () => {
  it('analyses nothing on an unchanged folder, one file when one is added, and forgets a removed one', async () => {
    const { dir, store } = await sampleCopy();
    expect((await loadCorpus(dir, { store })).stats).toEqual({ files: 5, analysed: 5 });
    expect((await loadCorpus(dir, { store })).stats).toEqual({ files: 5, analysed: 0 });
    await writeFile(join(dir, 'new.txt'), PORT_STORY);
    const added = await loadCorpus(dir, { store });
    expect(added.stats).toEqual({ files: 6, analysed: 1 });
    expect(added.documents.map((d) => d.id)).toContain('new');
    await unlink(join(dir, 'new.txt'));
    const removed = await loadCorpus(dir, { store });
    expect(removed.documents.map((d) => d.id)).not.toContain('new');
    expect(removed.documents).toHaveLength(5);
  });

  it('gives exactly what a fresh in-memory analysis gives', async () => {
    const { dir, store } = await sampleCopy();
    await loadCorpus(dir, { store });
    const stored = await loadCorpus(dir, { store });
    const fresh = await loadCorpus(dir);
    const strip = (c: typeof fresh) => c.documents.map(({ firstSeen: _, ...doc }) => doc);
    expect(strip(stored)).toEqual(strip(fresh));
  });

  it('remembers when a document was first seen, and never writes into the corpus', async () => {
    const { dir, store } = await sampleCopy();
    const before = await readFile(join(dir, '001_77a87a9eb0308576.txt'));
    await loadCorpus(dir, { store, now: () => new Date('2026-01-01T00:00:00Z') });
    const later = await loadCorpus(dir, { store, now: () => new Date('2026-02-01T00:00:00Z') });
    expect(new Set(later.documents.map((d) => d.firstSeen))).toEqual(
      new Set(['2026-01-01T00:00:00.000Z']),
    );
    expect(await readFile(join(dir, '001_77a87a9eb0308576.txt'))).toEqual(before);
  });

  it('re-analyses documents stored by another version of the analyser', async () => {
    const { dir, store } = await sampleCopy();
    await loadCorpus(dir, { store });
    const db = new Database(store);
    db.prepare("UPDATE files SET analyser = 'older'").run();
    db.close();
    expect((await loadCorpus(dir, { store })).stats.analysed).toBe(5);
  });

  it('clusters a copy that arrives later with its original, and promotes the copy when the original goes', async () => {
    const { dir, store: file } = await sampleCopy();
    const long =
      PORT_STORY +
      '\nThe pier had been closed since a storm in August damaged its concrete deck and two mooring posts.\n';
    await writeFile(join(dir, 'port-full.txt'), long);
    await loadCorpus(dir, { store: file });
    await writeFile(join(dir, 'port-copy.txt'), PORT_STORY);
    const both = await loadCorpus(dir, { store: file });
    const copy = both.documents.find((d) => d.id === 'port-copy');
    expect(copy?.duplicate).toMatchObject({
      canonical: false,
      clusterId: 'port-full',
      others: ['port-full'],
    });
    expect(copy?.duplicate.containment).toBeGreaterThan(0.9);
    await unlink(join(dir, 'port-full.txt'));
    const alone = await loadCorpus(dir, { store: file });
    expect(alone.documents.find((d) => d.id === 'port-copy')?.duplicate).toMatchObject({
      canonical: true,
      others: [],
    });
  });

  it('migrates an empty store of schema 0 and refuses a store from a newer briefgen', async () => {
    const dir = await tempDir('briefgen-store-');
    const old = join(dir, 'old.sqlite');
    new Database(old).close();
    const migrated = SqliteStore.open(old);
    expect((await migrated.totals()).documents).toBe(0);
    await migrated.close();
    const newer = join(dir, 'newer.sqlite');
    const db = new Database(newer);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => SqliteStore.open(newer)).toThrow(
      expect.objectContaining({ code: 'STORE_INVALID' }) as Error,
    );
  });

  it('re-indexes the documents of a store whose index held Porter stems (schema 1) with match keys', async () => {
    const dir = await tempDir('briefgen-store-');
    const file = join(dir, 'store.sqlite');
    const store = SqliteStore.open(file);
    const record = JSON.stringify({
      id: 'ru',
      title: 'Поставки нефти',
      text: 'Россия увеличила поставки нефти в Северную Корею в этом году, сообщили в министерстве энергетики. По данным ведомства, объём поставок вырос вдвое по сравнению с прошлым годом.',
    });
    await ingestRecords(
      store,
      (async function* () {
        yield record;
      })(),
    );
    await store.close();
    // The index as briefgen 0.1 made it: SQLite's Porter tokenizer over the raw text.
    const db = new Database(file);
    db.exec(`DROP TABLE documents_fts;
      CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, content='', contentless_delete=1,
        tokenize='porter unicode61 remove_diacritics 2');
      INSERT INTO documents_fts (rowid, title, body) SELECT rowid, title, text FROM documents;`);
    db.pragma('user_version = 1');
    db.close();
    const reopened = SqliteStore.open(file);
    const all = { field: 'published', includeUndated: true } as const;
    // "России" is keyed "росс", as the theme term "Россия" is.
    const found = await reopened.searchThemes(['{title body} : "росс"'], all, 10);
    await reopened.close();
    expect(found.rowids[0]).toHaveLength(1);
  });

  it('keeps two folders with the same file names apart', async () => {
    const { dir, store: file } = await sampleCopy();
    const other = await tempDir('briefgen-store-other-');
    await writeFile(join(other, '004_fccfdb8cc2caa3ba.txt'), PORT_STORY);
    const store = SqliteStore.open(file);
    await syncFolder(store, dir);
    await syncFolder(store, other);
    const ids = await store.ids();
    await store.close();
    expect(ids).toContain('004_fccfdb8cc2caa3ba');
    expect(ids).toContain('004_fccfdb8cc2caa3ba~2');
    expect(ids).toHaveLength(6);
  });
});

describe('symbolic links in a corpus folder', () => {
  it('follows a link to a file inside the corpus and warns about one that leads outside or nowhere', async () => {
    const { symlink } = await import('node:fs/promises');
    const { dir } = await sampleCopy();
    const outside = await tempDir('briefgen-store-outside-');
    await writeFile(join(outside, 'secret.txt'), PORT_STORY);
    await mkdir(join(dir, 'links'));
    await symlink(join(dir, '004_fccfdb8cc2caa3ba.txt'), join(dir, 'links', 'inside.txt'));
    await symlink(join(outside, 'secret.txt'), join(dir, 'links', 'outside.txt'));
    await symlink(join(dir, 'no-such-file.txt'), join(dir, 'links', 'broken.txt'));
    const corpus = await loadCorpus(dir);
    expect(corpus.documents.map((d) => d.file)).toContain('links/inside.txt');
    expect(corpus.documents.map((d) => d.file)).not.toContain('links/outside.txt');
    expect(corpus.warnings).toEqual(
      expect.arrayContaining([
        {
          file: 'links/outside.txt',
          message: 'skipped: symbolic link to a file outside the corpus folder',
        },
        { file: 'links/broken.txt', message: 'skipped: broken symbolic link' },
      ]),
    );
  });
});
