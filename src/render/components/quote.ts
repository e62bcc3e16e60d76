/**
 * The quotation marks around a quoted passage: double, or single when the passage itself
 * quotes someone (“…”), so that the marks nest as typesetters expect (‘He said “yes”.’).
 */
export function quote(text: string): string {
  return /[“”"]/.test(text) ? `‘${text}’` : `“${text}”`;
}
