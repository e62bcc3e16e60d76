import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileTheme, loadTaxonomy, tokenize, type Theme } from '../../src/analysis/index.js';
import { findTerm } from '../../src/analysis/tokens.js';
import { themeMatch } from '../../src/brief/briefCorpus.js';
import type { CorpusDocument } from '../../src/corpus/index.js';
import { SqliteStore, syncFolder } from '../../src/store/index.js';
import { ROOT } from '../helpers/cli.js';

/**
 * The full-text index and the in-memory matcher must find the same documents for every term:
 * the index chooses which documents a brief reads, the matcher scores their sentences, and a
 * term one finds and the other misses would silently drop or invent quotes. The index knows no
 * languages, so it finds what the matcher finds in words of any language; the matcher, which
 * takes a term written for French only in French words, finds a subset of that.
 */
const corpus = join(ROOT, 'test', 'fixtures', 'languages', 'corpus');
let store: SqliteStore;
let documents: CorpusDocument[];

beforeAll(async () => {
  store = SqliteStore.open(':memory:');
  await syncFolder(store, corpus);
  documents = [];
  for await (const doc of store.all()) documents.push(doc);
});
afterAll(() => store.close());

/**
 * Documents whose title or body (paragraphs in their own languages, run together) hold the term;
 * with `anyLanguage`, in words of any language, as the index (which knows no languages) does.
 */
function inMemory(term: Theme['terms'][number], anyLanguage = true): string[] {
  return documents
    .filter((doc) => {
      const title = tokenize(doc.title, doc.language);
      const body = doc.paragraphs.flatMap((p) =>
        tokenize(doc.text.slice(p.start, p.end), p.language ?? doc.language),
      );
      const options = { anyLanguage };
      return (
        findTerm(title, term.shape, options).length > 0 ||
        findTerm(body, term.shape, options).length > 0
      );
    })
    .map((d) => d.id)
    .sort();
}

async function inIndex(term: Theme['terms'][number]): Promise<string[]> {
  const single = compileTheme({ id: 'one', label: 'One', terms: ['x'] });
  const query = themeMatch({ ...single, terms: [term] });
  const all = { field: 'published', includeUndated: true } as const;
  const found = await store.searchThemes([query], all, 1000);
  const byRowid = await store.load(found.rowids[0] ?? []);
  return byRowid.map((d) => d.id).sort();
}

const INLINE = compileTheme({
  id: 'mixed',
  label: 'Terms in many scripts',
  terms: [
    'Россия',
    'рубл*',
    'Северная Корея',
    '러시아',
    '다리',
    '電力',
    'ديون',
    'Pyongyang',
    'railway*',
    'bridge',
    'North Korea',
    'sanction*',
  ],
});

const PER_LANGUAGE = compileTheme({
  id: 'per-language',
  label: 'Terms per language',
  terms: {
    en: { bridge: 2, 'freight*': 2 },
    de: { Sanktion: 2, Arbeiter: 2, 'Öl*': 1 },
    fr: ['travailleur', 'sanction'],
    es: ['petróleo', 'sanción'],
    pt: ['comércio', 'exportação'],
    fi: ['sähkö', 'pakote'],
    id: ['pekerja', 'sanksi'],
    ko: ['제재', '전력'],
    ja: ['制裁', '労働者'],
    zh: ['制裁', '电力'],
    ar: ['العقوبات', 'النفط'],
  },
});

describe('the full-text index and the in-memory matcher', () => {
  it('hold an article in every language of the fixture', () => {
    expect(documents.length).toBeGreaterThanOrEqual(16);
  });

  for (const theme of [INLINE, PER_LANGUAGE]) {
    for (const term of theme.terms) {
      it(`find the same documents for ${theme.id} term "${term.term}"`, async () => {
        const indexed = await inIndex(term);
        expect(indexed).toEqual(inMemory(term));
        const scored = inMemory(term, false);
        expect(scored.length).toBeGreaterThan(0);
        expect(indexed).toEqual(expect.arrayContaining(scored));
      });
    }
  }

  it('find the same documents for every term of the shipped taxonomy', async () => {
    for (const theme of await loadTaxonomy()) {
      for (const term of theme.terms) {
        const indexed = await inIndex(term);
        expect(indexed, term.term).toEqual(inMemory(term));
        expect(indexed, term.term).toEqual(expect.arrayContaining(inMemory(term, false)));
      }
    }
  });
});
