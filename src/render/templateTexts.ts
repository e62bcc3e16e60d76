import type { BriefModel } from '../model/index.js';
import type { Template } from './loadTemplate.js';

/** The words a template puts around the data, evaluated once per brief. */
export interface TemplateTexts {
  cover: string;
  disclaimer: string;
  /** By theme id. */
  sectionIntro: Record<string, string>;
}

/**
 * Evaluate the template's Handlebars text before layout starts, so that a template mistake
 * is reported as such (file and line) instead of surfacing from inside React-PDF.
 */
export function evaluateTemplateTexts(model: BriefModel, template: Template): TemplateTexts {
  return {
    cover: template.text.cover(model),
    disclaimer: template.text.disclaimer(model),
    sectionIntro: Object.fromEntries(
      model.sections.map((section) => [
        section.themeId,
        template.text.sectionIntro({
          ...model,
          section,
          excerpts: section.excerpts,
          sourceCount: new Set(section.excerpts.map((e) => e.citation)).size,
        }),
      ]),
    ),
  };
}
