import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileTheme, loadTaxonomy } from '../../src/analysis/index.js';
import { assembleBrief, corpusInMemory, type BriefSpec } from '../../src/brief/index.js';
import {
  explainBrief,
  type BriefExplanation,
  type PassageExplanation,
} from '../../src/brief/explainBrief.js';
import type { Corpus } from '../../src/corpus/index.js';
import type { BriefModel } from '../../src/model/index.js';
import { loadCorpus } from '../../src/store/index.js';
import { ROOT } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/tempDirs.js';

const tempDir = useTempDirs('briefgen-explain-');

/** Articles about one railway, written so that each of the brief's rules decides a passage. */
const ARTICLES: Record<string, string> = {
  'a.txt': `Rail link to Rajin reopens

Officials said the railway would also carry containers from the port of Rajin to the border station at Khasan within a month.
The railway from Khasan to the port of Rajin reopened on Monday after two years of repairs and now carries coal every week.
The mayor thanked the engineers who worked through the winter in difficult conditions.
`,
  'b.txt': `Coal trains cross the border again

The railway from Khasan to the port of Rajin reopened on Monday after years of repairs and now carries coal and timber every week.
Traders in Vladivostok expect prices for imported goods to fall before the end of the year.
A spokesman declined to comment on the cost of the repairs or on who had paid for them.
`,
  'c.txt': `Harbour plans announced

A new ferry terminal at the port is planned for next spring, the regional government announced in a statement.
The statement did not say how many passengers the terminal would serve each year or what it would cost.
Residents have long complained about the noise of trucks driving to the harbour through the town centre.
`,
  'd.txt': `A festival in the old town

The annual music festival drew thousands of visitors to the old town squares over the weekend despite the rain.
Organisers said the next festival would be held in the same squares at the same time of year.
A railway museum near the squares was open late for the festival visitors on Saturday night.
A railway club showed old films about steam engines to the visitors in the museum hall.
`,
  'e.txt': `Exporters welcome the reopening

The railway from Khasan to the port of Rajin reopened on Monday after years of repairs and now carries coal and timber every week.
Exporters in the north said they had waited a long time for a cheaper way to ship their goods abroad.
Several companies have already signed contracts for the first quarter of next year.
`,
};

const RAIL = compileTheme({
  id: 'rail',
  label: 'Railways and ports',
  terms: { 'railway*': 3, port: 2, Khasan: 2, Rajin: 2 },
});

function railBrief(excerpts: number): BriefSpec {
  return {
    file: 'rail.yaml',
    id: 'rail',
    title: 'Rail',
    audience: 'analyst',
    themes: [RAIL],
    window: 'all',
    undated: 'exclude',
    limits: { excerpts_per_theme: excerpts, sentences_per_excerpt: 1, facts: 10, key_points: 0 },
  };
}

function explain(spec: BriefSpec, corpus: Corpus, asOf = '2026-11-22') {
  const inWindow = corpusInMemory(corpus, { window: spec.window, asOf });
  const model = assembleBrief(spec, inWindow, { asOf });
  const copies = corpus.documents.filter((d) => !d.duplicate.canonical);
  return { model, explanation: explainBrief(spec, inWindow, model, { top: 50, copies }) };
}

const verdictOf = (explanation: BriefExplanation, startsWith: string, file?: string) =>
  explanation.themes[0]?.passages.find(
    (p) => p.text.startsWith(startsWith) && (file === undefined || p.file === file),
  )?.verdict;

