import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../src/corpus/index.js';
import { readGold } from '../../scripts/evaluate.js';
import { ROOT } from '../helpers/cli.js';

const gold = await readGold(join(ROOT, 'test', 'fixtures', 'seeds-gold.yaml'));
const raw = (file: string) => readFileSync(join(ROOT, 'corpus', file), 'utf8');
const cleanedText = (file: string) => cleanDocument(raw(file)).kept.map((l) => l.text).join('\n');

describe('cleanDocument on the sample corpus', () => {
  for (const [file, markers] of Object.entries(gold.boilerplate_markers)) {
    it(`removes every boilerplate marker of ${file}`, () => {
      const text = cleanedText(file);
      expect(markers.filter((m) => text.includes(m))).toEqual([]);
    });
  }
  for (const [file, markers] of Object.entries(gold.body_markers)) {
    it(`keeps every body marker of ${file}`, () => {
      const text = cleanedText(file);
      expect(markers.filter((m) => !text.includes(m))).toEqual([]);
    });
  }
  it('finds the headline even under a photo caption or a skip-link menu', () => {
    for (const doc of gold.documents) expect(cleanDocument(raw(doc.file)).title).toBe(doc.title);
  });
  it('gives every removed line a reason and its line number', () => {
    for (const file of readdirSync(join(ROOT, 'corpus'))) {
      const lines = raw(file).split('\n');
      for (const removed of cleanDocument(raw(file)).removed) {
        expect(removed.reason).toMatch(/^[a-z-]+$/);
        expect(lines[removed.line - 1]?.trim()).toBe(removed.text);
      }
    }
  });
});

describe('cleanDocument rules', () => {
  it('drops an advert that ends in a call to action, with its headline', () => {
    const page = [
      'Ports reopen after the storm',
      '',
      'The harbour authority said on Monday that all three container terminals were open again after the storm.',
      '',
      'This Fund Is Beating The Market [Exclusive]',
      '',
      'Our alpha fund returned 12% this year and its managers expect more growth in the coming quarter, moving it closer to its Read More',
      '',
      'Shipping lines said the backlog of vessels waiting outside the port would clear within a week.',
    ].join('\n');
    const result = cleanDocument(page);
    expect(result.removed.map((r) => r.reason)).toEqual(['promotion', 'promotion']);
    expect(result.kept).toHaveLength(2);
  });
  it('drops related-story lists and sign-offs after the last paragraph', () => {
    const page = [
      'Grain deal extended',
      '',
      'The two governments agreed on Friday to extend the grain corridor for another twelve months, officials said.',
      '',
      'Related',
      '  • Wheat prices fall to a four-year low',
      '  • Fertiliser exports resume',
      'Share this article',
    ].join('\n');
    const result = cleanDocument(page);
    expect(result.kept.map((k) => k.text)).toEqual([
      'The two governments agreed on Friday to extend the grain corridor for another twelve months, officials said.',
    ]);
    expect(new Set(result.removed.map((r) => r.reason))).toEqual(new Set(['trailer', 'list-item', 'furniture']));
  });
  it('keeps a subheading inside the body but marks it as a heading', () => {
    const page = [
      'Headline of the story here',
      '',
      'The first paragraph of the article is long enough to be read as prose by the cleaner.',
      '',
      'What Happens Next',
      '',
      'The second paragraph of the article is also long enough to be read as prose by the cleaner.',
    ].join('\n');
    const result = cleanDocument(page);
    expect(result.kept.map((k) => k.heading)).toEqual([false, true, false]);
  });
});
