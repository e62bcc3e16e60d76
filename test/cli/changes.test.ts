import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BriefModel } from '../../src/model/index.js';
import { runBrief } from '../helpers/cli.js';
import { readPdf, type PdfContent } from '../helpers/readPdf.js';
import { useTempDirs } from '../helpers/tempDirs.js';

const tmp = useTempDirs('briefgen-changes-');

const article = (meta: Record<string, string>, body: string) =>
  `---\n${Object.entries(meta)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n${body}\n`;

const workers = (n: string) =>
  article(
    {
      title: 'Russia hires more North Korean workers',
      url: 'https://news.example.org/workers',
      source: 'Example Wire',
      published: '2026-11-02',
    },
    `Russia has hired ${n} North Korean workers for construction sites in the Far East, the labour ministry in Moscow said on Monday.\n\n` +
      'The workers arrive on student visas, which sanctions experts say is a way around the UN ban on North Korean labour abroad.',
  );

const TRADE = article(
  { title: 'Trade across the Tumen river grows', source: 'Border Times', published: '2026-11-03' },
  'Trade between Russia and North Korea across the Tumen river reached $34 million in October, customs officials in Vladivostok said.\n\n' +
    'Exports of Russian oil products and wheat made up most of the trade, and sanctions monitors said some shipments may breach UN sanctions.',
);

const RAIL = article(
  {
    title: 'Rail link to Rajin carries more coal',
    url: 'https://news.example.org/rail',
    source: 'Example Wire',
    published: '2026-11-18',
  },
  'The rail link between Khasan and Rajin carried 120,000 tonnes of Russian coal in October, Russian Railways said, as trade with North Korea grows despite sanctions.\n\n' +
    'North Korean workers loaded the coal at Rajin port, the company said.',
);

const BRIEF = [
  'title: Russia–DPRK labour and trade',
  'themes: [labour and sanctions, trade and finance]',
  'window: all',
  'corpus: ../corpus',
  "schedule: { cron: '0 7 * * MON', timezone: Europe/London }",
  '',
].join('\n');

/** A project whose corpus holds the workers and trade stories of the first week. */
async function project(): Promise<string> {
  const dir = await tmp();
  await mkdir(join(dir, 'corpus'));
  await mkdir(join(dir, 'briefs'));
  await writeFile(join(dir, 'briefs', 'labour.yaml'), BRIEF);
  await writeFile(join(dir, 'corpus', 'workers.md'), workers('5,000'));
  await writeFile(join(dir, 'corpus', 'trade.md'), TRADE);
  return dir;
}

/** Two weeks on: the workers figure was corrected and a rail story arrived. */
async function twoWeeksLater(dir: string): Promise<void> {
  await writeFile(join(dir, 'corpus', 'workers.md'), workers('8,000'));
  await writeFile(join(dir, 'corpus', 'rail.md'), RAIL);
}

async function build(dir: string, asOf: string, ...more: string[]) {
  const result = await runBrief(
    ['build', 'briefs/labour.yaml', '--out', 'out', '--as-of', asOf, ...more],
    { cwd: dir, env: { BRIEFGEN_STORE: join(dir, 'store.sqlite') } },
  );
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result;
}

/** The "What changed" block: from its heading to the end of its page (sections start a page). */
function changesBlock(pdf: PdfContent): string {
  const heading = /What changed (?:Since|This)/;
  const page = pdf.pages.find((text) => heading.test(text)) ?? '';
  return page.slice(page.search(heading));
}

