/** `npm run eval`: print quality figures against the gold labels of the sample corpus and the dev set. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/shared/packageInfo.js';
import { evaluateThemesByLanguage, type LanguageThemeFigures } from './evaluateLanguages.js';
import {
  evaluate,
  evaluateAnalysis,
  evaluateThemePrecision,
  readGold,
  type AnalysisGold,
  type AnalysisReport,
  type QualityReport,
  type Ratio,
  type ThemeGold,
  type ThemePrecision,
} from './evaluate.js';
import type { ScopeSpec } from '../src/analysis/index.js';

const shared = join(packageRoot, '..', 'shared', 'eval', 'seeds-gold.yaml');
const sets = [
  {
    name: 'sample corpus',
    gold: existsSync(shared) ? shared : join(packageRoot, 'test', 'fixtures', 'seeds-gold.yaml'),
    corpus: join(packageRoot, 'corpus'),
  },
  {
    name: 'development set',
    gold: join(packageRoot, 'test', 'fixtures', 'devset', 'devset-gold.yaml'),
    corpus: join(packageRoot, 'test', 'fixtures', 'devset', 'corpus'),
  },
  {
    name: 'held-out set (never tuned on)',
    gold: join(packageRoot, 'test', 'fixtures', 'heldout', 'heldout-gold.yaml'),
    corpus: join(packageRoot, 'test', 'fixtures', 'heldout', 'corpus'),
  },
];

const pct = (r: Ratio) =>
  `${r.hit}/${r.total} (${r.total === 0 ? '-' : ((100 * r.hit) / r.total).toFixed(0)}%)`;

/** The scope a Russia–DPRK analyst would declare, as the shipped briefs do. */
const REAL_SCOPE: ScopeSpec = { all: ['Russia', 'North Korea'] };

function lines(report: QualityReport): string[] {
  return [
    'Ingestion',
    `  documents loaded              ${pct(report.documentsLoaded)}`,
    `  boilerplate markers removed   ${pct(report.boilerplateRemoved)}`,
    `  body markers kept             ${pct(report.bodyKept)}`,
    `  titles right                  ${pct(report.titlesRight)}`,
    `  duplicate pairs found         ${pct(report.duplicatesFound)}`,
    `  canonical copy right          ${pct(report.canonicalRight)}`,
    `  truncation flag right         ${pct(report.truncatedFlagged)}`,
    `  other pairs clustered         ${report.otherPairsClustered}`,
    '',
    'Excerpts (brief of one theme, 5 excerpts; key points serving the theme count as quoted)',
    ...Object.entries(report.themes).map(
      ([id, t]) =>
        `  ${id.padEnd(28)} quoted ${t.excerpts}  should-quote ${pct(t.shouldQuote)}  never-quote hits ${t.neverQuoteHits}  precision ${pct(t.precision)}`,
    ),
    '',
    'Facts (brief of every theme)',
    `  money recall                  ${pct(report.facts.money)}`,
    `  percent recall                ${pct(report.facts.percent)}`,
    `  quantity recall               ${pct(report.facts.quantity)}`,
    `  year recall                   ${pct(report.facts.years)}`,
    `  people found                  ${pct(report.facts.people)}`,
    `  person–role pairs found       ${pct(report.facts.personRoles)}`,
    `  organisations found           ${pct(report.facts.organisations)}`,
    `  key points                    ${report.keyPoints}`,
    `  advert/menu figures extracted ${report.advertFiguresExtracted.length}${report.advertFiguresExtracted.length ? ` (${report.advertFiguresExtracted.join(', ')})` : ''}`,
    `  quotes not verbatim           ${report.notVerbatim}`,
  ];
}

for (const set of sets) {
  const report = await evaluate(await readGold(set.gold), set.corpus);
  process.stdout.write([`== ${set.name}: ${set.gold}`, ...lines(report), '', ''].join('\n'));
}

/**
 * The real-page set: third-party pages kept out of git (eval/real/README.md says how to
 * rebuild them). Scored on every sentence's analysis, so it shows what was found, not what one
 * brief chose to show.
 */
