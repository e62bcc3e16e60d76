import { renderToBuffer } from '@react-pdf/renderer';
import type { BriefModel } from '../model/index.js';
import { BriefError } from '../shared/errors.js';
import { BriefDocument, tocEntries } from './BriefDocument.js';
import { registerFonts } from './fonts.js';
import type { Template } from './loadTemplate.js';
import { evaluateTemplateTexts } from './templateTexts.js';

/**
 * Lay out a BriefModel with a template; the PDF's bytes. Never touches the corpus.
 * A template with a table of contents is laid out twice: the first pass records the page of
 * every heading (with placeholder numbers of the same width), the second prints them.
 */
export async function renderPdf(brief: BriefModel, template: Template): Promise<Buffer> {
  registerFonts();
  const model = applyTemplateLimits(brief, template);
  const texts = evaluateTemplateTexts(model, template);
  try {
    if (!template.blocks.includes('toc'))
      return await renderToBuffer(BriefDocument({ model, template, texts }));
    const pages: Record<string, number> = {};
    const placeholders = Object.fromEntries(
      tocEntries(model, template.blocks).map((e) => [e.id, 88]),
    );
    await renderToBuffer(
      BriefDocument({
        model,
        template,
        texts,
        pages: placeholders,
        recordPage: (id, page) => (pages[id] = page),
      }),
    );
    return await renderToBuffer(BriefDocument({ model, template, texts, pages }));
  } catch (cause) {
    if (cause instanceof BriefError) throw cause;
    throw new BriefError(
      'RENDER_FAILED',
      `could not lay out the PDF: ${(cause as Error).message}`,
      { cause },
    );
  }
}

/** A template prints at most its own limits: the first (strongest) items of each list. */
function applyTemplateLimits(model: BriefModel, template: Template): BriefModel {
  const { excerpts_per_theme: perTheme, key_points: keyPoints, facts } = template.limits;
  return {
    ...model,
    keyPoints: keyPoints === undefined ? model.keyPoints : model.keyPoints.slice(0, keyPoints),
    sections: model.sections.map((s) =>
      perTheme === undefined ? s : { ...s, excerpts: s.excerpts.slice(0, perTheme) },
    ),
    facts: facts === undefined ? model.facts : model.facts.slice(0, facts),
  };
}
