import type { BriefModel } from '../model/index.js';
import type { Template } from './loadTemplate.js';

/** The words a template puts around the data, evaluated once per brief. */
export interface TemplateTexts {
  cover: string;
  disclaimer: string;
  footer: string;
  /** By theme id. */
  sectionIntro: Record<string, string>;
}

/**
 * Evaluate the template's Handlebars text before layout starts, so that a template mistake
 * is reported as such (file and line) instead of surfacing from inside React-PDF.
 */
export function evaluateTemplateTexts(model: BriefModel, template: Template): TemplateTexts {
  const { cover, disclaimer, footer, sectionIntro } = template.text;
  return {
    cover: cover?.(model) ?? '',
    disclaimer: disclaimer?.(model) ?? '',
    footer: footer?.(model) ?? `As of ${model.brief.asOf}`,
    sectionIntro: Object.fromEntries(
      model.sections.map((section) => [
        section.themeId,
        sectionIntro?.({
          ...model,
          section,
          excerpts: section.excerpts,
          sourceCount: new Set(section.excerpts.map((e) => e.citation)).size,
          // Key points that serve this theme, numbered as printed (1-based).
          keyPointNumbers: model.keyPoints.flatMap((k, i) =>
            k.themeIds.includes(section.themeId) ? [i + 1] : [],
          ),
        }) ?? '',
      ]),
    ),
  };
}
