import { cp, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, openStore, syncFolder } from '../../src/store/index.js';
import { ROOT } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/tempDirs.js';

export const PORT_STORY =
  'Port reopens\n\nThe port of Rajin reopened on Monday after repairs to its main pier, officials said. ' +
  'Cargo ships carrying coal and timber are expected to dock there again from next week, and the port ' +
  'authority said it would add two cranes before the winter season begins in the north of the country.\n';

/**
 * What every corpus store does, whatever it is built on: `newStore` gives a fresh, empty
 * store's location; `execute` runs SQL on it (to play an older briefgen).
 */
export function corpusStoreBehaviour(
  name: string,
  newStore: () => Promise<string>,
  execute: (store: string, sql: string) => Promise<void>,
) {
  const tempDir = useTempDirs('briefgen-store-');
  const sampleCopy = async () => {
    const dir = await tempDir();
    await cp(join(ROOT, 'corpus'), dir, { recursive: true });
    return { dir, store: await newStore() };
  };

  describe(`the corpus store (${name})`, () => {
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
      await execute(store, "UPDATE files SET analyser = 'older'");
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

    it('keeps two folders with the same file names apart', async () => {
      const { dir, store: file } = await sampleCopy();
      const other = await tempDir();
      await writeFile(join(other, '004_fccfdb8cc2caa3ba.txt'), PORT_STORY);
      const store = await openStore(file);
      await syncFolder(store, dir);
      await syncFolder(store, other);
      const ids = await store.ids();
      await store.close();
      expect(ids).toContain('004_fccfdb8cc2caa3ba');
      expect(ids).toContain('004_fccfdb8cc2caa3ba~2');
      expect(ids).toHaveLength(6);
    });
  });
}
