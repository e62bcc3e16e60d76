import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import { ROOT } from '../helpers/cli.js';

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'briefgen-cache-corpus-'));
  await cp(join(ROOT, 'corpus'), dir, { recursive: true });
  return { dir, cache: await mkdtemp(join(tmpdir(), 'briefgen-cache-')) };
}

describe('the analysis cache', () => {
  it('re-analyses nothing on an unchanged corpus, and one file when one is added', async () => {
    const { dir, cache } = await setup();
    expect((await loadCorpus(dir, { cache })).stats).toEqual({ files: 5, analysed: 5 });
    expect((await loadCorpus(dir, { cache })).stats).toEqual({ files: 5, analysed: 0 });
    await writeFile(join(dir, 'new.txt'), 'Port reopens\n\nThe port of Rajin reopened on Monday after repairs to its main pier, officials said.\n');
    expect((await loadCorpus(dir, { cache })).stats).toEqual({ files: 6, analysed: 1 });
  });
  it('gives exactly what an uncached run gives', async () => {
    const { dir, cache } = await setup();
    await loadCorpus(dir, { cache });
    const cached = await loadCorpus(dir, { cache });
    const fresh = await loadCorpus(dir, { cache: false });
    const strip = (c: typeof fresh) => c.documents.map(({ firstSeen: _, ...doc }) => doc);
    expect(strip(cached)).toEqual(strip(fresh));
  });
  it('remembers when a document was first seen, and never writes into the corpus', async () => {
    const { dir, cache } = await setup();
    const before = await readFile(join(dir, '001_77a87a9eb0308576.txt'));
    await loadCorpus(dir, { cache, now: () => new Date('2026-01-01T00:00:00Z') });
    const later = await loadCorpus(dir, { cache, now: () => new Date('2026-02-01T00:00:00Z') });
    expect(new Set(later.documents.map((d) => d.firstSeen))).toEqual(new Set(['2026-01-01T00:00:00.000Z']));
    expect(await readFile(join(dir, '001_77a87a9eb0308576.txt'))).toEqual(before);
  });
  it('treats a damaged cache entry as a miss', async () => {
    const { dir, cache } = await setup();
    await loadCorpus(dir, { cache });
    const { readdir } = await import('node:fs/promises');
    const entries = (await readdir(cache, { recursive: true })).filter((f) => String(f).endsWith('.json') && !String(f).includes('clusters-'));
    await writeFile(join(cache, String(entries[0])), '{ damaged');
    expect((await loadCorpus(dir, { cache })).stats.analysed).toBe(1);
  });
});
