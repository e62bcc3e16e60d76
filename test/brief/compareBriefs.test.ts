import { describe, expect, it } from 'vitest';
import { compareBriefs } from '../../src/brief/index.js';
import type { EarlierBrief, Fact, Source } from '../../src/model/index.js';

function source(citation: number, docId: string, more: Partial<Source> = {}): Source {
  return {
    citation,
    docId,
    file: `${docId}.md`,
    title: `Story ${docId}`,
    truncated: false,
    alsoReportedBy: [],
    ...more,
  };
}

/** A fact as assembleBrief makes it: the figure as written, inside its sentence. */
function fact(
  id: string,
  citation: number,
  sentence: string,
  text: string,
  more: Partial<Fact> & Pick<Fact, 'kind' | 'value'>,
): Fact {
  const at = sentence.indexOf(text);
  return {
    id,
    docId: `doc${citation}`,
    file: `doc${citation}.md`,
    start: at,
    end: at + text.length,
    citation,
    text,
    sentence,
    ...more,
  };
}

function earlier(sources: Source[], facts: Fact[] = []): EarlierBrief {
  return {
    schemaVersion: '1.1',
    generator: 'briefgen 0.1.0',
    brief: { id: 'weekly', asOf: '2026-11-09' },
    sources,
    facts,
  };
}

const WORKERS_THEN =
  'Russia has hired 5,000 North Korean workers for construction sites in the Far East, the ministry said.';
const WORKERS_NOW =
  'Russia has hired 8,000 North Korean workers for construction sites in the Far East, the ministry said.';
const workers = (id: string, citation: number, sentence: string, n: string) =>
  fact(id, citation, sentence, `${n} North Korean workers`, {
    kind: 'quantity',
    value: `${n} workers`,
    unit: 'workers',
  });

describe('compareBriefs: stories', () => {
  it('says there is nothing to compare for the first brief', () => {
    const changes = compareBriefs(undefined, { sources: [source(1, 'a')], facts: [] });
    expect(changes).toEqual({ newStories: [], continuingStories: [], changedFigures: [] });
  });

  it('lists a source the previous brief did not cite as new, one it cited as continuing', () => {
    const changes = compareBriefs(earlier([source(1, 'a'), source(2, 'gone')]), {
      sources: [source(1, 'b'), source(2, 'a')],
      facts: [],
    });
    expect(changes.previous).toEqual({ asOf: '2026-11-09', generator: 'briefgen 0.1.0' });
    expect(changes.newStories).toEqual([{ citation: 1, docId: 'b', title: 'Story b' }]);
    expect(changes.continuingStories).toEqual([
      { citation: 2, docId: 'a', title: 'Story a', previousCitation: 1 },
    ]);
  });

  it('knows a story by another copy of it, or by its web address', () => {
    const copy = { docId: 'a-copy', file: 'a-copy.md', title: 'Story a, syndicated' };
    const changes = compareBriefs(
      earlier([
        source(1, 'a', { alsoReportedBy: [copy] }),
        source(2, 'c', { url: 'https://Example.org/c/?p=1' }),
      ]),
      {
        sources: [source(1, 'a-copy'), source(2, 'c-renamed', { url: 'http://example.org/c?p=1' })],
        facts: [],
      },
    );
    expect(changes.newStories).toEqual([]);
    expect(changes.continuingStories.map((s) => s.previousCitation)).toEqual([1, 2]);
  });
});

