/**
 * `npm run bench`: speed and memory of building briefs, as medians of several runs, with a
 * baseline (a bare Node process) measured in the same call so figures compare across machines.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadTaxonomy } from '../src/analysis/index.js';
import { assembleBrief, loadBrief } from '../src/brief/index.js';
import { loadCorpus } from '../src/store/index.js';
import type { BriefModel } from '../src/model/index.js';
import { listTemplates, loadTemplate, renderPdf, renderPdfs } from '../src/render/index.js';
import { packageRoot } from '../src/shared/packageInfo.js';
import { briefHtml } from './briefHtml.js';
import { scaleRows } from './benchScale.js';
import { median, ms, timeProcess } from './benchTools.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const cli = join(packageRoot, 'dist', 'src', 'cli', 'main.js');
const CHROMIUM = '/usr/bin/chromium';
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
const twice = [0, 1].map(() => {
  const dir = mkdtempSync(join(tmpdir(), 'briefgen-bench-same-'));
  spawnSync(process.execPath, [
    cli,
    'build',
    weekly,
    '--out',
    dir,
    '--as-of',
    '2026-11-23',
    '--quiet',
  ]);
  const bytes = readFileSync(join(dir, 'weekly-overview', 'weekly-overview-2026-11-23.pdf'));
  rmSync(dir, { recursive: true, force: true });
  return bytes;
});
const identical = twice[0]?.equals(twice[1] ?? Buffer.alloc(0)) ?? false;

const browser = againstBrowser(model, out);
const cold = coldRender(model, out);
const folder = folderOfBriefs(out, 20);
const pooled = await renderSeveral(model, template, 20);

const scale = await scaleRows(out, { cli, weekly, runs: RUNS });
rmSync(out, { recursive: true, force: true });

const rows = [
  `briefgen bench: medians of ${RUNS} runs on ${process.platform}/${process.arch}, Node ${process.version}`,
  '',
  'Whole process (wall time, peak RSS)',
  ...[baseline, help, build].map(
    (r) =>
      `  ${r.label.padEnd(32)} ${ms(r.ms).padStart(8)}  ${r.rssMb.toFixed(0).padStart(4)} MB  ${(r.ms / baseline.ms).toFixed(1)}x baseline`,
  ),
  `  weekly-overview PDF size         ${(pdfBytes / 1024).toFixed(0)} KB, byte-identical across two runs: ${identical ? 'yes' : 'NO'}`,
  '',
  'In process',
  `  assemble weekly-overview         ${ms(assembleMs).padStart(8)}`,
  `  render weekly-overview           ${ms(sample.warmMs).padStart(8)} warm (first ${ms(sample.firstMs)})`,
  `  render ${String(ten.pages).padStart(3)}-page brief            ${ms(ten.warmMs).padStart(8)} warm`,
  `  render ${String(hundred.pages).padStart(3)}-page brief            ${ms(hundred.warmMs).padStart(8)} warm  (${(hundred.warmMs / ten.warmMs).toFixed(1)}x the ${ten.pages}-page brief)`,
  `  render per page, weekly-overview ${(sample.warmMs / sample.pages).toFixed(1).padStart(5)} ms warm, ${(cold.ms / cold.pages).toFixed(1)} ms cold (first render in a fresh process, ${ms(cold.ms)} for ${cold.pages} pages)`,
  '',
  ...browser,
  '',
  `Several briefs in one call (medians of ${RUNS} whole processes, ${availableParallelism()} cores)`,
  `  brief build weekly-overview      ${ms(folder.one).padStart(8)}`,
  `  brief build <${folder.count} briefs>         ${ms(folder.many).padStart(8)}  (${(folder.many / folder.one).toFixed(1)}x one brief)`,
  `  render ${pooled.count} briefs in this thread    ${ms(pooled.inThread).padStart(8)}  (warm)`,
  `  render ${pooled.count} briefs, renderPdfs      ${ms(pooled.pool).padStart(8)}  (${pooled.threads} worker threads, started cold: ${(pooled.pool / pooled.inThread).toFixed(2)}x)`,
  '',
  ...scale,
];
process.stdout.write(rows.join('\n') + '\n');

/** Rendering `count` briefs one after another in this (warm) thread, and with renderPdfs' pool. */
async function renderSeveral(
  model: BriefModel,
  template: Awaited<ReturnType<typeof loadTemplate>>,
  count: number,
) {
  const jobs = Array.from({ length: count }, () => ({ model, template }));
  let start = performance.now();
  for (const job of jobs) await renderPdf(job.model, job.template);
  const inThread = performance.now() - start;
  start = performance.now();
  await renderPdfs(jobs);
  const pool = performance.now() - start;
  return { count, inThread, pool, threads: Math.min(availableParallelism(), count) };
}

