import type { Theme, ThemeTerm } from './themes.js';
import { findTerm, tokenize, type Token } from './tokens.js';

export interface PassageScore {
  score: number;
  /** Matched terms, strongest contribution first. */
  matchedTerms: string[];
  /** What each term added (negative for terms that argue against the theme): the evidence. */
  contributions: TermContribution[];
}

export interface TermContribution {
  term: string;
  count: number;
  value: number;
}

/** Typical sentence length in words; longer passages are not rewarded just for length. */
const TYPICAL_WORDS = 28;
/** BM25's k1: the second mention of a term counts less than the first, the tenth barely. */
const SATURATION = 1.2;
/** BM25's b: how much length normalisation applies. */
const LENGTH_WEIGHT = 0.5;

/**
 * How strongly a passage is about a theme: each matched term adds its weight, saturated by
 * repetition (BM25-like) and normalised by length; terms that argue against the theme subtract.
 * Pass tokens when scoring one passage against many themes.
 */
export function scorePassage(passage: string | readonly Token[], theme: Theme): PassageScore {
  const tokens = typeof passage === 'string' ? tokenize(passage) : passage;
  const lengthNorm = 1 - LENGTH_WEIGHT + (LENGTH_WEIGHT * tokens.length) / TYPICAL_WORDS;
  const contributions: TermContribution[] = [];
  // Longer and heavier terms claim their words first, so "natural gas" is not also "gas", and
  // "mining" (stem "mine") is not counted again for "mine".
  const claimed = new Set<number>();
  for (const term of termsByPrecedence(theme)) {
    const singleCommonWord = !term.properNoun && term.shape.words.length === 1;
    const length = term.shape.words.length;
    let count = 0;
    for (const i of findTerm(tokens, term.shape)) {
      if (singleCommonWord && insideProperName(tokens, i)) continue;
      const span = Array.from({ length }, (_, k) => i + k);
      if (span.some((k) => claimed.has(k))) continue;
      span.forEach((k) => claimed.add(k));
      count++;
    }
    if (count === 0) continue;
    const saturated = (count * (SATURATION + 1)) / (count + SATURATION * lengthNorm);
    contributions.push({ term: term.term, count, value: term.weight * saturated });
  }
  contributions.sort((a, b) => b.value - a.value || a.term.localeCompare(b.term));
  const matchedTerms = contributions.map((c) => c.term);
  for (const term of theme.against) {
    const count = findTerm(tokens, term.shape).length;
    if (count > 0) contributions.push({ term: term.term, count, value: -term.weight * 2 });
  }
  const score = contributions.reduce((sum, c) => sum + c.value, 0);
  return { score: Math.max(0, score), matchedTerms, contributions };
}

const precedence = new WeakMap<Theme, ThemeTerm[]>();

function termsByPrecedence(theme: Theme): ThemeTerm[] {
  let sorted = precedence.get(theme);
  if (!sorted) {
    sorted = [...theme.terms].sort(
      (a, b) => b.shape.words.length - a.shape.words.length || b.weight - a.weight,
    );
    precedence.set(theme, sorted);
  }
  return sorted;
}

const capitalised = (token: Token | undefined) => token !== undefined && /^\p{Lu}/u.test(token.raw);
const LINKS = new Set(['of', 'and', 'for']);

/**
 * "Workers’ Party", "Ministry of Natural Resources": a common word capitalised inside a name
 * says nothing about the theme. A capitalised match counts only at the start of the passage or
 * when the words around it are not capitalised too. Acronyms ("LNG") always count.
 */
function insideProperName(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  if (!token || i === 0 || !capitalised(token) || token.raw === token.raw.toUpperCase())
    return false;
  const previous = LINKS.has(tokens[i - 1]?.norm ?? '') ? tokens[i - 2] : tokens[i - 1];
  return capitalised(tokens[i + 1]) || (i > 1 && capitalised(previous));
}
