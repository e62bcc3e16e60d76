/** A word of a text and where it is. */
export interface WordSpan {
  word: string;
  start: number;
  end: number;
}

/**
 * Runs of letters, marks and digits, with one inner apostrophe ("don't", "aujourd’hui"). Marks
 * belong to the word: Arabic vowel signs, Devanagari and Thai vowels, decomposed accents.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’][\p{L}\p{M}]+)?/gu;

/**
 * The words of a text. Scripts that put spaces between words are split by the pattern above
 * (fast); a run in Chinese, Japanese or Thai, written without spaces, is split again by the
 * dictionary word segmenter of Intl.Segmenter (ICU), which is too slow to run on all text.
 */
export function segmentWords(text: string, language: string): WordSpan[] {
  const words: WordSpan[] = [];
  const unspaced = UNSPACED.test(text);
  for (const match of text.matchAll(WORD)) {
    const run = match[0];
    if (!unspaced || !UNSPACED.test(run)) {
      words.push({ word: run, start: match.index, end: match.index + run.length });
      continue;
    }
    for (const part of segmenter(localeOf(run, language)).segment(run)) {
      if (!part.isWordLike) continue;
      const start = match.index + part.index;
      words.push({ word: part.segment, start, end: start + part.segment.length });
    }
  }
  return words;
}

/** Letters of the scripts written without spaces between words: Thai, kana, Han. */
const UNSPACED =
  /[\u0e00-\u0e7f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;

/** Kana means Japanese; Han alone follows the text's language (Chinese unless it is Japanese). */
function localeOf(run: string, language: string): string {
  if (/[\u0e00-\u0e7f]/u.test(run)) return 'th';
  if (/[\u3040-\u30ff]/u.test(run)) return 'ja';
  return language === 'ja' ? 'ja' : 'zh';
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(locale: string): Intl.Segmenter {
  let found = segmenters.get(locale);
  if (!found) {
    found = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, found);
  }
  return found;
}
