/** A word of a passage: lower-cased for matching, with its original spelling and offsets. */
export interface Token {
  norm: string;
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
    tokens.push({
      norm: match[0].toLowerCase(),
      raw: match[0],
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return tokens;
}

/** "rare earth*" → words ["rare", "earth"], last one a prefix. */
export interface TermShape {
  words: string[];
  prefix: boolean;
}

export function termShape(term: string): TermShape {
  const prefix = term.endsWith('*');
  const words = tokenize(prefix ? term.slice(0, -1) : term).map((t) => t.norm);
  return { words, prefix };
}

/** Does `token` spell `word`: exactly, as a plural, or (for the last word of a prefix term) as an extension. */
function wordMatches(token: string, word: string, asPrefix: boolean): boolean {
  if (asPrefix) return token.startsWith(word);
  return token === word || token === `${word}s` || token === `${word}es`;
}

/** Start indexes (into `tokens`) of every occurrence of the term. */
export function findTerm(tokens: readonly Token[], shape: TermShape): number[] {
  const found: number[] = [];
  const n = shape.words.length;
  if (n === 0) return found;
  for (let i = 0; i + n <= tokens.length; i++) {
    let ok = true;
    for (let w = 0; w < n && ok; w++) {
      ok = wordMatches(
        tokens[i + w]?.norm ?? '',
        shape.words[w] ?? '',
        shape.prefix && w === n - 1,
      );
    }
    if (ok) found.push(i);
  }
  return found;
}
