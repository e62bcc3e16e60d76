import { extractFacts, type Theme } from '../analysis/index.js';
import type { Candidate } from './candidates.js';
import type { ScoredCandidate } from './scoreCandidates.js';
import { MIN_EXCERPT_SCORE } from './selectExcerpts.js';
import { similarity } from './similarity.js';

export interface KeyPointChoice {
  candidate: Candidate;
  themeIds: string[];
}

/** A sentence that states a figure usually carries the development itself. */
const FIGURE_BONUS = 1.3;
/** News puts the development first: an article's opening sentence gets this weight. */
const LEAD_BONUS = 1.2;
/** Two key points sharing more than this share of their words say the same thing. */
const MAX_SIMILARITY = 0.3;
const MAX_PER_SOURCE = 2;

/**
 * Bottom line up front: the few sentences that carry the most important developments for the
 * brief's themes: relevant, stating figures, leading their article, and not repeating each other.
 * A point that covers a theme no earlier point covered is preferred. `perTheme[t][i]` is the
 * score of `candidates[i]` for `themes[t]`.
 */
export function selectKeyPoints(
  candidates: readonly Candidate[],
  themes: readonly Theme[],
  perTheme: readonly (readonly ScoredCandidate[])[],
  limit: number,
): KeyPointChoice[] {
  const pool = candidates
    .map((candidate, i) => {
      const themeIds = themes
        .filter((_, t) => (perTheme[t]?.[i]?.score ?? 0) >= MIN_EXCERPT_SCORE)
        .map((t) => t.id);
      const best = Math.max(0, ...perTheme.map((scores) => scores[i]?.score ?? 0));
      const figures = extractFacts(candidate.doc.text, [candidate.sentence]).some(
        (f) => f.kind !== 'year' && f.kind !== 'date',
      );
      const lead =
        candidate.doc.sentences.find((s) => s.complete)?.start === candidate.sentence.start;
      return {
        candidate,
        themeIds,
        value: best * (figures ? FIGURE_BONUS : 1) * (lead ? LEAD_BONUS : 1),
      };
    })
    .filter((p) => p.themeIds.length > 0)
    .sort((a, b) => b.value - a.value);

  const chosen: KeyPointChoice[] = [];
  const covered = new Set<string>();
  while (chosen.length < limit) {
    const next = pool
      .filter((p) => !chosen.some((c) => c.candidate === p.candidate))
      .filter(
        (p) => chosen.filter((c) => c.candidate.doc === p.candidate.doc).length < MAX_PER_SOURCE,
      )
      .filter((p) => chosen.every((c) => similarity(c.candidate, p.candidate) <= MAX_SIMILARITY))
      .map((p) => ({
        ...p,
        value: p.value * (p.themeIds.some((id) => !covered.has(id)) ? 1.25 : 1),
      }))
      .sort((a, b) => b.value - a.value)[0];
    if (!next) break;
    chosen.push({ candidate: next.candidate, themeIds: next.themeIds });
    next.themeIds.forEach((id) => covered.add(id));
  }
  return chosen;
}
