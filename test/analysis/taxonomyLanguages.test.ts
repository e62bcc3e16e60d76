import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTaxonomy, scorePassage, tokenize } from '../../src/analysis/index.js';
import { MIN_EXCERPT_SCORE } from '../../src/brief/index.js';
import { quotableSentences } from '../../src/brief/candidates.js';
import { scoreCandidates } from '../../src/brief/scoreCandidates.js';
import { loadCorpus } from '../../src/store/index.js';
import { ROOT } from '../helpers/cli.js';

const taxonomy = await loadTaxonomy();
const corpus = await loadCorpus(join(ROOT, 'test', 'fixtures', 'languages', 'corpus'));

/** The shipped themes a document has a passage for (its sentences alone, before the corpus is weighed). */
function themesOf(id: string): string[] {
  const doc = corpus.documents.find((d) => d.id === id);
  if (!doc) throw new Error(`no document ${id}`);
  const candidates = quotableSentences([doc]);
  return taxonomy
    .filter((theme) =>
      scoreCandidates(candidates, theme).some((s) => s.rawScore >= MIN_EXCERPT_SCORE),
    )
    .map((t) => t.id);
}

describe('the shipped taxonomy in several languages', () => {
  it('has terms in English, Russian and Korean for every theme', () => {
    for (const theme of taxonomy) {
      const languages = new Set(theme.terms.flatMap((t) => t.languages ?? []));
      expect([...languages], theme.id).toEqual(expect.arrayContaining(['en', 'ru', 'ko']));
    }
  });

  it.each([
    ['ru-bridge', 'infrastructure-and-transport'],
    ['ko-bridge', 'infrastructure-and-transport'],
    ['ko-bridge', 'energy-and-resources'],
    ['ar-debts', 'trade-and-finance'],
    ['ja-power', 'energy-and-resources'],
    ['zh-power', 'energy-and-resources'],
    ['de-sanctions', 'labour-and-sanctions'],
    ['fr-workers', 'labour-and-sanctions'],
    ['es-oil', 'energy-and-resources'],
    ['pt-trade', 'trade-and-finance'],
    ['en-bridge', 'infrastructure-and-transport'],
  ])('finds a passage in %s for %s', (id, theme) => {
    expect(themesOf(id)).toContain(theme);
  });

  it('does not take a French word for the English one that shares its stem', () => {
    // "accord" is a French term for diplomacy and the Porter stem of "according".
    const diplomacy = taxonomy.find((t) => t.id === 'diplomacy');
    const accord = diplomacy?.terms.find((t) => t.term === 'accord');
    expect(accord?.languages).toEqual(['fr']);
    const english = tokenize('According to officials, the bridge was opened.', 'en');
    const french = tokenize('Selon les responsables, l’accord a été signé.', 'fr');
    expect(diplomacy && scorePassage(english, diplomacy).matchedTerms).not.toContain('accord');
    expect(diplomacy && scorePassage(french, diplomacy).matchedTerms).toContain('accord');
  });
});
