import type { Dateline, Paragraph, Sentence } from './types.js';

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
/**
 * "Seoul, Dec 13 (EFE).-", "MOSCOW, March 3 (Reuters) -", "Pyongyang (AP) —". The spaces
 * around the optional "." are one run or two split by it, never two \s* side by side, which
 * would try every split of a long run of spaces.
 */
const DATELINE = new RegExp(
  `^(\\p{Lu}[\\p{L} .'-]{1,40}?),?\\s+(?:(${MONTH}\\s+\\d{1,2}(?:,\\s\\d{4})?)\\s*)?\\(([^)]{2,30})\\)\\s*(?:[.:]\\s*)?[-–—]+\\s*`,
  'u',
);

const DATELINE_MAX_CHARS = 200;

export function detectDateline(firstParagraph: string | undefined): Dateline | undefined {
  // A dateline is the paragraph's first hundred characters or so: a long run of spaces
  // after a capital would otherwise be rescanned by \s+ for each length of the place name.
  const match = firstParagraph === undefined ? null : DATELINE.exec(firstParagraph.slice(0, DATELINE_MAX_CHARS));
  if (!match?.[1]) return undefined;
  return {
    place: match[1].trim(),
    ...(match[2] ? { date: match[2] } : {}),
    ...(match[3] ? { agency: match[3].trim() } : {}),
  };
}

/**
 * A page cut off by the scraper ends inside a sentence: the last body paragraph's last
 * sentence has no closing punctuation and is longer than a sign-off such as "EFE" or "(AP)".
 */
export function detectTruncation(text: string, paragraphs: readonly Paragraph[], sentences: readonly Sentence[]): boolean {
  const lastBody = [...paragraphs].reverse().find((p) => p.kind === 'body');
  if (!lastBody) return false;
  const last = [...sentences].reverse().find((s) => s.paragraph === lastBody.index);
  if (!last || last.complete) return false;
  const words = text.slice(last.start, last.end).split(/\s+/).filter(Boolean);
  return words.length > 3;
}