describe('compareBriefs: figures', () => {
  it('lists a figure on the same subject with a new value, with both figures and the earlier source', () => {
    const then = workers('f1', 3, WORKERS_THEN, '5,000');
    const now = workers('f2', 1, WORKERS_NOW, '8,000');
    const changes = compareBriefs(earlier([source(3, 'doc3')], [then]), {
      sources: [source(1, 'doc1')],
      facts: [now],
    });
    expect(changes.changedFigures).toEqual([
      {
        kind: 'quantity',
        subject: {
          measure: 'workers',
          words: [
            'Russia',
            'hired',
            'North',
            'Korean',
            'construction',
            'sites',
            'Far',
            'East',
            'ministry',
          ],
        },
        before: then,
        beforeSource: source(3, 'doc3'),
        now,
      },
    ]);
  });

  it('matches a figure reported in other words, when most words around it are the same', () => {
    const then = fact(
      'f1',
      1,
      'Trade between Russia and North Korea reached $34 million in October, customs officials said.',
      '$34 million',
      { kind: 'money', value: 'USD 34,000,000', currency: 'USD', amount: 34e6 },
    );
    const now = fact(
      'f9',
      2,
      'In October, trade between Russia and North Korea reached $41 million, customs officials in Vladivostok said.',
      '$41 million',
      { kind: 'money', value: 'USD 41,000,000', currency: 'USD', amount: 41e6 },
    );
    const changes = compareBriefs(earlier([source(1, 'doc1')], [then]), {
      sources: [source(2, 'doc2')],
      facts: [now],
    });
    expect(changes.changedFigures.map((c) => [c.before.value, c.now.value])).toEqual([
      ['USD 34,000,000', 'USD 41,000,000'],
    ]);
  });

  it('lists nothing when the previous brief had the same value for the subject', () => {
    const then = [workers('f1', 1, WORKERS_THEN, '5,000'), workers('f2', 2, WORKERS_NOW, '8,000')];
    const changes = compareBriefs(earlier([source(1, 'doc1'), source(2, 'doc2')], then), {
      sources: [source(2, 'doc2')],
      facts: [workers('f1', 2, WORKERS_NOW, '8,000')],
    });
    expect(changes.changedFigures).toEqual([]);
  });

  it('does not pair figures of another measure, another subject or another year', () => {
    const then = [
      workers('f1', 1, WORKERS_THEN, '5,000'),
      fact('f2', 1, 'Trade reached $40 million in 2019, the report said.', '$40 million', {
        kind: 'money',
        value: 'USD 40,000,000',
        currency: 'USD',
      }),
    ];
    const now = [
      // The same words around it, but soldiers, not workers.
      fact('f1', 1, WORKERS_NOW.replace('workers', 'soldiers'), '8,000 North Korean soldiers', {
        kind: 'quantity',
        value: '8,000 soldiers',
        unit: 'soldiers',
      }),
      // Workers, but another story.
      workers(
        'f2',
        1,
        'About 8,000 North Korean workers staged a strike at a fishing port in Vladivostok over unpaid wages.',
        '8,000',
      ),
      // The same sentence shape, another year: a new data point, not a change.
      fact('f3', 1, 'Trade reached $55 million in 2020, the report said.', '$55 million', {
        kind: 'money',
        value: 'USD 55,000,000',
        currency: 'USD',
      }),
    ];
    const changes = compareBriefs(earlier([source(1, 'doc1')], then), {
      sources: [source(1, 'doc1')],
      facts: now,
    });
    expect(changes.changedFigures).toEqual([]);
  });

  it('compares money, shares and quantities only: dates and years are events', () => {
    const year = (id: string, y: string) =>
      fact(id, 1, `The railway bridge opened in ${y}, the ministry said.`, y, {
        kind: 'year',
        value: y,
        date: y,
      });
    const changes = compareBriefs(earlier([source(1, 'doc1')], [year('f1', '2014')]), {
      sources: [source(1, 'doc1')],
      facts: [year('f1', '2015')],
    });
    expect(changes.changedFigures).toEqual([]);
  });

  it('gives the same answer for the same two briefs (no clock, no order of arrival)', () => {
    const args = [
      earlier([source(3, 'doc3')], [workers('f1', 3, WORKERS_THEN, '5,000')]),
      { sources: [source(1, 'doc1')], facts: [workers('f2', 1, WORKERS_NOW, '8,000')] },
    ] as const;
    expect(JSON.stringify(compareBriefs(...args))).toBe(JSON.stringify(compareBriefs(...args)));
  });
});
