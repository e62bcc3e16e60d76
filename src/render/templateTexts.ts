import type { BriefModel } from '../model/index.js';
import { changesSummary } from './changesSummary.js';
import type { Template } from './loadTemplate.js';
import type { TemplateWarn, TextTemplate } from './textTemplates.js';

/** The words a template puts around the data, evaluated once per brief. */
export interface TemplateTexts {
  cover: string;
  disclaimer: string;
  footer: string;
  /** Under the "What changed" heading. */
  changes: string;
  /** By theme id. */
  sectionIntro: Record<string, string>;
}

/**
 * Evaluate the template's Handlebars text before layout starts, so that a template mistake
 * is reported as such (file and line) instead of surfacing from inside React-PDF. What a
 * template logs is passed to `warn`, naming the brief and the text it came from.
 */
export function evaluateTemplateTexts(
  model: BriefModel,
  template: Template,
  warn: TemplateWarn = () => undefined,
): TemplateTexts {
  const { cover, disclaimer, footer, sectionIntro, changes } = template.text;
  const run = (text: TextTemplate | undefined, name: string, context: object = model) =>
    text?.(context, (file, message) =>
      warn(file, `${message} (brief ${model.brief.id}, text "${name}")`),
    );
  return {
    cover: run(cover, 'cover') ?? '',
    disclaimer: run(disclaimer, 'disclaimer') ?? '',
    footer: run(footer, 'footer') ?? `As of ${model.brief.asOf}`,
    changes: run(changes, 'changes') ?? changesSummary(model),
    sectionIntro: Object.fromEntries(
      model.sections.map((section) => [
        section.themeId,
        run(sectionIntro, `section_intro, theme ${section.themeId}`, {
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
