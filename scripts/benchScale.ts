/**
 * The corpus-scale rows of `npm run bench`: generated corpora ingested into a SQLite store,
 * and the same on PostgreSQL (scripts/benchPostgres.ts; BENCH_POSTGRES=0 leaves those out).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { postgresRows, type ScaleFigures } from './benchPostgres.js';
import { median, ms, timeProcess } from './benchTools.js';
import { GENERATED_UNTIL, generateCorpus } from './generateCorpus.js';

/**
 * Corpora of generated articles at realistic sizes (dates over two years, one folder a month),
 * each ingested into a store, then two briefs built against the warm store as whole processes:
 * the weekly overview (last 7 days) and the same themes over `window: all`. Generated corpora
 * and the largest store are kept in $BRIEFGEN_BENCH_DIR (default ~/.cache/briefgen-bench), since
 * 100,000 articles take minutes to write and to ingest; set BENCH_FRESH_INGEST=1 to re-time that.
 */
export async function scaleRows(
  tmp: string,
  { cli, weekly }: { cli: string; weekly: string; runs: number },
): Promise<string[]> {
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const cache = process.env.BRIEFGEN_BENCH_DIR ?? join(homedir(), '.cache', 'briefgen-bench');
  const runs = Number(process.env.BENCH_SCALE_RUNS ?? 3);
  // The weekly overview as a last-7-days brief, and the same themes over everything.
  const weekBrief = join(tmp, 'last-week.yaml');
  writeFileSync(
    weekBrief,
    readFileSync(weekly, 'utf8').replace(/^window: .*$/m, 'window: last-7-days'),
  );
  const allBrief = join(tmp, 'all-themes.yaml');
  writeFileSync(allBrief, readFileSync(weekly, 'utf8').replace(/^window: .*$/m, 'window: all'));
  const lines = [
    `Corpus scale (generated articles; builds with a warm store, medians of ${runs} whole processes)`,
    '  articles   ingest            peak RSS   weekly (7 days)            window: all                peak RSS',
  ];
  const figures: ScaleFigures[] = [];
  for (const size of sizes) {
    const corpus = join(cache, `gen-${size}`);
    if (!existsSync(join(corpus, '.complete'))) {
      rmSync(corpus, { recursive: true, force: true });
      await generateCorpus(corpus, size);
      writeFileSync(join(corpus, '.complete'), '');
    }
    const keep = size >= 100_000 && process.env.BENCH_FRESH_INGEST !== '1';
    const store = keep ? join(cache, `store-${size}.sqlite`) : join(tmp, `store-${size}.sqlite`);
    const timing = join(cache, `store-${size}.ingest.json`);
    let ingest: { ms: number; rssKb: number; measured: string };
    if (keep && existsSync(store) && existsSync(timing)) {
      ingest = JSON.parse(readFileSync(timing, 'utf8')) as typeof ingest;
    } else {
      rmSync(store, { force: true });
      ingest = {
        ...timeProcess([cli, 'ingest', corpus, '--store', store, '--quiet']),
        measured: new Date().toISOString().slice(0, 10),
      };
      if (keep) writeFileSync(timing, JSON.stringify(ingest));
    }
    const briefRow = (brief: string) => {
      const out = join(tmp, `out-${size}`);
      const times = Array.from({ length: runs }, () =>
        timeProcess([
          cli,
          'build',
          brief,
          '--corpus',
          corpus,
          '--store',
          store,
          '--out',
          out,
          '--as-of',
          GENERATED_UNTIL,
          '--quiet',
        ]),
      );
      const id = brief === weekBrief ? 'last-week' : 'all-themes';
      const pdf = readFileSync(join(out, id, `${id}-${GENERATED_UNTIL}.pdf`));
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      return {
        ms: median(times.map((t) => t.ms)),
        rssMb: Math.max(...times.map((t) => t.rssKb)) / 1024,
        pages,
      };
    };
    const week = briefRow(weekBrief);
    const all = briefRow(allBrief);
    const rate = size / (ingest.ms / 1000);
    figures.push({
      size,
      corpus,
      weekMs: week.ms,
      allMs: all.ms,
      week: { file: weekBrief, id: 'last-week' },
      all: { file: allBrief, id: 'all-themes' },
    });
    lines.push(
      `  ${String(size).padStart(8)}   ${(ingest.ms / 1000).toFixed(1).padStart(6)} s ${rate.toFixed(0).padStart(5)}/s  ` +
        `${(ingest.rssKb / 1024).toFixed(0).padStart(5)} MB   ` +
        `${ms(week.ms).padStart(8)} ${String(week.pages).padStart(3)} pages       ` +
        `${ms(all.ms).padStart(8)} ${String(all.pages).padStart(3)} pages       ` +
        `${Math.max(week.rssMb, all.rssMb).toFixed(0).padStart(4)} MB` +
        (keep ? `   (ingest timed ${ingest.measured})` : ''),
    );
  }
  if (process.env.BENCH_POSTGRES === '0') return lines;
  const tools = { cli, asOf: GENERATED_UNTIL, runs, tmp, median };
  return [...lines, '', ...(await postgresRows(figures, tools))];
}
