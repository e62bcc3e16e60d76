import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTheme, loadTaxonomy } from '../../src/analysis/index.js';
import { assembleBrief, type BriefSpec } from '../../src/brief/index.js';
import { loadCorpus } from '../../src/store/index.js';
import { BriefModel } from '../../src/model/index.js';
import { ROOT } from '../helpers/cli.js';

const taxonomy = await loadTaxonomy();
const corpus = await loadCorpus(join(ROOT, 'corpus'));

function spec(themeIds: string[], perTheme = 5): BriefSpec {
  return {
    file: 'test.yaml',
    id: 'test',
    title: 'Test brief',
    audience: 'analyst',
    themes: taxonomy.filter((t) => themeIds.includes(t.id)),
    window: 'all',
    undated: 'exclude',
    limits: { excerpts_per_theme: perTheme, sentences_per_excerpt: 1, facts: 50, key_points: 4 },
  };
}

describe('assembleBrief', () => {
  const model = assembleBrief(
    spec(
      taxonomy.map((t) => t.id),
      3,
    ),
    corpus,
    { asOf: '2026-11-22' },
  );
  const excerpts = model.sections.flatMap((s) => s.excerpts);
  const docs = new Map(corpus.documents.map((d) => [d.id, d]));

  it('produces a model that satisfies its own schema', () => {
    expect(BriefModel.safeParse(model).success).toBe(true);
  });
  it('quotes every key point, excerpt, fact and timeline event verbatim from its cleaned source', () => {
    for (const item of [...model.keyPoints, ...excerpts, ...model.facts, ...model.timeline]) {
      expect(docs.get(item.docId)?.text.slice(item.start, item.end)).toBe(item.text);
    }
  });
  it('never quotes the same passage twice in a brief', () => {
    const keys = excerpts.map((e) => `${e.docId}:${e.start}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('quotes only canonical copies and names the others as also reporting', () => {
    expect(excerpts.every((e) => docs.get(e.docId)?.duplicate.canonical)).toBe(true);
    const complete = model.sources.find((s) => s.docId.startsWith('001'));
    expect(complete?.alsoReportedBy.map((o) => o.docId.slice(0, 3))).toEqual(['000']);
  });
  it('respects the per-theme limit and only quotes whole sentences', () => {
    for (const section of model.sections) expect(section.excerpts.length).toBeLessThanOrEqual(3);
    for (const e of excerpts) expect(e.text).toMatch(/[.!?]["”’]?$/u);
  });
  it('numbers sources in order of first citation, and every citation has its source', () => {
    const cited = [...model.keyPoints, ...excerpts, ...model.facts, ...model.timeline];
    const order = [...new Set(cited.map((x) => x.citation))];
    expect(order).toEqual(order.map((_, i) => i + 1));
    expect(model.sources.map((s) => s.citation)).toEqual(order);
  });
  it('puts a few non-redundant, cited key points up front', () => {
    expect(model.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(model.keyPoints.length).toBeLessThanOrEqual(4);
    expect(new Set(model.keyPoints.map((k) => k.text)).size).toBe(model.keyPoints.length);
    for (const point of model.keyPoints) expect(point.themeIds.length).toBeGreaterThan(0);
  });
  it('orders the timeline oldest first', () => {
    const dates = model.timeline.map((t) => t.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates.length).toBeGreaterThan(3);
  });
  it('lists people with roles and cites where they are mentioned', () => {
    const people = model.entities.filter((e) => e.kind === 'person');
    expect(people.length).toBeGreaterThan(3);
    for (const person of people)
      expect(person.citations.every((c) => model.sources.some((s) => s.citation === c))).toBe(true);
  });
  it('explains every excerpt with its matched terms and score', () => {
    for (const e of excerpts) {
      expect(e.matchedTerms.length).toBeGreaterThan(0);
      expect(e.score).toBeGreaterThan(0);
    }
  });
  it('leaves a section empty rather than quote an off-theme passage', () => {
    const volcanoes = compileTheme({
      id: 'volcanoes',
      label: 'Volcanoes',
      description: '',
      terms: ['volcano*', 'lava', 'eruption*'],
      against: [],
    });
    const empty = assembleBrief({ ...spec([]), themes: [volcanoes] }, corpus, {
      asOf: '2026-11-22',
    });
    expect(empty.sections[0]?.excerpts).toEqual([]);
  });
});
