import { describe, expect, it, vi } from 'vitest';
import type { BriefModel } from '../../src/model/index.js';
import { loadTemplate, renderPdf } from '../../src/render/index.js';
import { readPdf } from '../helpers/readPdf.js';

const template = await loadTemplate('analyst');

/** A hand-made model: rendering is tested from the seam, without any corpus. */
function model(
  overrides: Partial<BriefModel> = {},
  excerptText = 'Officials said the new pipeline would open next spring.',
): BriefModel {
  const excerpt = (i: number) => ({
    id: `x${i}`,
    text: excerptText,
    docId: 'doc-a',
    file: 'doc-a.txt',
    start: 0,
    end: excerptText.length,
    citation: 1,
    score: 5,
    matchedTerms: ['pipeline'],
  });
  return {
    schemaVersion: '1.1',
    generator: 'briefgen test',
    brief: {
      id: 'render-test',
      title: 'Render test brief',
      audience: 'analyst',
      asOf: '2026-01-05',
      marking: 'TLP:AMBER',
      window: 'all documents',
      themes: [{ id: 'energy', label: 'Energy' }],
    },
    corpus: { documents: 1, quotable: 1, duplicates: 0, skippedFiles: 0 },
    keyPoints: [],
    entities: [],
    timeline: [],
    sections: [
      {
        themeId: 'energy',
        label: 'Energy',
        description: 'Oil and gas.',
        excerpts: [excerpt(1), excerpt(2)],
      },
    ],
    facts: [
      {
        id: 'f1',
        kind: 'money',
        value: 'USD 5,000,000',
        text: '$5m',
        sentence: 'It cost $5m.',
        docId: 'doc-a',
        file: 'doc-a.txt',
        start: 0,
        end: 3,
        citation: 1,
        amount: 5e6,
        currency: 'USD',
      },
    ],
    changes: { newStories: [], continuingStories: [], changedFigures: [] },
    sources: [
      {
        citation: 1,
        docId: 'doc-a',
        file: 'doc-a.txt',
        title: 'Pipeline to open in spring',
        truncated: false,
        alsoReportedBy: [],
      },
    ],
    ...overrides,
  };
}