describe('explainBrief: why each passage was or was not quoted', () => {
  let corpus: Corpus;
  beforeAll(async () => {
    const dir = await tempDir();
    for (const [name, text] of Object.entries(ARTICLES)) await writeFile(join(dir, name), text);
    corpus = await loadCorpus(dir);
  });

  it('names the rule that decided each passage of an inline theme', () => {
    const { explanation } = explain(railBrief(3), corpus);
    expect(verdictOf(explanation, 'Officials said')).toMatchObject({ kind: 'excerpt' });
    expect(verdictOf(explanation, 'The railway from Khasan', 'a.txt')).toEqual({
      kind: 'same-source',
      quoted: 1,
    });
    expect(verdictOf(explanation, 'The railway from Khasan', 'b.txt')).toMatchObject({
      kind: 'excerpt',
    });
    expect(verdictOf(explanation, 'The railway from Khasan', 'e.txt')).toMatchObject({
      kind: 'redundant',
      similarity: 1,
      similarTo: { file: 'b.txt' },
    });
    expect(verdictOf(explanation, 'A new ferry terminal')).toEqual({
      kind: 'below-threshold',
      threshold: 2.5,
    });
  });

  it('says a passage was left out because the theme quoted its limit of stronger ones', () => {
    const { explanation } = explain(railBrief(1), corpus);
    expect(verdictOf(explanation, 'Officials said')).toMatchObject({ kind: 'excerpt' });
    expect(verdictOf(explanation, 'A railway museum')).toEqual({ kind: 'limit', quoted: 1 });
  });

  it('lists passages of a non-canonical copy as such', async () => {
    const dir = await tempDir();
    for (const [name, text] of Object.entries(ARTICLES)) await writeFile(join(dir, name), text);
    await writeFile(join(dir, 'b-copy.txt'), `${ARTICLES['b.txt']?.trimEnd()}\nMore to follow.\n`);
    const withCopy = await loadCorpus(dir);
    const { explanation } = explain(railBrief(3), withCopy);
    const copies = explanation.themes[0]?.passages.filter((p) => p.verdict.kind === 'copy');
    expect(copies?.length).toBeGreaterThan(0);
    const copyIds = new Set(
      withCopy.documents.filter((d) => !d.duplicate.canonical).map((d) => d.id),
    );
    for (const passage of copies ?? []) expect(copyIds.has(passage.docId)).toBe(true);
  });
});

describe('explainBrief on the sample corpus agrees with the brief it explains', () => {
  let model: BriefModel;
  let explanation: BriefExplanation;
  beforeAll(async () => {
    const taxonomy = await loadTaxonomy();
    const corpus = await loadCorpus(join(ROOT, 'corpus'));
    const spec: BriefSpec = {
      ...railBrief(3),
      themes: taxonomy,
      limits: { excerpts_per_theme: 2, sentences_per_excerpt: 1, facts: 10, key_points: 4 },
    };
    ({ model, explanation } = explain(spec, corpus));
  });
  const quoted = (passages: PassageExplanation[]) =>
    passages.filter((p) => p.verdict.kind === 'excerpt');

  it('marks exactly the excerpts of each section as quoted, and the key points as key points', () => {
    for (const section of model.sections) {
      const passages = explanation.themes.find((t) => t.theme.id === section.themeId)?.passages;
      expect(
        quoted(passages ?? [])
          .map((p) => `${p.docId}@${p.start}`)
          .sort(),
      ).toEqual(section.excerpts.map((e) => `${e.docId}@${e.start}`).sort());
    }
    const keyPoints = explanation.themes.flatMap((t) =>
      t.passages.filter((p) => p.verdict.kind === 'key-point'),
    );
    expect(keyPoints.length).toBeGreaterThan(0);
    for (const p of keyPoints)
      expect(model.keyPoints.some((k) => k.docId === p.docId && k.start === p.start)).toBe(true);
  });

  it('gives each verdict only where its rule holds', () => {
    for (const { theme, passages } of explanation.themes) {
      const weakestQuoted = Math.min(...quoted(passages).map((p) => p.score));
      for (const p of passages) {
        const { verdict } = p;
        if (verdict.kind === 'below-threshold') expect(p.score).toBeLessThan(2.5);
        if (verdict.kind === 'limit') expect(p.score).toBeLessThanOrEqual(weakestQuoted);
        if (['redundant', 'same-source', 'fits-other-theme'].includes(verdict.kind))
          expect(p.score).toBeGreaterThan(weakestQuoted);
        if (verdict.kind === 'other-theme') {
          expect(verdict.themeId).not.toBe(theme.id);
          const section = model.sections.find((s) => s.themeId === verdict.themeId);
          expect(section?.excerpts.some((e) => e.docId === p.docId && e.start === p.start)).toBe(
            true,
          );
        }
      }
    }
    const kinds = new Set(explanation.themes.flatMap((t) => t.passages.map((p) => p.verdict.kind)));
    expect([...kinds]).toEqual(
      expect.arrayContaining(['excerpt', 'key-point', 'below-threshold', 'other-theme']),
    );
  });
});
