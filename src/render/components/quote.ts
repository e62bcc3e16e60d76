/**
 * The quotation marks around a quoted passage: double, or single when the passage itself
 * quotes someone (“…”), so that the marks nest as typesetters expect (‘He said “yes”.’).
 * A passage in a right-to-left language takes guillemets, as Arabic typesetting does, printed
 * «…» pointing outwards. They are written in the order that prints so with React-PDF 4.9:
 * its bidi step mirrors them in the right-to-left run and fontkit's rtlm feature mirrors
 * them back (checked on the rendered page, test/render/languages.test.tsx).
 */
export function quote(text: string, language?: string): string {
  if (language && isRightToLeft(language)) return `»${text}«`;
  return /[“”"]/.test(text) ? `‘${text}’` : `“${text}”`;
}

/** "[ru] " before a passage quoted in a language other than English; nothing for English. */
export function languageTag(language: string | undefined): string {
  return language && language !== 'en' && language !== 'und' ? `[${language}] ` : '';
}

const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'ur', 'he', 'yi', 'ps', 'sd', 'ug']);

export function isRightToLeft(language: string | undefined): boolean {
  return language !== undefined && RIGHT_TO_LEFT.has(language);
}

/** A right-to-left passage is laid out as a right-to-left paragraph (bidi order, right aligned). */
export function directionStyle(language: string | undefined): { direction?: 'rtl' } {
  return isRightToLeft(language) ? { direction: 'rtl' } : {};
}
