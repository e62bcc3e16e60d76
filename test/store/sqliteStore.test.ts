import Database from 'better-sqlite3';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestRecords, loadCorpus, SCHEMA_VERSION, SqliteStore } from '../../src/store/index.js';
import { ROOT } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/tempDirs.js';
import { corpusStoreBehaviour, PORT_STORY } from './corpusStoreBehaviour.js';

const tempDir = useTempDirs('briefgen-store-');

corpusStoreBehaviour(
  'SQLite',
  async () => join(await tempDir(), 'store.sqlite'),
  (store, sql) => {
    const db = new Database(store);
    db.exec(sql);
    db.close();
    return Promise.resolve();
  },
);

describe('the SQLite store file', () => {
  it('migrates an empty store of schema 0 and refuses a store from a newer briefgen', async () => {
    const dir = await tempDir();
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
    const dir = await tempDir();
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
    const found = await reopened.searchThemes([[{ keys: ['росс'], match: 'key' }]], all, 10);
    await reopened.close();
    expect(found.rowids[0]).toHaveLength(1);
  });
});

describe('symbolic links in a corpus folder', () => {
  it('follows a link to a file inside the corpus and warns about one that leads outside or nowhere', async () => {
    const { symlink } = await import('node:fs/promises');
    const dir = await tempDir();
    await cp(join(ROOT, 'corpus'), dir, { recursive: true });
    const outside = await tempDir();
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
