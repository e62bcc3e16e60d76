import { renderToBuffer } from '@react-pdf/renderer';
import type { BriefModel } from '../model/index.js';
import { BriefError } from '../shared/errors.js';
import { BriefDocument } from './BriefDocument.js';
import { registerFonts } from './fonts.js';
import type { Template } from './loadTemplate.js';
import { evaluateTemplateTexts, type TemplateTexts } from './templateTexts.js';
import type { TemplateWarn } from './textTemplates.js';

/** Where rendering reports what does not stop it: the CLI's reporter. */
export interface RenderWarnings {
  warn: TemplateWarn;
}

/**
 * Lay out a BriefModel with a template; the PDF's bytes. Never touches the corpus.
 * Warnings (texts the template never prints, its `{{log}}` lines, layout problems) go to
 * `report`, never to the console.
 */
export async function renderPdf(
  brief: BriefModel,
  template: Template,
  report: RenderWarnings = { warn: () => undefined },
): Promise<Buffer> {
  registerFonts();
  for (const warning of template.warnings) report.warn(warning.file, warning.message);
  const model = applyTemplateLimits(brief, template);
  const texts = evaluateTemplateTexts(model, template, (file, message) =>
    report.warn(file, message),
  );
  return withConsoleAsWarnings(
    (message) =>
      report.warn(template.file, `${describeLayoutMessage(message)} (brief ${model.brief.id})`),
    () => layOut(model, template, texts),
  );
}

/**
 * One layout pass, also with a table of contents: the page layout records the page of every
 * heading in React-PDF's first pagination round, and the contents read them in its second
 * round (the one that knows the page count for "Page X of Y"), which re-uses the first
 * round's measurements instead of laying out the document again.
 */
async function layOut(model: BriefModel, template: Template, texts: TemplateTexts) {
  try {
    const pages: Record<string, number> = {};
    const recordPage = template.blocks.includes('toc')
      ? (id: string, page: number) => void (pages[id] = Math.min(page, pages[id] ?? page))
      : undefined;
    return await renderToBuffer(
      BriefDocument({ model, template, texts, pages, ...(recordPage ? { recordPage } : {}) }),
    );
  } catch (cause) {
    if (cause instanceof BriefError) throw cause;
    throw new BriefError(
      'RENDER_FAILED',
      `could not lay out the PDF: ${(cause as Error).message}`,
      { cause },
    );
  }
}

/**
 * React-PDF and its layout engine write their warnings with console.warn/log/error. Layout runs
 * one brief at a time in this process, so the console is borrowed for its duration; what is
 * written (once per message: pagination runs twice) becomes a warning.
 */
async function withConsoleAsWarnings<T>(
  warn: (message: string) => void,
  work: () => Promise<T>,
): Promise<T> {
  const saved = { warn: console.warn, log: console.log, error: console.error };
  const messages = new Set<string>();
  const capture = (...parts: unknown[]) => void messages.add(parts.map(String).join(' '));
  console.warn = console.log = console.error = capture;
  try {
    return await work();
  } finally {
    Object.assign(console, saved);
    for (const message of messages) warn(message);
  }
}

function describeLayoutMessage(message: string): string {
  if (/can't wrap between pages/.test(message))
    return 'a block is taller than a page and cannot be split across pages, so part of it may be cut off';
  return `layout: ${message}`;
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
