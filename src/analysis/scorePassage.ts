import type { Theme } from './themes.js';

export interface PassageScore {
  score: number;
  /** Matched terms, strongest contribution first. */
  matchedTerms: string[];
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
 */
export function scorePassage(text: string, theme: Theme): PassageScore {
  const words = text.split(/\s+/).filter(Boolean).length;
  const lengthNorm = 1 - LENGTH_WEIGHT + (LENGTH_WEIGHT * words) / TYPICAL_WORDS;
  const contributions: { term: string; value: number }[] = [];
  const counted = new Set<string>();
  for (const term of theme.terms) {
    const count = countMatches(text, term.pattern, !term.properNoun && !term.term.includes(' '));
    if (count === 0 || counted.has(term.term)) continue;
    counted.add(term.term);
    const saturated = (count * (SATURATION + 1)) / (count + SATURATION * lengthNorm);
    contributions.push({ term: term.term, value: term.weight * saturated });
  }
  let score = contributions.reduce((sum, c) => sum + c.value, 0);
  for (const term of theme.against) {
    if (countMatches(text, term.pattern) > 0) score -= term.weight * 2;
  }
  contributions.sort((a, b) => b.value - a.value || a.term.localeCompare(b.term));
  return { score: Math.max(0, score), matchedTerms: contributions.map((c) => c.term) };
}

function countMatches(text: string, pattern: RegExp, skipProperNames = false): number {
  pattern.lastIndex = 0;
  let count = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    if (!(skipProperNames && insideProperName(text, match.index, match[0]))) count++;
  }
  return count;
}

/**
 * "Workers’ Party", "Ministry of Natural Resources": a common word capitalised inside a name
 * says nothing about the theme. A capitalised match counts only at the start of a sentence or
 * when the words around it are not capitalised too.
 */
function insideProperName(text: string, index: number, matched: string): boolean {
  if (!/^\p{Lu}/u.test(matched) || /^\p{Lu}+$/u.test(matched)) return false;
  const before = text.slice(Math.max(0, index - 3), index);
  if (index === 0 || /[.!?]["”’]?\s+$/u.test(before)) return false;
  const next = /^[’'s]*\s+(\p{L})/u.exec(text.slice(index + matched.length));
  const previous = /(\p{L})[\p{L}-]*\s+(?:of\s+|and\s+)?$/u.exec(
    text.slice(Math.max(0, index - 40), index),
  );
  const capital = (c: string | undefined) => c !== undefined && /\p{Lu}/u.test(c);
  return capital(next?.[1]) || capital(previous?.[1]);
}
