import type Handlebars from 'handlebars';
import { createRequire } from 'node:module';
import type { BriefModel } from '../model/index.js';

const require = createRequire(import.meta.url);
/** Loaded on first use (~45 ms): most briefs have no subject template and deliver nothing. */
let handlebars: typeof Handlebars | undefined;

export const DEFAULT_SUBJECT = '{{title}} — {{asOf}}';

/** What a subject template may name. */
export function subjectFields(model: BriefModel): Record<string, string> {
  const { id, title, subtitle, asOf } = model.brief;
  return { id, title, subtitle: subtitle ?? '', asOf };
}

/** Why a subject template cannot be used, or undefined. Checked when the brief is loaded. */
export function subjectProblem(template: string): string | undefined {
  try {
    const render = compile(template);
    render({ id: 'x', title: 'x', subtitle: 'x', asOf: '2026-01-01' });
    return undefined;
  } catch (error) {
    return (error as Error).message.split('\n')[0];
  }
}

/**
 * `[TLP:GREEN] Russia–DPRK weekly overview — 2026-11-23`: the marking always leads, whatever
 * the template says, so a reader sees how far the mail may travel before opening it.
 */
export function emailSubject(model: BriefModel, template = DEFAULT_SUBJECT): string {
  const text = compile(template)(subjectFields(model)).replace(/\s+/g, ' ').trim();
  const marking = model.brief.marking;
  return marking === undefined ? text : `[${marking}] ${text}`;
}

function compile(template: string) {
  // A subject is plain text: no HTML escaping, and a field that does not exist is an error.
  handlebars ??= (require('handlebars') as typeof Handlebars).create();
  return handlebars.compile(template, { noEscape: true, strict: true });
}
