import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/store/index.js';
import { ROOT } from '../helpers/cli.js';

/** Small pages written for issue 10: hard-wrapped text and the places a page prints its date. */
const corpus = await loadCorpus(join(ROOT, 'test', 'fixtures', 'realpages', 'corpus'));
const doc = (file: string) => {
  const found = corpus.documents.find((d) => d.file === file);
  if (!found) throw new Error(`${file} not loaded`);
  return found;
};
const paragraphs = (file: string) =>
  doc(file).paragraphs.map((p) => ({ kind: p.kind, text: doc(file).text.slice(p.start, p.end) }));

describe('hard-wrapped .txt and .md are reflowed into paragraphs before cleaning', () => {
  it('joins the lines of a wrapped paragraph, so a name split by the wrap is whole again', () => {
    const text = doc('wrapped-report.txt').text;
    expect(text).toContain('Deputy Transport Minister Elena Sokolova told reporters on Friday');
    expect(text).toContain(
      'Officials expect the terminal to double the port\'s capacity by the end of next year. The regional ministry said 1.2 million tonnes',
    );
  });
  it('keeps real short lines as they are: the heading, and the dateline opening its paragraph', () => {
    expect(paragraphs('wrapped-report.txt')).toContainEqual({ kind: 'heading', text: 'The outlook' });
    expect(doc('wrapped-report.txt').dateline).toMatchObject({ place: 'EASTPORT', agency: 'Harbour Wire' });
    expect(paragraphs('wrapped-report.txt').filter((p) => p.kind === 'body')).toHaveLength(3);
  });
  it('reflows Markdown too, and keeps its list items apart', () => {
    const text = doc('wrapped-notes.md').text;
    expect(text).toContain('Chief executive Marta Holm said the line would carry up to 40,000 passengers');
    expect(text).toContain('The operator said it had leased a second vessel for the summer months, when demand is highest.');
    expect(text).toContain('Tickets for the first crossings go on sale in February.');
    expect(text).not.toMatch(/February\. The first crossing/);
  });
});

describe('the published date and where it was read', () => {
  it.each([
    ['date-metadata.md', '2026-11-20', 'metadata'],
    ['date-manifest.txt', '2026-11-17', 'manifest'],
    ['date-slash.txt', '2026-11-15', 'date-line'],
    ['date-byline.txt', '2026-11-16', 'byline'],
    ['date-line-under-headline.txt', '2026-09-12', 'date-line'],
    ['date-dateline.txt', '2026-11-18', 'dateline'],
  ])('%s: %s from the %s', (file, date, from) => {
    expect(doc(file)).toMatchObject({ published: date, publishedFrom: from });
  });
  it('removes the date line and the dated byline from the body, with their reasons', () => {
    expect(doc('date-slash.txt').removed).toContainEqual({ line: 2, text: '15/11/2026', reason: 'date-line' });
    expect(doc('date-byline.txt').removed).toContainEqual({
      line: 2,
      text: 'By Jane Roe | Nov 16, 2026',
      reason: 'byline',
    });
    expect(doc('date-byline.txt').byline).toBe('Jane Roe');
  });
  it('gives a page that prints no date none', () => {
    expect(doc('wrapped-report.txt').published).toBeUndefined();
    expect(doc('wrapped-report.txt').publishedFrom).toBeUndefined();
  });
});
