import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, readGold, type Ratio } from '../../scripts/evaluate.js';
import { ROOT } from '../helpers/cli.js';

const share = (r: Ratio | undefined) => (r && r.total > 0 ? r.hit / r.total : 0);

/**
 * The quality floors reached (printed by `npm run eval`). A change that drops below any of
 * them fails here; raise a floor when a change lifts a figure.
 */
describe('quality against the gold labels of the sample corpus', async () => {
  const report = await evaluate(
    await readGold(join(ROOT, 'test', 'fixtures', 'seeds-gold.yaml')),
    join(ROOT, 'corpus'),
  );

  it('removes every boilerplate marker and keeps every body marker', () => {
    expect(report.boilerplateRemoved).toEqual({ hit: 24, total: 24 });
    expect(report.bodyKept).toEqual({ hit: 17, total: 17 });
    expect(report.titlesRight).toEqual({ hit: 5, total: 5 });
  });
  it('finds the duplicate pair, picks the complete copy, flags the truncated one, clusters nothing else', () => {
    expect(report.duplicatesFound).toEqual({ hit: 1, total: 1 });
    expect(report.canonicalRight).toEqual({ hit: 1, total: 1 });
    expect(report.truncatedFlagged).toEqual({ hit: 5, total: 5 });
    expect(report.otherPairsClustered).toBe(0);
  });
  it('quotes what each gold theme should quote, and never what it must not', () => {
    expect(report.themes['energy-and-resources']?.shouldQuote).toEqual({ hit: 4, total: 4 });
    expect(report.themes['food-and-agriculture']?.shouldQuote).toEqual({ hit: 2, total: 2 });
    // The fifth labour passage stands alone in an article about diplomacy; the document's
    // context discounts it below the threshold (see src/brief/scoreCandidates.ts).
    expect(report.themes['labour-and-sanctions']?.shouldQuote).toEqual({ hit: 4, total: 5 });
    for (const [theme, figures] of Object.entries(report.themes))
      expect(figures.neverQuoteHits, theme).toBe(0);
  });
  it('keeps excerpt precision against the documents’ gold themes at 100%', () => {
    for (const [theme, figures] of Object.entries(report.themes)) {
      expect(figures.precision.hit, theme).toBe(figures.precision.total);
      expect(figures.excerpts, theme).toBeGreaterThanOrEqual(3);
    }
  });
  it('extracts every gold money, percentage and year fact and no advert figure', () => {
    expect(report.facts.money).toEqual({ hit: 5, total: 5 });
    expect(report.facts.percent).toEqual({ hit: 1, total: 1 });
    expect(report.facts.years).toEqual({ hit: 5, total: 5 });
    expect(report.advertFiguresExtracted).toEqual([]);
    expect(report.notVerbatim).toBe(0);
  });
  it('finds every gold person with their role, and every gold organisation', () => {
    expect(report.facts.people).toEqual({ hit: 9, total: 9 });
    expect(report.facts.personRoles).toEqual({ hit: 9, total: 9 });
    expect(report.facts.organisations).toEqual({ hit: 4, total: 4 });
    expect(report.keyPoints).toBeGreaterThanOrEqual(3);
  });
});

