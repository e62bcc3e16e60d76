import type { TermContribution, Theme } from '../analysis/index.js';
import type { CorpusDocument } from '../corpus/index.js';
import type { BriefModel } from '../model/index.js';
import type { BriefCorpus } from './briefCorpus.js';
import { quotableSentences, type Candidate } from './candidates.js';
import type { BriefSpec } from './loadBrief.js';
import { scoreCandidates, type ScoredCandidate } from './scoreCandidates.js';
import {
  excerptValue,
  MIN_EXCERPT_SCORE,
  selectExcerpts,
  type ExcerptPick,
  type Scored,
} from './selectExcerpts.js';
import { similarity } from './similarity.js';

/** Why a candidate passage was, or was not, quoted in the brief. */
export type Verdict =
  | { kind: 'excerpt'; excerptId: string; citation: number }
  | { kind: 'key-point'; keyPointId: string; citation: number }
  | { kind: 'below-threshold'; threshold: number }
  | { kind: 'not-about-theme' }
  /** Every passage this theme quoted scored higher, and the theme quoted its limit. */
  | { kind: 'limit'; quoted: number }
  | { kind: 'other-theme'; themeId: string; excerptId: string }
  /** It outscored a passage that was chosen, but repeated what the brief already quoted. */
  | { kind: 'redundant'; similarity: number; similarTo: PassageRef }
  /** It outscored a passage that was chosen, but its document was already quoted for this theme. */
  | { kind: 'same-source'; quoted: number }
  /** It outscored a passage that was chosen, but belongs more to another theme of the brief. */
  | { kind: 'fits-other-theme'; themeId: string }
  | { kind: 'copy'; canonical: PassageRef['docId']; canonicalFile: string };

export interface PassageRef {
  docId: string;
  file: string;
  start: number;
  end: number;
  text: string;
}

export interface PassageExplanation extends PassageRef {
  /** Score for the theme, after the document's context. */
  score: number;
  /** Score of the sentence alone. */
  sentenceScore: number;
  /** 0..1: how much the rest of the document is about the theme. */
  context: number;
  terms: TermContribution[];
  verdict: Verdict;
}

export interface ThemeExplanationInBrief {
  theme: Pick<Theme, 'id' | 'label'>;
  /** How many excerpts the theme's section quotes. */
  quoted: number;
  passages: PassageExplanation[];
}

export interface BriefExplanation {
  briefId: string;
  asOf: string;
  window: string;
  threshold: number;
  excerptsPerTheme: number;
  /** Canonical documents the brief drew on (its window and themes). */
  documents: number;
  themes: ThemeExplanationInBrief[];
}

export interface ExplainOptions {
  /** Candidates listed per theme (quoted passages are always listed). */
  top: number;
  /** Only this theme of the brief (by id); default: every theme. */
  themeId?: string;
  /** Non-canonical copies of the brief's documents, so their passages can be listed too. */
  copies?: readonly CorpusDocument[];
}

/**
 * Replays the brief's own selection on the same corpus (same candidates, scores, key-point
 * exclusions and round-robin) and reads the verdicts off it, so what it says is what happened.
 * `model` is the BriefModel assembleBrief made from `spec` and `corpus`.
 */
export function explainBrief(
  spec: BriefSpec,
  corpus: BriefCorpus,
  model: BriefModel,
  options: ExplainOptions,
): BriefExplanation {
  const candidates = quotableSentences(corpus.documents);
  const scored = spec.themes.map((theme) =>
    scoreCandidates(candidates, theme, { enoughDocuments: spec.limits.excerpts_per_theme }),
  );
  const chosen = chosenSpans(model);
  const picks: ExcerptPick[] = [];
  selectExcerpts(candidates, spec.themes, scored, {
    perTheme: spec.limits.excerpts_per_theme,
    sentencesPerExcerpt: spec.limits.sentences_per_excerpt,
    exclude: new Set(candidates.filter((c) => chosen.keyPoints.has(spanKey(c)))),
    onPick: (pick) => picks.push(pick),
  });
  const copies = quotableSentences(options.copies ?? []);
  const context: ReplayContext = { spec, corpus, scored, chosen, picks };
  const themes = spec.themes
    .map((theme, t) => ({ theme, t }))
    .filter(({ theme }) => options.themeId === undefined || theme.id === options.themeId)
    .map(({ theme, t }) => explainTheme(context, t, scoreCandidates(copies, theme), options.top));
  return {
    briefId: spec.id,
    asOf: model.brief.asOf,
    window: model.brief.window,
    threshold: MIN_EXCERPT_SCORE,
    excerptsPerTheme: spec.limits.excerpts_per_theme,
    documents: corpus.documents.length,
    themes,
  };
}

interface ChosenSpans {
  excerpts: Map<string, { id: string; citation: number; themeId: string }>;
  keyPoints: Map<string, { id: string; citation: number; themeIds: string[] }>;
}

interface ReplayContext {
  spec: BriefSpec;
  corpus: BriefCorpus;
  scored: ScoredCandidate[][];
  chosen: ChosenSpans;
  picks: ExcerptPick[];
}

/** Excerpts and key points start where their sentence starts: document and start name them. */
function spanKey(candidate: Candidate): string {
  return `${candidate.doc.id}\0${candidate.sentence.start}`;
}

