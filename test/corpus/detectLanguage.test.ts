import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/store/index.js';
import { ROOT } from '../helpers/cli.js';

const dir = join(ROOT, 'test', 'fixtures', 'languages', 'corpus');
const corpus = await loadCorpus(dir);
const doc = (id: string) => {
  const found = corpus.documents.find((d) => d.id === id);
  if (!found) throw new Error(`no document ${id}`);
  return found;
};

describe('language detection', () => {
  it('names the language of an article in each supported language', async () => {
    const files = (await readdir(dir)).filter((f) => !f.startsWith('mixed-'));
    expect(files.length).toBeGreaterThanOrEqual(14);
    for (const file of files) {
      const id = file.replace(/\.txt$/, '');
      expect(doc(id).language, file).toBe(file.slice(0, 2));
      expect(doc(id).paragraphs.filter((p) => p.language), file).toEqual([]);
    }
  });

  it('marks a paragraph quoted in another script, the page keeping its own language', () => {
    const page = doc('mixed-en-ru');
    expect(page.language).toBe('en');
    const marked = page.paragraphs.filter((p) => p.language);
    expect(marked.map((p) => p.language)).toEqual(['ru']);
    expect(page.text.slice(marked[0]?.start, marked[0]?.end)).toMatch(/^«Мы продолжим/);
  });

  it('marks a paragraph quoted in another language of the same script', () => {
    const page = doc('mixed-de-en');
    expect(page.language).toBe('de');
    const marked = page.paragraphs.filter((p) => p.language);
    expect(marked.map((p) => p.language)).toEqual(['en']);
    expect(page.text.slice(marked[0]?.start, marked[0]?.end)).toMatch(/steady flow of ships/);
  });

  it('splits Chinese and Japanese text into sentences at their full stops', () => {
    expect(doc('ja-power').sentences).toHaveLength(4);
    expect(doc('zh-power').sentences.every((s) => s.complete)).toBe(true);
    expect(doc('ko-bridge').sentences).toHaveLength(5);
  });
});
