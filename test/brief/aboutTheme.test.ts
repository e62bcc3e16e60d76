import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BriefModel } from '../../src/model/index.js';
import { runBrief } from '../helpers/cli.js';
import { readPdf } from '../helpers/readPdf.js';
import { useTempDirs } from '../helpers/tempDirs.js';

const tempDir = useTempDirs('briefgen-about-');

/**
 * Real pages quote a theme's words in passing ("talks will focus on trade, energy and
 * culture"); a section should quote articles on its subject. Fixtures written for this test.
 */
const OIL_ARTICLES = [
  ['Russia ships more oil to North Korea', 'tankers', 'barrels of refined oil and diesel fuel'],
  ['Moscow expands gas exports', 'pipeline', 'natural gas through a new pipeline'],
  ['Coal mines reopen in the Far East', 'mining', 'coal from reopened mines and power plants'],
  ['Refinery output rises', 'refinery', 'petroleum products from the Khabarovsk refinery'],
  ['Electricity grid link planned', 'grid', 'electricity over a cross-border power grid'],
  ['Crude exports climb', 'crude', 'crude oil by tanker from the Kozmino terminal'],
];

function oilArticle([title, , cargo]: string[]): string {
  return [
    title,
    '',
    `Russia delivered ${cargo} to North Korea last month, energy officials said on Monday.`,
    '',
    `The shipments of ${cargo} were the largest this year, according to customs data on fuel and energy trade.`,
    '',
    `Energy analysts expect more deliveries of ${cargo} before winter, when demand for fuel and heating oil peaks.`,
    '',
  ].join('\n');
}

/** A summit report with one sentence that names energy words and is otherwise about talks. */
const SUMMIT = [
  'Leaders meet for talks in Vladivostok',
  '',
  'The two leaders met for talks in Vladivostok on Tuesday, their first meeting in four years, officials said.',
  '',
  'The delegations discussed the state of relations and agreed to meet again next year in Pyongyang.',
  '',
  'Officials said the talks would also touch on oil, gas, coal and electricity supplies among many other subjects.',
  '',
  'The foreign ministers held a separate meeting on the sidelines and signed a protocol on consular matters.',
  '',
  'A joint statement praised the friendly relations between the two governments and their long history of ties.',
  '',
  'The visit opened with a ceremony at the railway station, where the guests were greeted by a guard of honour.',
  '',
  'Both sides said the meeting had been frank and constructive, and that they would keep up regular contacts.',
  '',
  'The delegation toured a university campus and a theatre before leaving for the airport on Wednesday morning.',
  '',
  'Diplomats from both countries will prepare the next round of talks, a spokesman for the ministry said.',
  '',
  'Observers said the summit was mostly symbolic and that few concrete decisions had been announced.',
  '',
].join('\n');

/** Build an energy brief over the summit report and these oil articles, as JSON or as a PDF. */
async function buildEnergy(articles: string[][], format: 'json' | 'pdf'): Promise<string> {
  const dir = await tempDir();
  const corpus = join(dir, 'corpus');
  await mkdir(corpus);
  for (const article of articles)
    await writeFile(join(corpus, `${article[1] ?? 'x'}.txt`), oilArticle(article));
  await writeFile(join(corpus, 'summit.txt'), SUMMIT);
  await writeFile(
    join(dir, 'brief.yaml'),
    'id: energy\ntitle: Energy\nthemes: [energy and resources]\nlimits: { excerpts_per_theme: 5 }\n',
  );
  const out = join(dir, 'out');
  const result = await runBrief(
    [
      'build',
      join(dir, 'brief.yaml'),
      '--corpus',
      corpus,
      ...(format === 'json' ? ['--format', 'json'] : ['--out', out, '--quiet']),
      '--as-of',
      '2026-11-22',
    ],
    { env: { BRIEFGEN_STORE: join(dir, 'store.sqlite') } },
  );
  expect(result.stderr).toBe('');
  if (format === 'json') return result.stdout;
  const pdfs = (await readdir(join(out, 'energy'))).filter((f) => f.endsWith('.pdf'));
  expect(pdfs).toHaveLength(1);
  return join(out, 'energy', pdfs[0] ?? '');
}

async function buildEnergyBrief(articles: string[][]): Promise<BriefModel> {
  return JSON.parse(await buildEnergy(articles, 'json')) as BriefModel;
}

const quotedFiles = (model: BriefModel) => [
  ...model.keyPoints.map((k) => k.file),
  ...model.sections.flatMap((s) => s.excerpts.map((e) => e.file)),
];

describe('a theme section quotes articles about the theme', () => {
  it('passes over a passing mention in an article about something else when enough articles are on the theme', async () => {
    const model = await buildEnergyBrief(OIL_ARTICLES);
    const files = quotedFiles(model);
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(files).not.toContain('summit.txt');
  });

  it('passes over the passing mention when three articles are on the theme, though the section has room for more', async () => {
    const model = await buildEnergyBrief(OIL_ARTICLES.slice(0, 3));
    expect(quotedFiles(model).length).toBeGreaterThanOrEqual(3);
    expect(quotedFiles(model)).not.toContain('summit.txt');
  });

  it('quotes the passing mention when only two articles are on the theme', async () => {
    const model = await buildEnergyBrief(OIL_ARTICLES.slice(0, 2));
    expect(quotedFiles(model)).toContain('summit.txt');
  });

  it('quotes nothing when no article is about the theme, and the section says why', async () => {
    const model = await buildEnergyBrief([]);
    expect(quotedFiles(model)).toEqual([]);
    const pdf = await readPdf(await buildEnergy([], 'pdf'));
    expect(pdf.text).toMatch(
      /No article in the corpus is about this theme; passing mentions are not\s+quoted/,
    );
  });
});
