import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store/index.js';
import { hasPostgres, sql, useDatabases } from '../../helpers/postgres.js';
import { corpusStoreBehaviour } from '../corpusStoreBehaviour.js';

const newDatabase = useDatabases();

describe.skipIf(!hasPostgres)('the PostgreSQL store', () => {
  corpusStoreBehaviour('PostgreSQL', newDatabase, async (store, text) => {
    await sql(store, text);
  });

  it('creates its tables in an empty database, and refuses one migrated by a newer briefgen', async () => {
    const url = await newDatabase();
    const store = await openStore(url);
    expect((await store.totals()).documents).toBe(0);
    await store.close();
    await sql(url, 'UPDATE briefgen_schema SET version = version + 1');
    await expect(openStore(url)).rejects.toMatchObject({
      code: 'STORE_INVALID',
      message: expect.stringContaining('this briefgen reads up to') as string,
    });
  });

  it('says the server cannot be reached in one message, without the password', async () => {
    const error = await openStore('postgres://briefgen:s3cret@127.0.0.1:1/none').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(String((error as Error).message)).not.toContain('s3cret');
    expect((error as { file?: string }).file).toBe('postgres://briefgen:***@127.0.0.1:1/none');
  });
});
