import { writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/store/index.js';
import { ROOT } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/tempDirs.js';

const tempDir = useTempDirs('briefgen-corpus-');

describe('loadCorpus on the sample corpus', async () => {
  const corpus = await loadCorpus(join(ROOT, 'corpus'));
  const doc = (prefix: string) => corpus.documents.find((d) => d.id.startsWith(prefix));

  it('clusters the truncated copy with the complete one, which is canonical', () => {
    expect(doc('000')?.duplicate).toMatchObject({ canonical: false, clusterId: doc('001')?.id });
    expect(doc('001')?.duplicate).toMatchObject({ canonical: true, others: [doc('000')?.id] });
  });
  it('clusters no other pair', () => {
    expect(corpus.documents.filter((d) => d.duplicate.others.length > 0).map((d) => d.id.slice(0, 3))).toEqual(['000', '001']);
  });
  it('flags the copy that is cut off mid-word, and only it', () => {
    expect(corpus.documents.filter((d) => d.truncated).map((d) => d.id.slice(0, 3))).toEqual(['000']);
  });
  it('never lets the cut-off sentence count as complete', () => {
    const cut = doc('000');
    const last = cut?.sentences.at(-1);
    expect(last?.complete).toBe(false);
  });
  it('reads the wire dateline', () => {
    expect(doc('002')?.dateline).toEqual({ place: 'Seoul', date: 'Dec 13', agency: 'EFE' });
  });
  it('gives offsets that point into the cleaned text', () => {
    for (const d of corpus.documents) {
      for (const s of d.sentences) expect(d.text.slice(s.start, s.end).trim()).toBe(d.text.slice(s.start, s.end));
    }
  });
});

describe('loadCorpus with bad files', () => {
  it('skips binary, empty, non-UTF-8 and unsupported files with a warning and uses the rest', async () => {
    const dir = await tempDir();
    await cp(join(ROOT, 'corpus', '002_85a348c2a617bf01.txt'), join(dir, 'good.txt'));
    await writeFile(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    await writeFile(join(dir, 'empty.txt'), '  \n');
    await writeFile(join(dir, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    await writeFile(join(dir, 'photo.jpg'), 'not an article');
    const corpus = await loadCorpus(dir);
    expect(corpus.documents.map((d) => d.file)).toEqual(['good.txt']);
    expect(corpus.warnings.map((w) => w.file).sort()).toEqual(['binary.txt', 'empty.txt', 'latin1.txt', 'photo.jpg']);
    expect(corpus.warnings.find((w) => w.file === 'binary.txt')?.message).toMatch(/binary/);
  });
  it('reports a missing corpus folder as an input error', async () => {
    await expect(loadCorpus(join(tmpdir(), 'no-such-corpus-folder'))).rejects.toMatchObject({ code: 'CORPUS_NOT_FOUND' });
  });
});
