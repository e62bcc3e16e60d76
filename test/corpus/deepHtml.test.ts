import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/store/index.js';

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

const ARTICLE = 'The ministry said on Monday that grain exports to Russia rose sharply this year.';
const page = (body: string) =>
  `<!doctype html><html><head><title>Grain exports rise</title></head><body>${body}</body></html>`;
const nested = (levels: number, open = '<div>', close = '</div>') =>
  page(`${open.repeat(levels)}<p>${ARTICLE}</p>${close.repeat(levels)}`);

/**
 * Readability recurses through the DOM: 20,000 nested elements overflowed the stack and ended
 * the whole build with "internal error", and 200,000 hung the parser. Such a file is skipped with
 * a warning naming it, and the rest of the corpus is read.
 */
describe('an HTML page nested too deeply', () => {
  it(
    'is skipped with a warning, and the other articles are read',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'briefgen-deep-html-'));
      folders.push(dir);
      await writeFile(join(dir, 'deep.html'), nested(20_000));
      await writeFile(join(dir, 'deeper.html'), nested(200_000));
      await writeFile(join(dir, 'self-closing.html'), nested(20_000, '<div/>', ''));
      await writeFile(join(dir, 'good.html'), page(`<article><h1>Grain exports rise</h1><p>${ARTICLE}</p></article>`));
      await writeFile(join(dir, 'notes.txt'), `Grain exports rise\n\n${ARTICLE}\n`);

      const corpus = await loadCorpus(dir);

      expect(corpus.documents.map((d) => d.file).sort()).toEqual(['good.html', 'notes.txt']);
      expect(corpus.documents.every((d) => d.text.includes(ARTICLE))).toBe(true);
      const warnings = Object.fromEntries(corpus.warnings.map((w) => [w.file, w.message]));
      expect(Object.keys(warnings).sort()).toEqual(['deep.html', 'deeper.html', 'self-closing.html']);
      for (const message of Object.values(warnings)) {
        expect(message).toBe('skipped: HTML elements nested more than 500 levels deep');
      }
    },
    20_000,
  );

  it(
    'is read when its nesting is within the budget',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'briefgen-deep-html-'));
      folders.push(dir);
      await writeFile(join(dir, 'nested.html'), nested(100, '<section><div>', '</div></section>'));

      const corpus = await loadCorpus(dir);

      expect(corpus.warnings).toEqual([]);
      expect(corpus.documents[0]?.text).toContain(ARTICLE);
    },
    20_000,
  );
});