const real = join(packageRoot, 'eval', 'real');
if (existsSync(join(real, 'pages'))) {
  const gold = (await readGold(join(real, 'real-gold.yaml'))) as AnalysisGold;
  const report = await evaluateAnalysis(gold, join(real, 'pages'));
  process.stdout.write(
    [`== real pages: ${join(real, 'real-gold.yaml')}`, ...realLines(report), ''].join('\n'),
  );
  const themeGold = gold as unknown as ThemeGold;
  if (themeGold.documents.some((d) => d.themes.length > 0 || d.off_topic)) {
    for (const scope of [undefined, REAL_SCOPE]) {
      const rows = await evaluateThemePrecision(themeGold, join(real, 'pages'), scope);
      process.stdout.write([...themeLines(rows, scope), ''].join('\n'));
    }
  }
  if (themeGold.documents.some((d) => d.themes.length > 0)) {
    const byLanguage = await evaluateThemesByLanguage(themeGold, join(real, 'pages'));
    process.stdout.write([...languageLines(byLanguage), ''].join('\n'));
  }
  if (process.argv.includes('--misses'))
    process.stdout.write(['Misses', ...report.missed.map((m) => `  ${m}`), ''].join('\n'));
} else {
  process.stdout.write(
    `== real pages: skipped (no ${join(real, 'pages')}; see eval/real/README.md to rebuild it)\n`,
  );
}

function themeLines(rows: ThemePrecision[], scope: ScopeSpec | undefined): string[] {
  const mean = (pick: (r: ThemePrecision) => Ratio) =>
    (rows.reduce((sum, r) => sum + share(pick(r)), 0) / rows.length).toFixed(2);
  const offTopic = rows.reduce((sum, r) => sum + r.offTopic, 0);
  return [
    `Themes (brief of one theme, 5 excerpts, through the store) ${scope ? `scope ${JSON.stringify(scope)}` : 'no scope'}`,
    ...rows.map(
      (r) =>
        `  ${r.themeId.padEnd(28)} quoted ${String(r.quoted).padStart(2)}  precision ${pct(r.precision).padEnd(10)}  page about it ${pct(r.corePrecision).padEnd(10)}  off-topic ${r.offTopic}`,
    ),
    `  mean precision ${mean((r) => r.precision)} (page about it ${mean((r) => r.corePrecision)}), off-topic quotes ${offTopic}`,
  ];
}

function languageLines(rows: LanguageThemeFigures[]): string[] {
  return [
    'Themes by language of the page (every page × shipped theme: a passage scoring 2.5 or more / the page about the theme)',
    '  language pages  precision      recall         about: precision  recall',
    ...rows.map(
      (r) =>
        `  ${r.language.padEnd(8)} ${String(r.pages).padStart(5)}  ${pct(r.precision).padEnd(14)} ${pct(r.recall).padEnd(14)} ${pct(r.aboutPrecision).padEnd(17)} ${pct(r.aboutRecall)}`,
    ),
  ];
}

function share(r: Ratio): number {
  return r.total === 0 ? 1 : r.hit / r.total;
}

function realLines(report: AnalysisReport): string[] {
  return [
    'Ingestion',
    `  documents loaded              ${pct(report.documentsLoaded)}`,
    `  boilerplate markers removed   ${pct(report.boilerplateRemoved)}`,
    `  body markers kept             ${pct(report.bodyKept)}`,
    `  duplicate pairs found         ${pct(report.duplicatesFound)}`,
    `  other pairs clustered         ${report.otherPairsClustered}`,
    `  published date right          ${pct(report.publishedRight)}  (wrong: ${report.publishedWrong})`,
    '',
    'Analysis (every sentence of every document)',
    `  money recall                  ${pct(report.money)}`,
    `  percent recall                ${pct(report.percent)}`,
    `  quantity recall               ${pct(report.quantity)}`,
    `  date recall                   ${pct(report.dates)}`,
    `  people found                  ${pct(report.people)}`,
    `  person–role pairs found       ${pct(report.personRoles)}`,
    `  organisations found           ${pct(report.organisations)}`,
    `  places found                  ${pct(report.places)}`,
    `  figures from furniture        ${report.furnitureFigures.length}${report.furnitureFigures.length ? ` (${report.furnitureFigures.join('; ')})` : ''}`,
  ];
}
