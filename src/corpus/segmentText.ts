import type { KeptLine } from './cleanDocument.js';
import type { Paragraph, Sentence } from './types.js';

export interface SegmentedText {
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

/**
 * Abbreviations after which a full stop does not end a sentence. Single capital letters
 * (initials, "U.S.") are handled by the pattern below.
 */
const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'gen', 'col', 'lt', 'sgt', 'capt', 'gov',
    'sen', 'rep', 'pres', 'no', 'nos', 'vol', 'fig', 'inc', 'corp', 'ltd', 'co', 'vs', 'etc',
    'approx', 'est', 'dept', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
    'oct', 'nov', 'dec', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'st', 'mt', 'ft',
  ],
);

/**
 * Candidate sentence ends: terminal punctuation, closing quotes, then space and a capital, a
 * letter of a script without case (Hangul, Arabic...) or a quote; or a Chinese, Japanese or
 * Arabic full stop, question or exclamation mark, which needs no space after it. A run of punctuation is entered only at its first mark, so "....." (200,000 of them)
 * is one failed attempt, not one per mark, each rescanning the run.
 */
const BOUNDARY =
  /(?<![.!?…])([.!?…]+)(["”’'»)\]]*)(\s+)(?=["“‘'«([]?[\p{Lu}\p{Lo}\p{N}])|([。！？؟]+)([”’」』）)]*)(\s*)(?=.)/gu;
const COMPLETE = /[.!?…。！？؟]["”’'»)\]」』）]*$/u;

/** Cleaned text (one paragraph per kept line, blank lines between) with offsets of every part. */
export function segmentText(kept: readonly KeptLine[]): SegmentedText {
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  let text = '';
  kept.forEach((line, index) => {
    if (index > 0) text += '\n\n';
    const start = text.length;
    text += line.text;
    paragraphs.push({ index, start, end: text.length, kind: line.heading ? 'heading' : 'body', sourceLine: line.line });
    for (const span of splitSentences(line.text)) {
      const sentenceText = line.text.slice(span.start, span.end);
      sentences.push({
        index: sentences.length,
        paragraph: index,
        start: start + span.start,
        end: start + span.end,
        complete: !line.heading && COMPLETE.test(sentenceText),
      });
    }
  });
  return { text, paragraphs, sentences };
}

/** Sentence spans inside one paragraph, trimmed of surrounding white space. */
export function splitSentences(paragraph: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  for (const match of paragraph.matchAll(BOUNDARY)) {
    const at = match.index;
    const [, stop = match[4] ?? '', closing = match[5] ?? '', space = match[6] ?? ''] = match;
    const end = at + stop.length + closing.length;
    if (stop === '.' && isAbbreviation(paragraph, start, at)) continue;
    spans.push({ start, end });
    start = end + space.length;
  }
  if (start < paragraph.length) spans.push({ start, end: paragraph.trimEnd().length });
  return spans.filter((s) => s.end > s.start);
}

/**
 * Only the end of the text before a full stop is read: the text since the last boundary can be
 * a whole paragraph of initials ("A. B. C. ..."), and reading all of it at every stop is quadratic.
 */
const ABBREVIATION_WINDOW = 32;

/** Is the word before the full stop at `at` (not reaching back before `from`) an abbreviation? */
function isAbbreviation(paragraph: string, from: number, at: number): boolean {
  const windowStart = Math.max(from, at - ABBREVIATION_WINDOW);
  const before = paragraph.slice(windowStart, at);
  const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
  if (windowStart > from && word.length === before.length) return false; // longer than any abbreviation
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "George W. Bush"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "e.g"
  return ABBREVIATIONS.has(word.toLowerCase());
}
