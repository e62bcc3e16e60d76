import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BriefModel } from '../../src/model/index.js';
import { ROOT, runBrief } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/tempDirs.js';

const tempDir = useTempDirs('briefgen-languages-');
const corpus = join(ROOT, 'test', 'fixtures', 'languages', 'corpus');

async function build(yaml: string): Promise<BriefModel> {
  const dir = await tempDir();
  await writeFile(join(dir, 'brief.yaml'), yaml);
  const result = await runBrief(
    [
      'build',
      join(dir, 'brief.yaml'),
      '--corpus',
      corpus,
      '--format',
      'json',
      '--as-of',
      '2026-11-22',
    ],
    { env: { BRIEFGEN_STORE: join(dir, 'store.sqlite') } },
  );
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as BriefModel;
}

const quoted = (model: BriefModel) => [
  ...model.keyPoints,
  ...model.sections.flatMap((s) => s.excerpts),
];

describe('a brief over articles in many languages', () => {
  it('quotes passages in their own languages, each marked with it, and counts articles by language', async () => {
    const model = await build(
      'title: Energy and transport\nthemes: [energy and resources, infrastructure and transport]\nlimits: { excerpts_per_theme: 10 }\n',
    );
    const languages = new Set(quoted(model).map((q) => q.language));
    expect([...languages]).toEqual(expect.arrayContaining(['ru', 'ko', 'ar', 'ja', 'de']));
    expect(model.corpus.languages).toMatchObject({ ru: 1, ko: 1, ar: 1, ja: 1 });
    const russian = quoted(model).find((q) => q.language === 'ru');
    expect(russian?.text).toMatch(/\p{Script=Cyrillic}/u);
  });

  it('quotes only the languages a brief names, paragraphs in other languages included', async () => {
    const model = await build(
      'title: Energy\nthemes: [energy and resources, infrastructure and transport, diplomacy]\nlanguages: [en, ru]\nlimits: { excerpts_per_theme: 10 }\n',
    );
    expect(model.brief.languages).toEqual(['en', 'ru']);
    const languages = new Set(quoted(model).map((q) => q.language));
    expect([...languages].sort()).toEqual(['en', 'ru']);
    // The Russian paragraph quoted in an English page counts as Russian.
    expect(quoted(model).some((q) => q.docId === 'mixed-en-ru' && q.language === 'ru')).toBe(true);
  });

  it('an inline theme with terms in several scripts finds their inflected forms', async () => {
    const model = await build(
      'title: Links\nthemes: [{id: links, label: Links, terms: {ru: {Россия: 3, рубл*: 3}, ko: {러시아: 3, 다리: 3}, ar: {ديون: 3}, ja: {電力: 3}}}]\nlimits: { excerpts_per_theme: 10 }\n',
    );
    const languages = new Set(quoted(model).map((q) => q.language));
    expect([...languages]).toEqual(expect.arrayContaining(['ru', 'ko', 'ar', 'ja']));
  });
});
