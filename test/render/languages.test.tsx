import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { BRIEF_MODEL_VERSION, type BriefModel, type Excerpt } from '../../src/model/index.js';
import { loadTemplate, renderPdf } from '../../src/render/index.js';
import { readPdf } from '../helpers/readPdf.js';

const template = await loadTemplate('analyst');

/** Passages written for this test, one per script the renderer needs a font for. */
const PASSAGES: Record<string, string> = {
  ru: 'Стоимость проекта оценивается в 9,5 миллиардов рублей, сообщило министерство.',
  ko: '다리가 완공되면 두 나라 사이의 화물 운송이 크게 늘어날 것으로 보인다.',
  ar: 'وتخطط الشركات الروسية لتزويد بيونغ يانغ بالنفط والكهرباء خلال العام المقبل.',
  ja: 'ロシア政府は北朝鮮への電力供給を拡大する計画を発表した。',
  zh: '俄罗斯政府宣布，将扩大对朝鲜的电力供应。',
  en: 'The bridge will carry trucks between Khasan and Tumangang next year.',
};

function model(languages: string[]): BriefModel {
  const excerpts = languages.map((language, i): Excerpt => ({
    id: `x${i + 1}`,
    text: PASSAGES[language] ?? '',
    language,
    docId: `doc-${language}`,
    file: `${language}.txt`,
    start: 0,
    end: (PASSAGES[language] ?? '').length,
    citation: i + 1,
    score: 5,
    matchedTerms: [],
  }));
  return {
    schemaVersion: BRIEF_MODEL_VERSION,
    generator: 'briefgen test',
    brief: {
      id: 'languages',
      title: 'Sources in many languages',
      audience: 'analyst',
      asOf: '2026-01-05',
      window: 'all documents',
      themes: [{ id: 'links', label: 'Links' }],
    },
    corpus: {
      documents: languages.length,
      quotable: languages.length,
      duplicates: 0,
      skippedFiles: 0,
      languages: Object.fromEntries(languages.map((l) => [l, 1])),
    },
    keyPoints: [],
    entities: [],
    timeline: [],
    sections: [{ themeId: 'links', label: 'Links', description: '', excerpts }],
    facts: [],
    changes: { newStories: [], continuingStories: [], changedFigures: [] },
    sources: languages.map((language, i) => ({
      citation: i + 1,
      docId: `doc-${language}`,
      file: `${language}.txt`,
      title: `A ${language} article`,
      language,
      truncated: false,
      alsoReportedBy: [],
    })),
  };
}

/** Text items of a page with their left edge, in the order the PDF draws them. */
async function textItems(pdf: Uint8Array, pageNumber: number) {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const content = await (await doc.getPage(pageNumber)).getTextContent();
  const items = content.items.flatMap((item) =>
    'str' in item && item.str.trim() !== ''
      ? [{ text: item.str, x: item.transform[4] as number }]
      : [],
  );
  await doc.destroy();
  return items;
}

describe('quotes in other languages', () => {
  it('keep their script, are marked with their language, and the cover counts them', async () => {
    const pdf = await renderPdf(model(['ru', 'ko', 'ar', 'ja', 'zh', 'en']), template);
    const { text, pages } = await readPdf(pdf);
    expect(text).toContain('[ru] “Стоимость проекта оценивается в 9,5 миллиардов рублей');
    expect(text).toContain('[ko] “다리가 완공되면');
    expect(text).toContain('[ja] “ロシア政府は北朝鮮への電力供給');
    expect(text).toContain('[zh] “俄罗斯政府宣布');
    expect(text).toContain('“The bridge will carry trucks');
    expect(text).not.toContain('[en]');
    expect(pages[0]).toMatch(
      /Languages 1 Russian, 1 Korean, 1 Arabic, 1 Japanese, 1 Chinese, 1 English/,
    );
  });

  it('embed a font for each script the brief prints, and only those', async () => {
    const all = Buffer.from(await renderPdf(model(['ru', 'ko', 'ar', 'ja', 'zh']), template));
    for (const font of ['NotoSansKR', 'NotoSansArabic', 'NotoSansJP', 'NotoSansSC'])
      expect(all.includes(font), font).toBe(true);
    const latin = Buffer.from(await renderPdf(model(['ru', 'en']), template));
    for (const font of ['NotoSansKR', 'NotoSansArabic', 'NotoSansJP', 'NotoSansSC'])
      expect(latin.includes(font), font).toBe(false);
  });

  it('lay an Arabic passage out right to left: its language mark at the right, the citation at the left', async () => {
    const pdf = await renderPdf(model(['ar']), template);
    const page = (await readPdf(pdf)).pages.findIndex((p) => p.includes('[ar]')) + 1;
    const items = await textItems(pdf, page);
    const mark = items.find((i) => i.text.includes('[ar]'));
    const citation = items.find((i) => /^\[1\]$/.test(i.text.trim()));
    const arabic = items.filter(
      (i) => /\p{Script=Arabic}/u.test(i.text) && !i.text.includes('article'),
    );
    expect(mark && citation && arabic.length > 0).toBe(true);
    for (const run of arabic) {
      expect(run.x).toBeLessThan(mark?.x ?? 0);
      expect(run.x).toBeGreaterThan(citation?.x ?? Infinity);
    }
  });
});
