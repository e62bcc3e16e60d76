import type { Theme } from '../analysis/index.js';
import type { ScoredCandidate } from './scoreCandidates.js';
import { similarity } from './similarity.js';
import type { Candidate } from './candidates.js';

export interface ChosenExcerpt {
  themeId: string;
  candidate: Candidate;
  /** Offsets in the document's cleaned text (may span several sentences). */
  start: number;
  end: number;
  score: number;
  matchedTerms: string[];
}

/** A passage must score at least this to be quoted: one strong term, or two weaker ones. */
export const MIN_EXCERPT_SCORE = 2.5;
/** Each earlier excerpt from the same document multiplies a candidate's score by this. */
const SAME_SOURCE_PENALTY = 0.75;
/**
 * Maximal marginal relevance: a candidate that repeats what the brief already quotes (word
 * overlap with any chosen excerpt, 0..1) loses up to this share of its score.
 */
const REDUNDANCY_WEIGHT = 0.7;

export interface Scored {
  candidate: Candidate;
  score: number;
  matchedTerms: string[];
  /** The best score this sentence reaches for any theme of the brief. */
  bestAnyTheme: number;
}

/**
 * Choose excerpts for every theme at once, round by round, so that each theme gets its
 * share and no sentence is quoted twice in a brief. Within a theme, a candidate's score is
 * discounted when its document is already quoted (diversity of sources), when it repeats a
 * chosen excerpt (redundancy), and when it belongs more strongly to another theme.
 */
export function selectExcerpts(
  candidates: readonly Candidate[],
  themes: readonly Theme[],
  scored: readonly (readonly ScoredCandidate[])[],
  limits: {
    perTheme: number;
    sentencesPerExcerpt: number;
    exclude?: ReadonlySet<Candidate>;
    /** Told of every pick, so `brief explain` can say why the others lost (see explainBrief). */
    onPick?: (pick: ExcerptPick) => void;
  },
): ChosenExcerpt[] {
  const best = candidates.map((_, i) =>
    Math.max(0, ...scored.map((perTheme) => perTheme[i]?.score ?? 0)),
  );
  const pools: Scored[][] = scored.map((perTheme) =>
    perTheme
      .map((s, i) => ({ ...s, bestAnyTheme: best[i] ?? 0 }))
      .filter((s) => s.score >= MIN_EXCERPT_SCORE && !limits.exclude?.has(s.candidate)),
  );

  const used = new Set<Candidate>();
  const chosen: ChosenExcerpt[][] = themes.map(() => []);
  for (let round = 0; round < limits.perTheme; round++) {
    themes.forEach((theme, t) => {
      const pick = bestRemaining(pools[t] ?? [], used, chosen[t] ?? []);
      if (!pick) return;
      limits.onPick?.({
        themeIndex: t,
        pick,
        used: new Set(used),
        already: [...(chosen[t] ?? [])],
      });
      used.add(pick.candidate);
      chosen[t]?.push(toExcerpt(theme, pick, limits.sentencesPerExcerpt));
    });
  }
  return chosen.flatMap((perTheme) => perTheme.sort((a, b) => b.score - a.score));
}

/** One pick of the round-robin and the state it was made in. */
export interface ExcerptPick {
  themeIndex: number;
  pick: Scored;
  /** Passages quoted for any theme before this pick. */
  used: ReadonlySet<Candidate>;
  /** This theme's excerpts before this pick. */
  already: readonly ChosenExcerpt[];
}

/** The factors (each 0..1) that discount a candidate's score, and the value they leave. */
export interface ExcerptValue {
  value: number;
  sameSource: number;
  purity: number;
  redundancy: number;
}

export function excerptValue(
  item: Scored,
  used: ReadonlySet<Candidate>,
  already: readonly ChosenExcerpt[],
): ExcerptValue {
  const quoted = already.filter((e) => e.candidate.doc.id === item.candidate.doc.id).length;
  const sameSource = SAME_SOURCE_PENALTY ** quoted;
  const purity = item.bestAnyTheme === 0 ? 1 : Math.sqrt(item.score / item.bestAnyTheme);
  const overlap = Math.max(0, ...[...used].map((u) => similarity(u, item.candidate)));
  const redundancy = 1 - REDUNDANCY_WEIGHT * overlap;
  return { value: item.score * purity * sameSource * redundancy, sameSource, purity, redundancy };
}

function bestRemaining(
  pool: Scored[],
  used: Set<Candidate>,
  already: ChosenExcerpt[],
): Scored | undefined {
  let best: { item: Scored; value: number } | undefined;
  for (const item of pool) {
    if (used.has(item.candidate)) continue;
    const { value } = excerptValue(item, used, already);
    if (!best || value > best.value || (value === best.value && order(item, best.item) < 0)) {
      best = { item, value };
    }
  }
  return best?.item;
}

/** Stable tie-break: earlier document, then earlier sentence. */
function order(a: Scored, b: Scored): number {
  if (a.candidate.doc.id !== b.candidate.doc.id)
    return a.candidate.doc.id < b.candidate.doc.id ? -1 : 1;
  return a.candidate.sentence.start - b.candidate.sentence.start;
}

/** Extend a sentence with the following sentences of its paragraph, up to the limit. */
function toExcerpt(theme: Theme, pick: Scored, maxSentences: number): ChosenExcerpt {
  const { doc, sentence } = pick.candidate;
  let end = sentence.end;
  for (let i = 1; i < maxSentences; i++) {
    const next = doc.sentences[sentence.index + i];
    if (!next || next.paragraph !== sentence.paragraph || !next.complete) break;
    end = next.end;
  }
  return {
    themeId: theme.id,
    candidate: pick.candidate,
    start: sentence.start,
    end,
    score: Math.round(pick.score * 100) / 100,
    matchedTerms: pick.matchedTerms,
  };
}