/** Headless Chromium printing an HTML page to PDF, as a whole process, in a fresh profile. */
function chromiumPrint(html: string, tmp: string): number {
  const profile = mkdtempSync(join(tmp, 'chromium-'));
  const start = performance.now();
  const result = spawnSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${join(profile, 'profile')}`,
      `--print-to-pdf=${join(profile, 'out.pdf')}`,
      '--no-pdf-header-footer',
      `file://${html}`,
    ],
    { encoding: 'utf8' },
  );
  const elapsed = performance.now() - start;
  const printed = existsSync(join(profile, 'out.pdf'));
  rmSync(profile, { recursive: true, force: true });
  if (result.status !== 0 || !printed) throw new Error(`chromium failed: ${result.stderr}`);
  return elapsed;
}

/**
 * The sample brief built by `brief build` (a whole process: start-up, store, assembly,
 * rendering) against headless Chromium printing the same text as HTML, runs alternating so
 * that both see the same machine load; medians and their ratio.
 */
function againstBrowser(model: BriefModel, tmp: string): string[] {
  const title = `Against a browser (wall time, medians of ${RUNS} alternating whole processes)`;
  if (!existsSync(CHROMIUM))
    return [title, `  headless Chromium               not installed (${CHROMIUM}): no comparison`];
  const html = join(tmp, 'weekly-overview.html');
  writeFileSync(html, briefHtml(model));
  const ours: number[] = [];
  const chromium: number[] = [];
  const buildOut = join(tmp, 'against-browser');
  for (let i = 0; i < RUNS; i++) {
    ours.push(
      timeProcess([cli, 'build', weekly, '--out', buildOut, '--as-of', '2026-11-23', '--quiet']).ms,
    );
    chromium.push(chromiumPrint(html, tmp));
  }
  const [a, b] = [median(ours), median(chromium)];
  return [
    title,
    `  brief build weekly-overview      ${ms(a).padStart(8)}`,
    `  chromium --print-to-pdf (HTML)   ${ms(b).padStart(8)}`,
    `  ratio                            ${(a / b).toFixed(2).padStart(8)}x Chromium`,
  ];
}

/** The first render in a fresh process (fonts parsed, code not yet optimised): median of RUNS. */
function coldRender(model: BriefModel, tmp: string): { ms: number; pages: number } {
  const file = join(tmp, 'weekly-overview.json');
  writeFileSync(file, JSON.stringify(model));
  const script = join(packageRoot, 'dist', 'scripts', 'renderOnce.js');
  const runs = Array.from({ length: RUNS }, () => {
    const result = spawnSync(process.execPath, [script, file], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`cold render failed: ${result.stderr}`);
    return JSON.parse(result.stdout) as { ms: number; pages: number };
  });
  return { ms: median(runs.map((r) => r.ms)), pages: runs[0]?.pages ?? 0 };
}

/** One call of `brief build FOLDER` for `count` copies of the weekly brief, against one brief. */
function folderOfBriefs(tmp: string, count: number) {
  const folder = join(tmp, 'many-briefs');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder);
  const text = readFileSync(weekly, 'utf8');
  for (let i = 1; i <= count; i++) writeFileSync(join(folder, `weekly-${i}.yaml`), text);
  const corpus = join(packageRoot, 'corpus');
  const build = (target: string) =>
    timeProcess([
      cli,
      'build',
      target,
      '--corpus',
      corpus,
      '--out',
      join(tmp, 'many-out'),
      '--as-of',
      '2026-11-23',
      '--quiet',
    ]).ms;
  const one: number[] = [];
  const many: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    one.push(build(weekly));
    many.push(build(folder));
  }
  return { count, one: median(one), many: median(many) };
}