describe('renderPdf', () => {
  it('writes title, sections, facts and sources, with metadata from the model', async () => {
    const pdf = await readPdf(await renderPdf(model(), template));
    expect(pdf.text).toContain('Render test brief');
    expect(pdf.text).toContain('“Officials said the new pipeline would open next spring.” [1]');
    expect(pdf.text).toContain('USD 5,000,000');
    expect(pdf.text).toContain('Pipeline to open in spring');
    expect(pdf.info).toMatchObject({
      Title: 'Render test brief',
      Keywords: 'Energy',
      Creator: 'briefgen test',
      CreationDate: 'D:20260105000000Z',
    });
    expect(pdf.outline).toEqual([
      'Contents',
      'What changed',
      '1. Energy',
      'Key figures',
      'Coverage by theme and source',
      'Sources',
    ]);
  });
  it('says what changed: stories with their citations, a changed figure with its earlier source', async () => {
    const earlier = {
      citation: 7,
      docId: 'doc-old',
      file: 'old/doc-old.txt',
      title: 'Pipeline delayed again',
      truncated: false,
      alsoReportedBy: [],
    };
    const fact = model().facts[0];
    if (!fact) throw new Error('the model has a fact');
    const pdf = await readPdf(
      await renderPdf(
        model({
          changes: {
            previous: { asOf: '2025-12-22', generator: 'briefgen test' },
            newStories: [{ citation: 1, docId: 'doc-a', title: 'Pipeline to open in spring' }],
            continuingStories: [],
            changedFigures: [
              {
                kind: 'money',
                subject: { measure: 'USD', words: ['cost'] },
                before: {
                  ...fact,
                  value: 'USD 4,000,000',
                  text: '$4m',
                  sentence: 'It cost $4m.',
                  citation: 7,
                },
                beforeSource: earlier,
                now: fact,
              },
            ],
          },
        }),
        template,
      ),
    );
    const page = pdf.pages.find((text) => text.includes('What changed Since')) ?? '';
    expect(page).toContain(
      'Since the brief of 22 December 2025, this brief cites 1 new story and 0 continuing stories; 1 figure has a new value',
    );
    expect(page).toContain('NEW SINCE 22 DECEMBER 2025 [1] Pipeline to open in spring');
    expect(page).not.toContain('CONTINUING');
    expect(page).toContain('FIGURES THAT CHANGED From USD 4,000,000 to USD 5,000,000 Money · USD');
    // The earlier source has no web address: it is named by title and file.
    expect(page).toContain(
      'In the brief of 22 December 2025: “It cost $4m.” — Pipeline delayed again (source 7 of that brief, old/doc-old.txt)',
    );
    expect(page).toContain('Now: “It cost $5m.” [1]');
  });
  it('prints "Page X of Y" and the marking on every page', async () => {
    const pdf = await readPdf(await renderPdf(model(), template));
    pdf.pages.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} of ${pdf.numPages}`);
      expect(text).toContain('TLP:AMBER');
    });
  });
  it('links every citation to its entry in the sources list', async () => {
    const pdf = await readPdf(await renderPdf(model(), template));
    const sourcesPage = pdf.pages.findIndex((text) => text.includes('Sources [1]'));
    const sectionPage = pdf.pages.findIndex((text) => text.includes('“Officials said'));
    // Two excerpts and one fact cite [1]; the contents on the same page links elsewhere.
    const toSources = pdf.links.filter(
      (link) => link.page === sectionPage && link.target === sourcesPage,
    );
    expect(toSources.length).toBeGreaterThanOrEqual(2);
    expect(pdf.links.every((link) => link.target !== undefined && link.target < pdf.numPages)).toBe(
      true,
    );
  });
  it("makes each source's web address a link and dates each excerpt by its article", async () => {
    const source = {
      citation: 1,
      docId: 'doc-a',
      file: 'doc-a.txt',
      title: 'Pipeline to open in spring',
      url: 'https://example.org/pipeline',
      published: '2026-11-20',
      truncated: false,
      alsoReportedBy: [],
    };
    const pdf = await readPdf(await renderPdf(model({ sources: [source] }), template));
    expect(pdf.uris).toContain('https://example.org/pipeline');
    expect(pdf.text).toContain('Pipeline to open in spring · 2026-11-20');
    const unsafe = await readPdf(
      await renderPdf(model({ sources: [{ ...source, url: 'javascript:alert(1)' }] }), template),
    );
    expect(unsafe.uris).toEqual([]);
  });
  it('gives the same bytes for the same model', async () => {
    const a = await renderPdf(model(), template);
    const b = await renderPdf(model(), template);
    expect(Buffer.compare(a, b)).toBe(0);
  });
  it('prints corpus text literally, never as template code or markup', async () => {
    const text = 'He wrote {{brief.title}} and <b>bold</b> &amp; left.';
    const pdf = await readPdf(await renderPdf(model({}, text), template));
    expect(pdf.text).toContain('He wrote {{brief.title}} and <b>bold</b> &amp; left.');
  });
  it('wraps a long unbreakable token instead of running it off the page', async () => {
    const token = 'x'.repeat(3000);
    const pdf = await readPdf(await renderPdf(model({}, `See ${token} now.`), template));
    const printed = pdf.text.replace(/[^x]/g, '').length;
    expect(printed).toBeGreaterThanOrEqual(2 * 3000);
    for (const { rightmost, width } of pdf.extents) expect(rightmost).toBeLessThanOrEqual(width);
  });
  it('prints every character of a 30,000-character token in a key point, wrapped across pages, without console noise', async () => {
    // Letters in a fixed pseudo-random order, so a lost or repeated line would show.
    const token = Array.from({ length: 30_000 }, (_, i) =>
      String.fromCharCode(97 + ((i * 7 + (i >> 5)) % 26)),
    ).join('');
    const text = `See ${token} now.`;
    const keyPoint = {
      ...model().sections[0]!.excerpts[0]!,
      id: 'k1',
      text,
      end: text.length,
      themeIds: ['energy'],
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const warnings: string[] = [];
      const pdf = await readPdf(
        await renderPdf(model({ keyPoints: [keyPoint] }), template, {
          warn: (_file, message) => warnings.push(message),
        }),
      );
      expect(warn).not.toHaveBeenCalled();
      expect(warnings).toEqual([]);
      // Page furniture and the hyphens inserted at line breaks are not part of the token.
      const printed = pdf.pages
        .map((page) =>
          page.replace(/Render test brief|TLP:AMBER|As of 2026-01-05|Page \d+ of \d+/g, ''),
        )
        .join('')
        .replace(/[\s-]/g, '');
      expect(printed).toContain(`See${token}now.`);
      for (const { rightmost, width } of pdf.extents) expect(rightmost).toBeLessThanOrEqual(width);
    } finally {
      warn.mockRestore();
    }
  });
  it('prints every character of a table row taller than a page: a 30,000-character figure sentence', async () => {
    const token = Array.from({ length: 30_000 }, (_, i) =>
      String.fromCharCode(97 + ((i * 7 + (i >> 5)) % 26)),
    ).join('');
    const sentence = `It cost $5m ${token} in all.`;
    const fact = { ...model().facts[0]!, sentence };
    const warnings: string[] = [];
    const pdf = await readPdf(
      await renderPdf(model({ facts: [fact] }), template, {
        warn: (_file, message) => warnings.push(message),
      }),
    );
    expect(warnings).toEqual([]);
    const printed = pdf.pages
      .map((page) =>
        page.replace(/Render test brief|TLP:AMBER|As of 2026-01-05|Page \d+ of \d+/g, ''),
      )
      .join('')
      .replace(/[\s-]/g, '');
    expect(printed).toContain(`$5m${token}inall.`);
  });
  it('numbers every contents entry with the page its heading is printed on', async () => {
    const sections = Array.from({ length: 12 }, (_, i) => ({
      themeId: `t${i}`,
      label: `Theme ${i}`,
      description: 'Described.',
      excerpts: model().sections[0]!.excerpts.map((e) => ({
        ...e,
        id: `${e.id}-${i}`,
        text: 'Long sentence about energy. '.repeat(8 + ((i * 5) % 13)),
      })),
    }));
    const pdf = await readPdf(await renderPdf(model({ sections }), template));
    const contents = pdf.pages.findIndex((text) => text.includes('Contents'));
    const entries = [...pdf.pages[contents]!.matchAll(/(\d+)\. (Theme \d+) (\d+)/g)];
    expect(entries.map((m) => m[2])).toEqual(sections.map((s) => s.label));
    for (const [, number, label, page] of entries) {
      const printedOn = pdf.pages.findIndex((text) => text.includes(`THEME ${number} ${label}`));
      expect({ label, page: Number(page) }).toEqual({ label, page: printedOn + 1 });
    }
    const sourcesOn = pdf.pages.findIndex((text) => /Sources \[1\]/.test(text));
    expect(pdf.pages[contents]).toMatch(new RegExp(`Sources ${sourcesOn + 1}\\b`));
  });
  it('keeps footers on a long brief (lineHeight only on leaf text)', async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      themeId: `t${i}`,
      label: `Theme ${i}`,
      description: '',
      excerpts: model().sections[0]!.excerpts.map((e) => ({
        ...e,
        id: `${e.id}-${i}`,
        text: `${'Long sentence about energy. '.repeat(20)}`,
      })),
    }));
    const pdf = await readPdf(await renderPdf(model({ sections: many }), template));
    expect(pdf.numPages).toBeGreaterThan(8);
    pdf.pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${pdf.numPages}`));
  });
});

describe('scripts beyond Latin', () => {
  it('prints Cyrillic and Hangul characters (embedded Noto fonts, with a Korean fallback)', async () => {
    const text =
      'Россия поставит в КНДР 100 тысяч тонн пшеницы, сообщил министр. 김정은 위원장이 회담했다.';
    const pdf = await readPdf(await renderPdf(model({}, text), template));
    expect(pdf.text).toContain('Россия поставит в КНДР 100 тысяч тонн пшеницы');
    expect(pdf.text).toContain('김정은 위원장이 회담했다');
  });
});
