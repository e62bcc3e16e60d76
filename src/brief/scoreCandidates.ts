import { scorePassage, tokenize, type TermContribution, type Theme } from '../analysis/index.js';
import type { Candidate } from './candidates.js';

export interface ScoredCandidate {
  candidate: Candidate;
  /** Relevance after the document's context is taken into account. */
  score: number;
  /** Relevance of the sentence alone. */
  rawScore: number;
  /** 0..1: how much the rest of the document is about the theme. */
  context: number;
  matchedTerms: string[];
  contributions: TermContribution[];
}

/**
 * A document that is about the theme throughout lends weight to each of its sentences; a lone
 * mention in an article about something else counts for less. Density is the theme score of
 * the headline and quotable sentences per sentence; at DENSE or above, a sentence keeps its
 * full score, and with no support it keeps CONTEXT_FLOOR of it.
 */
const DENSE = 0.5;
const CONTEXT_FLOOR = 0.75;

export function scoreCandidates(candidates: readonly Candidate[], theme: Theme): ScoredCandidate[] {
  const raw = candidates.map((candidate) => ({
    candidate,
    ...scorePassage(candidate.tokens, theme),
  }));
  const density = new Map<string, { sum: number; count: number }>();
  for (const { candidate, score } of raw) {
    const entry = density.get(candidate.doc.id) ?? {
      sum: scorePassage(tokenize(candidate.doc.title), theme).score,
      count: 1,
    };
    entry.sum += score;
    entry.count += 1;
    density.set(candidate.doc.id, entry);
  }
  return raw.map(({ candidate, score, matchedTerms, contributions }) => {
    const entry = density.get(candidate.doc.id);
    const support = entry ? Math.min(1, entry.sum / entry.count / DENSE) : 0;
    return {
      candidate,
      score: score * (CONTEXT_FLOOR + (1 - CONTEXT_FLOOR) * support),
      rawScore: score,
      context: support,
      matchedTerms,
      contributions,
    };
  });
}
