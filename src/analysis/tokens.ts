import { stemmer } from 'stemmer';

/** A word of a passage: lower-cased and stemmed for matching, with its original spelling and offsets. */
export interface Token {
  norm: string;
  /** Porter stem of `norm`: "explorations" and "exploration" both give "explor". */
  stem: string;
  raw: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/**
 * Split a passage into word tokens once, so that every theme term is matched against the same
 * tokens (one regex for all terms: compiling a Unicode regex per term costs ~0.5 ms each).
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const norm = match[0].toLowerCase();
    tokens.push({
      norm,
      stem: stem(norm),
      raw: match[0],
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return tokens;
}

const stems = new Map<string, string>();

/** Stemming is the hot path of scoring: memoise it (a corpus repeats its vocabulary). */
function stem(word: string): string {
  let known = stems.get(word);
  if (known === undefined) {
    known = /^\p{N}/u.test(word) ? word : stemmer(word);
    if (stems.size < 200_000) stems.set(word, known);
  }
  return known;
}

/** "rare earth*" → words ["rare", "earth"] with their stems, the last one a prefix. */
export interface TermShape {
  words: string[];
  stems: string[];
  prefix: boolean;
}

export function termShape(term: string): TermShape {
  const prefix = term.endsWith('*');
  const tokens = tokenize(prefix ? term.slice(0, -1) : term);
  return { words: tokens.map((t) => t.norm), stems: tokens.map((t) => t.stem), prefix };
}

/** Does `token` spell the term's word `w`: same stem, or (last word of a prefix term) an extension. */
function wordMatches(token: Token | undefined, shape: TermShape, w: number): boolean {
  if (!token) return false;
  if (shape.prefix && w === shape.words.length - 1)
    return token.norm.startsWith(shape.words[w] ?? '');
  return token.norm === shape.words[w] || token.stem === shape.stems[w];
}

/** Start indexes (into `tokens`) of every occurrence of the term. */
export function findTerm(tokens: readonly Token[], shape: TermShape): number[] {
  const found: number[] = [];
  const n = shape.words.length;
  if (n === 0) return found;
  for (let i = 0; i + n <= tokens.length; i++) {
    let ok = true;
    for (let w = 0; w < n && ok; w++) ok = wordMatches(tokens[i + w], shape, w);
    if (ok) found.push(i);
  }
  return found;
}
