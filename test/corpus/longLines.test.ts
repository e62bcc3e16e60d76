import { describe, expect, it } from 'vitest';
import { collectEntities, extractFacts } from '../../src/analysis/index.js';
import { analyseArticle } from '../../src/corpus/analyseArticle.js';
import { parseMarkdown } from '../../src/corpus/formats/parseMarkdown.js';

/*
 * A scraped page can hold one enormous line (a minified script, a run of dots, a base64 image).
 * Every pattern applied per line or per sentence must take time linear in its length: before,
 * a 40,000-character line took 15 s to clean and a 200,000-character word never finished.
 * No timing is asserted; the timeout only stops a run that would never end.
 */
const HUGE = 200_000;
const LONG_TEST = 20_000;
const repeat = (unit: string) => unit.repeat(Math.ceil(HUGE / unit.length)).slice(0, HUGE);

const TITLE = 'Grain exports to Russia rise';
const FIRST = 'The ministry said on Monday that grain exports to Russia rose 12% this year.';
const LAST = 'Officials expect shipments through the port of Rajin to double by next spring.';

const hugeLines: Record<string, string> = {
  'a word of small letters': 'a'.repeat(HUGE),
  'a word of capitals': 'A'.repeat(HUGE),
  'a word of digits and dots': repeat('1.'),
  'a hyphenated word': repeat('Ab-'),
  'a run of full stops': '.'.repeat(HUGE),
  'a run of exclamation marks': `x${'!'.repeat(HUGE)}x`,
  'a credit word and a run of spaces': `Photo${' '.repeat(HUGE)}AP`,
  'a line of words': repeat('word '),
  'a line of capitalised words': repeat('Abc '),
  'a line of initials': repeat('A. '),
  'a line of e-mail-like text': repeat('a.b@'),
  'a line of names with titles': repeat('Deputy Minister Kim Abcde said, '),
  'a line of names joined by "and"': repeat('Kim Jong Un and '),
  'a line of organisations with acronyms': repeat('The National Grain Agency (NGA) said so. '),
  'a line of figures': repeat('$1 and 5% of 10 tonnes in 2020, '),
};

describe('a document with a 200,000-character line', () => {
  for (const [shape, line] of Object.entries(hugeLines)) {
    it(
      `is cleaned and analysed, keeping its body: ${shape}`,
      () => {
        const doc = analyseArticle({
          file: 'huge.txt',
          text: [TITLE, FIRST, line, LAST].join('\n\n'),
          title: TITLE,
        });
        expect(doc.text).toContain(FIRST);
        expect(doc.text).toContain(LAST);
        const facts = extractFacts(doc.text, doc.sentences);
        expect(facts.some((f) => f.kind === 'percent' && f.value === '12%')).toBe(true);
        const entities = collectEntities([{ docId: doc.id, text: doc.text, sentences: doc.sentences }]);
        expect(entities.some((e) => e.kind === 'place' && e.name === 'Russia')).toBe(true);
      },
      LONG_TEST,
    );
  }
});

describe('a Markdown file with a 200,000-character line', () => {
  const markup: Record<string, string> = {
    'of image openings': repeat('!['),
    'of link openings': repeat('[a]('),
    'of brackets': '['.repeat(HUGE),
    'of emphasis marks': repeat('*a'),
  };
  for (const [shape, line] of Object.entries(markup)) {
    it(
      `is read as text: a line ${shape}`,
      () => {
        const result = parseMarkdown('huge.md', `# ${TITLE}\n\n${FIRST}\n\n${line}\n\n${LAST}\n`);
        expect(result.articles[0]?.text).toContain(FIRST);
        expect(result.articles[0]?.text).toContain(LAST);
      },
      LONG_TEST,
    );
  }
});
