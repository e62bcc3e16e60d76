/** `npm run eval`: print quality figures against the gold labels. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/shared/packageInfo.js';
import { evaluate, readGold, type Ratio } from './evaluate.js';

const shared = join(packageRoot, '..', 'shared', 'eval', 'seeds-gold.yaml');
const goldFile =
  process.argv[2] ??
  (existsSync(shared) ? shared : join(packageRoot, 'test', 'fixtures', 'seeds-gold.yaml'));
const corpusDir = process.argv[3] ?? join(packageRoot, 'corpus');

const report = await evaluate(await readGold(goldFile), corpusDir);
const pct = (r: Ratio) =>
  `${r.hit}/${r.total} (${r.total === 0 ? '-' : ((100 * r.hit) / r.total).toFixed(0)}%)`;
const yes = (b: boolean) => (b ? 'yes' : 'NO');

const lines = [
  `briefgen quality against ${goldFile}`,
  `corpus: ${corpusDir}`,
  '',
  'Ingestion',
  `  boilerplate markers removed   ${pct(report.boilerplateRemoved)}`,
  `  body markers kept             ${pct(report.bodyKept)}`,
  `  titles right                  ${pct(report.titlesRight)}`,
  `  duplicate pair found          ${yes(report.duplicatePairFound)}`,
  `  canonical copy right          ${yes(report.canonicalRight)}`,
  `  truncated copy flagged        ${yes(report.truncatedFlagged)}`,
  `  other pairs clustered         ${report.otherPairsClustered}`,
  '',
  'Excerpts (brief of one theme, 5 excerpts; key points serving the theme count as quoted)',
  ...Object.entries(report.themes).map(
    ([id, t]) =>
      `  ${id.padEnd(28)} excerpts ${t.excerpts}  should-quote ${pct(t.shouldQuote)}  never-quote hits ${t.neverQuoteHits}  precision ${pct(t.precision)}`,
  ),
  '',
  'Facts (brief of every theme)',
  `  money recall                  ${pct(report.facts.money)}`,
  `  percent recall                ${pct(report.facts.percent)}`,
  `  year recall                   ${pct(report.facts.years)}`,
  `  people found                  ${pct(report.facts.people)}`,
  `  person–role pairs found       ${pct(report.facts.personRoles)}`,
  `  organisations found           ${pct(report.facts.organisations)}`,
  `  key points                    ${report.keyPoints}`,
  `  advert/menu figures extracted ${report.advertFiguresExtracted.length}${report.advertFiguresExtracted.length ? ` (${report.advertFiguresExtracted.join(', ')})` : ''}`,
  `  excerpts/facts not verbatim   ${report.notVerbatim}`,
];
process.stdout.write(lines.join('\n') + '\n');
