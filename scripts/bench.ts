/**
 * `npm run bench`: speed and memory of building briefs, as medians of several runs, with a
 * baseline (a bare Node process) measured in the same call so figures compare across machines.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadTaxonomy } from '../src/analysis/index.js';
import { assembleBrief, loadBrief } from '../src/brief/index.js';
import { loadCorpus } from '../src/store/index.js';
import type { BriefModel } from '../src/model/index.js';
import { listTemplates, loadTemplate, renderPdf } from '../src/render/index.js';
import { packageRoot } from '../src/shared/packageInfo.js';
import { generateCorpus } from './generateCorpus.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const cli = join(packageRoot, 'dist', 'src', 'cli', 'main.js');
const rssHook =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss="+process.resourceUsage().maxRSS+"\\n"))';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const ms = (value: number) => `${value.toFixed(0)} ms`;

/** Wall time and peak RSS (kB) of a whole process. */
function timeProcess(args: string[]): { ms: number; rssKb: number } {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', rssHook, ...args], { encoding: 'utf8' });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`bench run failed: ${result.stderr}`);
  return { ms: elapsed, rssKb: Number(/maxrss=(\d+)/.exec(result.stderr)?.[1] ?? 0) };
}

function wholeProcess(label: string, args: string[]) {
  const runs = Array.from({ length: RUNS }, () => timeProcess(args));
  return {
    label,
    ms: median(runs.map((r) => r.ms)),
    rssMb: Math.max(...runs.map((r) => r.rssKb)) / 1024,
  };
}

async function renderTimes(model: BriefModel, template: Awaited<ReturnType<typeof loadTemplate>>) {
  const first = performance.now();
  const pdf = await renderPdf(model, template);
  const firstMs = performance.now() - first;
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await renderPdf(model, template);
    warm.push(performance.now() - start);
  }
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  return { firstMs, warmMs: median(warm), bytes: pdf.length, pages };
}

/** A synthetic model of `sections` themes with three long excerpts each (about one page per section). */
function syntheticModel(base: BriefModel, sections: number): BriefModel {
  const text =
    'The delegation discussed oil, gas and mineral exploration in detail, and both sides agreed to meet again. '
      .repeat(6)
      .trim();
  const source = base.sources[0];
  return {
    ...base,
    sections: Array.from({ length: sections }, (_, s) => ({
      themeId: `theme-${s}`,
      label: `Theme ${s + 1}`,
      description: 'A synthetic section for measuring layout cost.',
      excerpts: Array.from({ length: 4 }, (_, e) => ({
        id: `x${s}-${e}`,
        text,
        docId: source?.docId ?? 'doc',
        file: source?.file ?? 'doc.txt',
        start: 0,
        end: text.length,
        citation: 1,
        score: 5,
        matchedTerms: ['oil'],
      })),
    })),
  };
}

const out = mkdtempSync(join(tmpdir(), 'briefgen-bench-'));
const weekly = join(packageRoot, 'briefs', 'weekly-overview.yaml');
const baseline = wholeProcess('node -e 0 (baseline)', ['-e', '0']);
const help = wholeProcess('brief --version', [cli, '--version']);
const build = wholeProcess('brief build weekly-overview', [
  cli,
  'build',
  weekly,
  '--out',
  out,
  '--as-of',
  '2026-11-23',
  '--quiet',
]);
const pdfDir = join(out, 'weekly-overview');
const pdfBytes = readFileSync(join(pdfDir, readdirSync(pdfDir)[0] ?? '')).length;

const corpus = await loadCorpus(join(packageRoot, 'corpus'));
const spec = await loadBrief(weekly, {
  taxonomy: await loadTaxonomy(),
  templates: await listTemplates(),
});
const t0 = performance.now();
const model = assembleBrief(spec, corpus, { asOf: '2026-11-23' });
const assembleMs = performance.now() - t0;
const template = await loadTemplate('analyst');
const sample = await renderTimes(model, template);
const ten = await renderTimes(syntheticModel(model, 3), template);
const hundred = await renderTimes(syntheticModel(model, 72), template);
// Ingestion of a large corpus: a first run analyses every file, a re-run reads the cache.
const CORPUS_SIZE = Number(process.env.BENCH_CORPUS ?? 5000);
const big = join(out, 'generated');
await generateCorpus(big, CORPUS_SIZE);
const cacheDir = join(out, 'cache');
const t1 = performance.now();
const first = await loadCorpus(big, { store: join(cacheDir, 'store.sqlite') });
const firstRunMs = performance.now() - t1;
const rerunTimes: number[] = [];
let rerun = first;
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  rerun = await loadCorpus(big, { store: join(cacheDir, 'store.sqlite') });
  rerunTimes.push(performance.now() - t);
}
const rerunMs = median(rerunTimes);
rmSync(out, { recursive: true, force: true });

const rows = [
  `briefgen bench: medians of ${RUNS} runs on ${process.platform}/${process.arch}, Node ${process.version}`,
  '',
  'Whole process (wall time, peak RSS)',
  ...[baseline, help, build].map(
    (r) =>
      `  ${r.label.padEnd(32)} ${ms(r.ms).padStart(8)}  ${r.rssMb.toFixed(0).padStart(4)} MB  ${(r.ms / baseline.ms).toFixed(1)}x baseline`,
  ),
  `  weekly-overview PDF size         ${(pdfBytes / 1024).toFixed(0)} KB`,
  '',
  'In process',
  `  assemble weekly-overview         ${ms(assembleMs).padStart(8)}`,
  `  render weekly-overview           ${ms(sample.warmMs).padStart(8)} warm (first ${ms(sample.firstMs)})`,
  `  render ${String(ten.pages).padStart(3)}-page brief            ${ms(ten.warmMs).padStart(8)} warm`,
  `  render ${String(hundred.pages).padStart(3)}-page brief            ${ms(hundred.warmMs).padStart(8)} warm  (${(hundred.warmMs / ten.warmMs).toFixed(1)}x the ${ten.pages}-page brief)`,
  '',
  `Ingestion of ${CORPUS_SIZE} generated documents (in process)`,
  `  first run (all analysed)         ${ms(firstRunMs).padStart(8)}  ${first.stats.analysed} analysed, ${first.documents.length} documents, ${first.documents.filter((d) => !d.duplicate.canonical).length} duplicates`,
  `  re-run (cache), median of 3      ${ms(rerunMs).padStart(8)}  ${rerun.stats.analysed} analysed  (${(firstRunMs / rerunMs).toFixed(1)}x faster)`,
];
process.stdout.write(rows.join('\n') + '\n');
