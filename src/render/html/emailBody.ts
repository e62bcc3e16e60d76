import type { BriefModel } from '../../model/index.js';
import { escapeHtml, longDate, plural } from './markup.js';
import { header, page } from './renderHtml.js';

/** One line per theme: its label and how many excerpts it quotes. */
export function themeLines(model: BriefModel): string[] {
  return model.sections.map((s) => `${s.label}: ${plural(s.excerpts.length, 'excerpt')}`);
}

/**
 * The e-mail's HTML body, built from the HTML edition's header: the marking, the key points and
 * one line per theme; the full brief is the attached PDF, so citations are not links here.
 */
export function renderEmailHtml(model: BriefModel, pdfName: string): string {
  const points = model.keyPoints.map((p) => `<li>${escapeHtml(p.text)} [${p.citation}]</li>`);
  const themes = themeLines(model).map((line) => `<li>${escapeHtml(line)}</li>`);
  return page(model.brief.title, model.brief.marking, [
    header(model),
    '<main>',
    points.length > 0 ? `<h2>Key points</h2>\n<ul>\n${points.join('\n')}\n</ul>` : '',
    `<h2>Themes</h2>\n<ul>\n${themes.join('\n')}\n</ul>`,
    `<p>The full brief, with ${plural(model.sources.length, 'cited source')}, is attached: <strong>${escapeHtml(pdfName)}</strong>.</p>`,
    '</main>',
  ]);
}

/** The same for mail readers that show plain text. */
export function renderEmailText(model: BriefModel, pdfName: string): string {
  const { brief } = model;
  const lines = [
    ...(brief.marking ? [brief.marking, ''] : []),
    brief.title,
    ...(brief.subtitle ? [brief.subtitle] : []),
    `As of ${longDate(brief.asOf)} · ${brief.window}`,
    '',
  ];
  if (model.keyPoints.length > 0) {
    lines.push('Key points', '', ...model.keyPoints.map((p) => `- ${p.text} [${p.citation}]`), '');
  }
  lines.push('Themes', '', ...themeLines(model).map((line) => `- ${line}`), '');
  lines.push(
    `The full brief, with ${plural(model.sources.length, 'cited source')}, is attached: ${pdfName}.`,
  );
  if (brief.marking) lines.push('', brief.marking);
  return lines.join('\n') + '\n';
}