function chosenSpans(model: BriefModel): ChosenSpans {
  const excerpts = new Map(
    model.sections.flatMap((section) =>
      section.excerpts.map((e) => [
        `${e.docId}\0${e.start}`,
        { id: e.id, citation: e.citation, themeId: section.themeId },
      ]),
    ),
  );
  const keyPoints = new Map(
    model.keyPoints.map((k) => [
      `${k.docId}\0${k.start}`,
      { id: k.id, citation: k.citation, themeIds: k.themeIds },
    ]),
  );
  return { excerpts, keyPoints };
}

function explainTheme(
  context: ReplayContext,
  t: number,
  copies: readonly ScoredCandidate[],
  top: number,
): ThemeExplanationInBrief {
  const theme = context.spec.themes[t] as Theme;
  const own = (context.scored[t] ?? []).map((s, i) => ({
    s,
    verdict: () => verdictFor(context, t, i),
  }));
  const others = copies.map((s) => ({ s, verdict: () => copyVerdict(context.corpus, s) }));
  const matched = [...own, ...others]
    .filter(({ s }) => s.rawScore > 0)
    .sort((a, b) => b.s.score - a.s.score || byPosition(a.s.candidate, b.s.candidate));
  const listed = matched.flatMap((row, rank) => {
    const verdict = row.verdict();
    return rank < top || verdict.kind === 'excerpt' ? [describe(row.s, verdict)] : [];
  });
  const quoted = [...context.chosen.excerpts.values()].filter((e) => e.themeId === theme.id);
  return { theme: { id: theme.id, label: theme.label }, quoted: quoted.length, passages: listed };
}

function byPosition(a: Candidate, b: Candidate): number {
  if (a.doc.id !== b.doc.id) return a.doc.id < b.doc.id ? -1 : 1;
  return a.sentence.start - b.sentence.start;
}

function describe(s: ScoredCandidate, verdict: Verdict): PassageExplanation {
  return {
    ...ref(s.candidate),
    score: s.score,
    sentenceScore: s.rawScore,
    context: s.context,
    terms: s.contributions,
    verdict,
  };
}

function ref(candidate: Candidate): PassageRef {
  return {
    docId: candidate.doc.id,
    file: candidate.doc.file,
    start: candidate.sentence.start,
    end: candidate.sentence.end,
    text: candidate.text,
  };
}

/** The verdict on candidate `i` for theme `t`, in the order the brief's own rules apply. */
function verdictFor(context: ReplayContext, t: number, i: number): Verdict {
  const { spec, scored, chosen, picks } = context;
  const s = scored[t]?.[i] as ScoredCandidate;
  const key = spanKey(s.candidate);
  const excerpt = chosen.excerpts.get(key);
  const theme = spec.themes[t] as Theme;
  if (excerpt?.themeId === theme.id)
    return { kind: 'excerpt', excerptId: excerpt.id, citation: excerpt.citation };
  const keyPoint = chosen.keyPoints.get(key);
  if (keyPoint) return { kind: 'key-point', keyPointId: keyPoint.id, citation: keyPoint.citation };
  if (s.rawScore >= MIN_EXCERPT_SCORE && s.score === 0 && !s.aboutTheme)
    return { kind: 'not-about-theme' };
  if (s.score < MIN_EXCERPT_SCORE) return { kind: 'below-threshold', threshold: MIN_EXCERPT_SCORE };
  if (excerpt) return { kind: 'other-theme', themeId: excerpt.themeId, excerptId: excerpt.id };
  const mine = picks.filter((p) => p.themeIndex === t);
  // The first pick it outscored: there, only the discounts can have kept it out.
  const lostTo = mine.find((p) => p.pick.score < s.score);
  if (!lostTo) return { kind: 'limit', quoted: mine.length };
  const scores = scored.map((perTheme) => perTheme[i]?.score ?? 0);
  const item: Scored = { ...s, bestAnyTheme: Math.max(0, ...scores) };
  return discountVerdict(item, lostTo, spec.themes[scores.indexOf(item.bestAnyTheme)] ?? theme);
}

/** Which discount cost the candidate most at the pick it lost. */
function discountVerdict(item: Scored, lostTo: ExcerptPick, bestTheme: Theme): Verdict {
  const factors = excerptValue(item, lostTo.used, lostTo.already);
  const smallest = Math.min(factors.redundancy, factors.sameSource, factors.purity);
  if (smallest === factors.redundancy) {
    const [closest] = [...lostTo.used]
      .map((u) => ({ u, similarity: similarity(u, item.candidate) }))
      .sort((a, b) => b.similarity - a.similarity);
    if (closest) {
      const similarTo = ref(closest.u);
      return { kind: 'redundant', similarity: closest.similarity, similarTo };
    }
  }
  if (smallest === factors.sameSource) {
    const quoted = lostTo.already.filter((e) => e.candidate.doc.id === item.candidate.doc.id);
    return { kind: 'same-source', quoted: quoted.length };
  }
  return { kind: 'fits-other-theme', themeId: bestTheme.id };
}

function copyVerdict(corpus: BriefCorpus, s: ScoredCandidate): Verdict {
  const canonical = s.candidate.doc.duplicate.clusterId;
  const file = corpus.documents.find((d) => d.id === canonical)?.file ?? canonical;
  return { kind: 'copy', canonical, canonicalFile: file };
}