describe('a brief built twice, two weeks apart, with the corpus changed in between', () => {
  let dir: string;
  let first: PdfContent;
  let second: PdfContent;

  beforeAll(async () => {
    dir = await project();
    await build(dir, '2026-11-09');
    first = await readPdf(join(dir, 'out', 'labour', 'labour-2026-11-09.pdf'));
    await twoWeeksLater(dir);
    await build(dir, '2026-11-23');
    second = await readPdf(join(dir, 'out', 'labour', 'labour-2026-11-23.pdf'));
  });

  it('the first brief says there is nothing to compare it with', () => {
    const block = changesBlock(first);
    expect(block).toContain('This is the first brief of its kind');
    expect(block).toContain('there is no earlier brief to compare it with');
    expect(block).not.toMatch(/NEW SINCE|CONTINUING|FIGURES THAT CHANGED/);
  });

  it('has a contents entry and an outline entry', () => {
    expect(second.pages[1]).toMatch(/Key points \d+ What changed \d+/);
    expect(second.outline).toContain('What changed');
  });

  it('the second lists the new story with its citation, which the sources list explains', () => {
    const block = changesBlock(second);
    expect(block).toContain('Since the brief of 9 November 2026');
    expect(block).toMatch(/NEW SINCE 9 NOVEMBER 2026 \[3\] Rail link to Rajin carries more coal/);
    expect(second.pages.at(-1)).toMatch(/\[3\] Rail link to Rajin carries more coal/);
  });

  it('lists the stories that continue, with their citations', () => {
    const continuing = /CONTINUING (.*) FIGURES THAT CHANGED/.exec(changesBlock(second))?.[1];
    expect(continuing).toMatch(/\[\d\] Russia hires more North Korean workers/);
    expect(continuing).toMatch(/\[\d\] Trade across the Tumen river grows/);
    expect(continuing).not.toContain('Rail link');
  });

  it('shows the changed figure with its old value (cited by the earlier brief) and its new one (cited here)', () => {
    const figures = changesBlock(second).slice(
      changesBlock(second).indexOf('FIGURES THAT CHANGED'),
    );
    expect(figures).toContain('From 5,000 workers to 8,000 workers');
    expect(figures).toMatch(
      /In the brief of 9 November 2026: “Russia has hired 5,000 North Korean workers .*” — Russia hires more North Korean workers \(source 1 of that brief\)/,
    );
    expect(figures).toMatch(/Now: “Russia has hired 8,000 North Korean workers .*” \[1\]/);
    expect(second.uris).toContain('https://news.example.org/workers');
  });

  it('keeps both models beside the schedule state', async () => {
    expect(await readdir(join(dir, 'out', '.briefgen', 'models', 'labour'))).toEqual([
      '2026-11-09.json',
      '2026-11-23.json',
    ]);
  });

  it('rebuilding the same day gives the same bytes (it compares with the earlier brief, not itself)', async () => {
    const path = join(dir, 'out', 'labour', 'labour-2026-11-23.pdf');
    const before = await readFile(path);
    await build(dir, '2026-11-23');
    expect(Buffer.compare(before, await readFile(path))).toBe(0);
  });

  it('prints the comparison in the JSON model and the HTML edition', async () => {
    const json = await build(dir, '2026-11-23', '--format', 'json');
    const { changes } = JSON.parse(json.stdout) as BriefModel;
    expect(changes.previous?.asOf).toBe('2026-11-09');
    expect(changes.newStories.map((s) => s.title)).toEqual([
      'Rail link to Rajin carries more coal',
    ]);
    expect(changes.changedFigures.map((c) => [c.before.value, c.now.value])).toEqual([
      ['5,000 workers', '8,000 workers'],
    ]);

    await build(dir, '2026-11-23', '--format', 'html');
    const html = await readFile(join(dir, 'out', 'labour', 'labour-2026-11-23.html'), 'utf8');
    const section = html.slice(
      html.indexOf('<h2 id="changes">'),
      html.indexOf('</section>', html.indexOf('<h2 id="changes">')),
    );
    expect(section).toContain('Compared with the brief of 9 November 2026');
    expect(section).toMatch(/Rail link to Rajin carries more coal.*href="#source-3"/);
    expect(section).toContain('<strong>5,000 workers</strong>');
    expect(section).toContain('<strong>8,000 workers</strong>');
    expect(section).toContain('<a href="https://news.example.org/workers">');
  });
});

describe('scheduled runs keep their models', () => {
  it('brief run --due keeps each slot’s model and compares the next slot with it', async () => {
    const dir = await project();
    const run = (now: string) =>
      runBrief(['run', '--due', '--now', now, '--out', 'out'], {
        cwd: dir,
        env: { BRIEFGEN_STORE: join(dir, 'store.sqlite') },
      });
    expect((await run('2026-11-09T07:05:00Z')).code).toBe(0);
    await twoWeeksLater(dir);
    expect((await run('2026-11-23T07:05:00Z')).code).toBe(0);
    expect(await readdir(join(dir, 'out', '.briefgen', 'models', 'labour'))).toEqual([
      '2026-11-09.json',
      '2026-11-23.json',
    ]);
    const kept = JSON.parse(
      await readFile(join(dir, 'out', '.briefgen', 'models', 'labour', '2026-11-23.json'), 'utf8'),
    ) as BriefModel;
    expect(kept.changes.previous?.asOf).toBe('2026-11-09');
    expect(kept.changes.newStories.map((s) => s.docId)).toEqual(['rail']);
    const pdf = await readPdf(join(dir, 'out', 'labour', 'labour-2026-11-23.pdf'));
    expect(pdf.text).toContain('From 5,000 workers to 8,000 workers');
  });
});