describe('quality against the gold labels of the development set', async () => {
  const dir = join(ROOT, 'test', 'fixtures', 'devset');
  const report = await evaluate(await readGold(join(dir, 'devset-gold.yaml')), join(dir, 'corpus'));

  it('loads every format (.txt, .md, .html, .jsonl records), removes all boilerplate, keeps all body', () => {
    expect(report.documentsLoaded).toEqual({ hit: 19, total: 19 });
    expect(report.boilerplateRemoved).toEqual({ hit: 38, total: 38 });
    expect(report.bodyKept).toEqual({ hit: 29, total: 29 });
    expect(report.titlesRight).toEqual({ hit: 19, total: 19 });
  });
  it('finds both duplicate pairs and flags the truncated copy, clustering nothing else', () => {
    expect(report.duplicatesFound).toEqual({ hit: 2, total: 2 });
    expect(report.canonicalRight).toEqual({ hit: 2, total: 2 });
    expect(report.truncatedFlagged).toEqual({ hit: 19, total: 19 });
    expect(report.otherPairsClustered).toBe(0);
  });
  it('quotes most should-quote passages, no never-quote passage, and stays precise', () => {
    // Labour: 7 quotable labour passages compete for 7 places, and diversity of sources keeps
    // two of the labelled ones (both from one blog post) out; see npm run eval.
    expect(share(report.themes['labour-and-sanctions']?.shouldQuote)).toBeGreaterThanOrEqual(0.5);
    // Food: the Russian article's sentence on wheat deliveries is quoted since the taxonomy has
    // Russian terms; it is on the theme but unlabelled, and takes the fifth place from a
    // labelled sentence on rice and maize.
    expect(share(report.themes['food-and-agriculture']?.shouldQuote)).toBeGreaterThanOrEqual(0.66);
    for (const [theme, figures] of Object.entries(report.themes)) {
      if (theme !== 'labour-and-sanctions' && theme !== 'food-and-agriculture')
        expect(share(figures.shouldQuote), theme).toBeGreaterThanOrEqual(0.8);
      expect(figures.neverQuoteHits, theme).toBe(0);
      expect(share(figures.precision), theme).toBeGreaterThanOrEqual(0.83);
    }
  });
  it('recalls facts, people with roles and organisations, and no advert figure', () => {
    expect(report.facts.money).toEqual({ hit: 6, total: 6 });
    expect(report.facts.percent).toEqual({ hit: 3, total: 3 });
    expect(report.facts.quantity).toEqual({ hit: 5, total: 5 });
    expect(report.facts.personRoles).toEqual({ hit: 10, total: 10 });
    expect(report.facts.organisations).toEqual({ hit: 5, total: 5 });
    expect(report.advertFiguresExtracted).toEqual([]);
    expect(report.notVerbatim).toBe(0);
  });
});

/**
 * A set written by a second author and never tuned on: floors at the figures first measured,
 * so a change may not make generalisation worse. See test/fixtures/heldout/README.md.
 */
describe('quality on the held-out set', async () => {
  const dir = join(ROOT, 'test', 'fixtures', 'heldout');
  const report = await evaluate(
    await readGold(join(dir, 'heldout-gold.yaml')),
    join(dir, 'corpus'),
  );

  it('loads every document, keeps all body text and removes most boilerplate', () => {
    expect(report.documentsLoaded).toEqual({ hit: 19, total: 19 });
    expect(report.bodyKept).toEqual({ hit: 87, total: 87 });
    expect(report.boilerplateRemoved.hit).toBeGreaterThanOrEqual(98);
    expect(report.titlesRight.hit).toBeGreaterThanOrEqual(18);
    expect(report.truncatedFlagged).toEqual({ hit: 19, total: 19 });
  });
  it('finds all three copies of stories, across formats, and clusters nothing else', () => {
    // Two pairs have identical cleaned text; which copy is canonical is then a tie (1/3 right).
    expect(report.duplicatesFound).toEqual({ hit: 3, total: 3 });
    expect(report.otherPairsClustered).toBe(0);
  });
  it('quotes no never-quote passage, stays precise, extracts no advert figure and quotes verbatim', () => {
    for (const [theme, figures] of Object.entries(report.themes)) {
      expect(figures.neverQuoteHits, theme).toBe(0);
      expect(share(figures.precision), theme).toBeGreaterThanOrEqual(0.85);
    }
    expect(report.advertFiguresExtracted).toEqual([]);
    expect(report.notVerbatim).toBe(0);
  });
  it('recalls facts and people with roles at least as well as when first measured', () => {
    expect(report.facts.money.hit).toBeGreaterThanOrEqual(18);
    expect(report.facts.percent.hit).toBeGreaterThanOrEqual(15);
    expect(report.facts.quantity.hit).toBeGreaterThanOrEqual(17);
    expect(report.facts.personRoles.hit).toBeGreaterThanOrEqual(14);
    expect(report.facts.organisations.hit).toBeGreaterThanOrEqual(13);
  });
});
