import { renderToBuffer } from '@react-pdf/renderer';
import type { BriefModel } from '../model/index.js';
import { BriefError } from '../shared/errors.js';
import { BriefDocument } from './BriefDocument.js';
import { registerFonts } from './fonts.js';
import type { Template } from './loadTemplate.js';
import { evaluateTemplateTexts } from './templateTexts.js';

/** Lay out a BriefModel with a template; the PDF's bytes. Never touches the corpus. */
export async function renderPdf(model: BriefModel, template: Template): Promise<Buffer> {
  registerFonts();
  const texts = evaluateTemplateTexts(model, template);
  try {
    return await renderToBuffer(BriefDocument({ model, template, texts }));
  } catch (cause) {
    if (cause instanceof BriefError) throw cause;
    throw new BriefError(
      'RENDER_FAILED',
      `could not lay out the PDF: ${(cause as Error).message}`,
      { cause },
    );
  }
}
