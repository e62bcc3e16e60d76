import type { Theme } from '../analysis/index.js';
import type { CorpusDocument } from '../corpus/index.js';
import { quotableSentences } from './candidates.js';
import { scoreCandidates, type ScoredCandidate } from './scoreCandidates.js';
import { MIN_EXCERPT_SCORE } from './selectExcerpts.js';

export interface ThemeExplanation {
  theme: Theme;
  threshold: number;
  /** Passages that matched at all, strongest first (before diversity and once-per-brief rules). */
  passages: (ScoredCandidate & { quotable: boolean })[];
}

/** The evidence behind a theme's matches, so a user can tune its terms. */
export function explainTheme(
  corpus: { documents: readonly CorpusDocument[] },
  theme: Theme,
  top: number,
): ThemeExplanation {
  const canonical = corpus.documents.filter((d) => d.duplicate.canonical);
  const passages = scoreCandidates(quotableSentences(canonical), theme)
    .filter((p) => p.rawScore > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, top)
    .map((p) => ({ ...p, quotable: p.score >= MIN_EXCERPT_SCORE }));
  return { theme, threshold: MIN_EXCERPT_SCORE, passages };
}
