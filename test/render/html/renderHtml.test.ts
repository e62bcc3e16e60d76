import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { BriefModel } from '../../../src/model/index.js';
import { renderEmailHtml, renderEmailText, renderHtml } from '../../../src/render/html/index.js';
import { useTempDirs } from '../../helpers/tempDirs.js';

const tmp = useTempDirs('briefgen-html-');
const CHROMIUM = '/usr/bin/chromium';

const ref = (citation: number) => ({
  docId: `d${citation}`,
  file: `a${citation}.txt`,
  start: 0,
  end: 10,
  citation,
});

/** A small brief whose corpus text tries to be markup. */
function hostileModel(): BriefModel {
  return {
    schemaVersion: '1.1',
    generator: 'briefgen 0.1.0',
    brief: {
      id: 'weekly',
      title: 'Weekly <b>overview</b>',
      audience: 'analyst',
      asOf: '2026-11-23',
      marking: 'TLP:AMBER',
      window: 'all documents',
      themes: [{ id: 'diplomacy', label: 'Diplomacy' }],
    },
    corpus: { documents: 2, quotable: 2, duplicates: 0, skippedFiles: 0 },
    keyPoints: [
      {
        ...ref(1),
        id: 'k1',
        text: 'Talks <script>alert(1)</script> resumed & ended.',
        themeIds: ['diplomacy'],
      },
    ],
    sections: [
      {
        themeId: 'diplomacy',
        label: 'Diplomacy',
        description: 'Visits and talks',
        excerpts: [
          {
            ...ref(2),
            id: 'e1',
            text: 'A "summit" <img src=x onerror=alert(2)> was held.',
            score: 3,
            matchedTerms: ['summit'],
          },
        ],
      },
    ],
    facts: [],
    entities: [],
    timeline: [],
    changes: {
      previous: { asOf: '2026-11-09', generator: 'briefgen 0.1.0' },
      newStories: [{ citation: 2, docId: 'd2', title: 'Summit </li><li>held' }],
      continuingStories: [{ citation: 1, docId: 'd1', title: 'Talks resume', previousCitation: 4 }],
      changedFigures: [
        {
          kind: 'quantity',
          subject: { measure: 'delegates', words: ['summit', 'Vladivostok'] },
          before: {
            ...ref(4),
            id: 'f2',
            kind: 'quantity',
            value: '40 delegates',
            text: '40 delegates',
            sentence: 'The <b>summit</b> in Vladivostok drew 40 delegates.',
            unit: 'delegates',
          },
          beforeSource: {
            citation: 4,
            docId: 'd9',
            file: 'old.txt',
            title: 'Earlier <i>report</i>',
            url: 'javascript:alert(4)',
            truncated: false,
            alsoReportedBy: [],
          },
          now: {
            ...ref(1),
            id: 'f1',
            kind: 'quantity',
            value: '60 delegates',
            text: '60 delegates',
            sentence: 'The summit in Vladivostok drew 60 delegates.',
            unit: 'delegates',
          },
        },
      ],
    },
    sources: [
      {
        citation: 1,
        docId: 'd1',
        file: 'a1.txt',
        title: 'Talks resume',
        url: 'https://news.example.org/talks?a=1&b=2',
        publisher: 'Example News',
        published: '2026-11-20',
        truncated: false,
        alsoReportedBy: [],
      },
      {
        citation: 2,
        docId: 'd2',
        file: 'a2.txt',
        title: 'Summit </li><li>held',
        url: 'javascript:alert(3)',
        truncated: false,
        alsoReportedBy: [],
      },
    ],
  };
}

