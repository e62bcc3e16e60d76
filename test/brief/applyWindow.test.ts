import { describe, expect, it } from 'vitest';
import { applyWindow } from '../../src/brief/applyWindow.js';
import type { CorpusDocument } from '../../src/corpus/index.js';

const doc = (id: string, extra: Partial<CorpusDocument>): CorpusDocument => ({
  id,
  file: `${id}.txt`,
  title: id,
  text: '',
  paragraphs: [],
  sentences: [],
  removed: [],
  truncated: false,
  language: 'en',
  duplicate: { clusterId: id, canonical: true, others: [], containment: 1 },
  ...extra,
});

const ids = (result: { documents: CorpusDocument[] }) => result.documents.map((d) => d.id);

describe('applyWindow', () => {
  const docs = [
    doc('old', { published: '2026-11-01', firstSeen: '2026-11-02T10:00:00.000Z' }),
    doc('recent', { published: '2026-11-20', firstSeen: '2026-11-21T10:00:00.000Z' }),
    doc('undated', {}),
  ];
  it('last-N-days counts back from the as-of date and leaves undated documents out, saying so', () => {
    const result = applyWindow(docs, 'last-7-days', '2026-11-23');
    expect(ids(result)).toEqual(['recent']);
    expect(result.description).toBe('2026-11-16 to 2026-11-23 (1 undated article left out)');
  });
  it('keeps undated documents in a date window when the brief says undated: include', () => {
    const result = applyWindow(docs, 'last-7-days', '2026-11-23', undefined, 'include');
    expect(ids(result)).toEqual(['recent', 'undated']);
    expect(result.description).toBe('2026-11-16 to 2026-11-23 (1 undated article included)');
  });
  it('an explicit range is inclusive', () => {
    expect(ids(applyWindow(docs, { from: '2026-11-01', to: '2026-11-20' }, '2026-11-23'))).toEqual([
      'old',
      'recent',
    ]);
  });
  it('since-last-run keeps documents first seen after the previous run, and those never seen before', () => {
    expect(
      ids(applyWindow(docs, 'since-last-run', '2026-11-23', '2026-11-16T07:00:00.000Z')),
    ).toEqual(['recent', 'undated']);
    expect(ids(applyWindow(docs, 'since-last-run', '2026-11-23'))).toEqual([
      'old',
      'recent',
      'undated',
    ]);
  });
});