describe('the HTML edition', () => {
  const html = renderHtml(hostileModel());

  it('is one self-contained page with the marking, headings, lists and the sources', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object/i);
    expect(html).toContain('<title>[TLP:AMBER] Weekly &lt;b&gt;overview&lt;/b&gt;</title>');
    expect(html.match(/>TLP:AMBER</g)).toHaveLength(2);
    expect(html).toContain('<h1>Weekly &lt;b&gt;overview&lt;/b&gt;</h1>');
    expect(html).toContain('<h2 id="key-points">Key points</h2>');
    expect(html).toContain('<h2 id="theme-diplomacy">Diplomacy</h2>');
    expect(html).toContain('<h2 id="sources">Sources</h2>');
  });

  it('escapes corpus text and links citations to the sources section and sources to their URLs', () => {
    expect(html).toContain('Talks &lt;script&gt;alert(1)&lt;/script&gt; resumed &amp; ended.');
    expect(html).toContain('A &quot;summit&quot; &lt;img src=x onerror=alert(2)&gt; was held.');
    expect(html).toContain('<a class="cite" href="#source-1" aria-label="source 1">[1]</a>');
    expect(html).toContain(
      '<li id="source-1" value="1"><a href="https://news.example.org/talks?a=1&amp;b=2">Talks resume</a>',
    );
    expect(html).toContain('<li id="source-2" value="2">Summit &lt;/li&gt;&lt;li&gt;held');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('javascript:alert(3)');
  });

  it('says what changed: new and continuing stories cited here, the earlier figure with its earlier source', () => {
    const section = html.slice(html.indexOf('<h2 id="changes">'), html.indexOf('<h2 id="theme-'));
    expect(section).toContain(
      'Compared with the brief of 9 November 2026: 1 new story, 1 continuing story and 1 figure that changed.',
    );
    expect(section).toContain('<h3>New since 9 November 2026</h3>');
    expect(section).toContain(
      '<li>Summit &lt;/li&gt;&lt;li&gt;held <a class="cite" href="#source-2" aria-label="source 2">[2]</a></li>',
    );
    expect(section).toContain('<h3>Continuing</h3>');
    expect(section).toContain('<strong>40 delegates</strong><br><q>The &lt;b&gt;summit&lt;/b&gt;');
    // The earlier source is named in full, and its javascript: address stays text.
    expect(section).toContain(
      'Earlier &lt;i&gt;report&lt;/i&gt; (source 4 of the brief of 9 November 2026, old.txt)',
    );
    expect(section).not.toContain('javascript:');
    expect(section).toMatch(/<strong>60 delegates<\/strong>.*href="#source-1"/);
  });

  it('gives the e-mail its key points and one line per theme, in HTML and plain text', () => {
    const model = hostileModel();
    const text = renderEmailText(model, 'weekly-2026-11-23.pdf');
    expect(text).toContain(
      'TLP:AMBER\n\nWeekly <b>overview</b>\nAs of 23 November 2026 · all documents',
    );
    expect(text).toContain('- Talks <script>alert(1)</script> resumed & ended. [1]');
    expect(text).toContain('- Diplomacy: 1 excerpt');
    expect(text).toContain('attached: weekly-2026-11-23.pdf');
    const mail = renderEmailHtml(model, 'weekly-2026-11-23.pdf');
    expect(mail).toContain('<li>Diplomacy: 1 excerpt</li>');
    expect(mail).toContain(
      '<li>Talks &lt;script&gt;alert(1)&lt;/script&gt; resumed &amp; ended. [1]</li>',
    );
  });

  it('reads in a real browser as text, with every citation pointing at a source (headless Chromium)', async () => {
    expect(
      existsSync(CHROMIUM),
      `${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`,
    ).toBe(true);
    const dir = await tmp();
    const file = join(dir, 'brief.html');
    await writeFile(file, html);
    const { stdout } = await promisify(execFile)(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--user-data-dir=' + join(dir, 'profile'),
        '--dump-dom',
        `file://${file}`,
      ],
      { timeout: 60_000 },
    );
    // Chromium serialises the DOM it built: corpus text that looked like markup stayed text.
    expect(stdout).not.toMatch(/<script|<img/i);
    expect(stdout).toContain('Talks &lt;script&gt;alert(1)&lt;/script&gt; resumed');
    const targets = [...stdout.matchAll(/href="#(source-\d+)"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(stdout).toContain(`id="${target}"`);
    expect(stdout).toMatch(/<a href="https:\/\/news\.example\.org\/talks\?a=1&amp;b=2">/);
  });
});
