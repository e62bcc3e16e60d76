import type { CollectedEntity, ExtractedFact } from '../analysis/index.js';
import type { Corpus, CorpusDocument } from '../corpus/index.js';
import {
  BRIEF_MODEL_VERSION,
  type BriefModel,
  type EarlierBrief,
  type Entity,
  type Excerpt,
  type Fact,
  type KeyPoint,
  type TimelineEvent,
} from '../model/index.js';
import { version } from '../shared/packageInfo.js';
import { corpusInMemory, type BriefCorpus } from './briefCorpus.js';
import { buildTimeline } from './buildTimeline.js';
import { quotableSentences, type Candidate } from './candidates.js';
import { Citations } from './citations.js';
import { compareBriefs } from './compareBriefs.js';
import type { BriefSpec } from './loadBrief.js';
import { scoreCandidates } from './scoreCandidates.js';
import { selectEntities } from './selectEntities.js';
import { selectExcerpts } from './selectExcerpts.js';
import { selectFacts } from './selectFacts.js';
import { selectKeyPoints } from './selectKeyPoints.js';

export interface AssembleOptions {
  /** YYYY-MM-DD: the date the brief speaks for. */
  asOf: string;
  /** Overrides the brief's audience. */
  template?: string;
  /** ISO time of the previous successful scheduled run, for "since-last-run" windows. */
  since?: string;
  /** The previous brief of the same id (kept by the schedule's model history), to compare with. */
  previous?: EarlierBrief;
}

/**
 * Facts, entities and timeline come from sentences that touch one of the brief's themes at
 * least this much (one weak term), so a brief on energy does not list every date in the corpus.
 */
const RELEVANCE = 1;
/** Facts and people are read from at most this many of the most relevant sentences (or ten per fact the brief lists). */
const MIN_FACT_SENTENCES = 300;

/**
 * The sentences relevant to the brief, at most `limit` of them (the strongest by their best
 * theme score), in corpus order: a large window does not make the facts table read everything.
 */
function mostRelevant(
  candidates: readonly Candidate[],
  scored: readonly { rawScore: number }[][],
  limit: number,
): Candidate[] {
  const best = candidates.map((_, i) =>
    Math.max(0, ...scored.map((perTheme) => perTheme[i]?.rawScore ?? 0)),
  );
  const indexes = candidates.map((_, i) => i).filter((i) => (best[i] ?? 0) >= RELEVANCE);
  if (indexes.length <= limit) return indexes.map((i) => candidates[i] as Candidate);
  const kept = new Set(
    [...indexes].sort((a, b) => (best[b] ?? 0) - (best[a] ?? 0) || a - b).slice(0, limit),
  );
  return indexes.filter((i) => kept.has(i)).map((i) => candidates[i] as Candidate);
}

/**
 * Build the BriefModel:
 * 1. take the canonical documents inside the window (retrieved from the store, or a small
 *    corpus in memory),
 * 2. choose key points and excerpts for every theme,
 * 3. extract facts, entities and dated events from theme-relevant sentences,
 * 4. number the sources in order of first citation (key points, sections, facts, timeline, entities),
 * 5. compare with the previous brief: new and continuing stories, changed figures.
 */
export function assembleBrief(
  spec: BriefSpec,
  source: BriefCorpus | Corpus,
  options: AssembleOptions,
): BriefModel {
  const corpus =
    'totals' in source
      ? source
      : corpusInMemory(source, {
          window: spec.window,
          undated: spec.undated,
          scope: spec.scope,
          asOf: options.asOf,
          ...(options.since !== undefined ? { since: options.since } : {}),
        });
  const candidates = quotableSentences(corpus.documents, spec.languages);
  // Every candidate is scored against every theme once; all selections read these scores.
  const scored = spec.themes.map((theme) =>
    scoreCandidates(candidates, theme, { enoughDocuments: spec.limits.excerpts_per_theme }),
  );
  const relevant = mostRelevant(
    candidates,
    scored,
    Math.max(MIN_FACT_SENTENCES, 10 * spec.limits.facts),
  );

  // A one-theme brief leads with two points and leaves the rest to its section.
  const keyPointLimit = Math.min(spec.limits.key_points, spec.themes.length + 1);
  const keyPoints = selectKeyPoints(candidates, spec.themes, scored, keyPointLimit);
  // A passage is quoted once per brief: what leads as a key point is not repeated in a section.
  const inKeyPoints = new Set(keyPoints.map((k) => k.candidate));
  const chosen = selectExcerpts(candidates, spec.themes, scored, {
    perTheme: spec.limits.excerpts_per_theme,
    sentencesPerExcerpt: spec.limits.sentences_per_excerpt,
    exclude: inKeyPoints,
  });
  const facts = selectFacts(relevant);
  const timeline = buildTimeline(facts);
  const entities = selectEntities(corpus.documents, relevant);

  const cite = new Citations();
  const keyPointModels = keyPoints.map(({ candidate, themeIds }, i): KeyPoint => ({
    id: `k${i + 1}`,
    ...span(candidate, cite),
    themeIds,
  }));
  const excerpts = chosen.map((e, i): Excerpt => ({
    id: `x${i + 1}`,
    text: e.candidate.doc.text.slice(e.start, e.end),
    language: e.candidate.language,
    docId: e.candidate.doc.id,
    file: e.candidate.doc.file,
    start: e.start,
    end: e.end,
    citation: cite.number(e.candidate.doc),
    score: e.score,
    matchedTerms: e.matchedTerms,
  }));
  const factModels = facts
    .slice(0, spec.limits.facts)
    .map(({ fact, doc }, i) => toFact(fact, doc, i, cite.number(doc)));
  const timelineModels = timeline.map(({ fact, doc }, i): TimelineEvent => ({
    id: `t${i + 1}`,
    date: fact.date ?? fact.value,
    text: doc.text.slice(fact.sentence.start, fact.sentence.end),
    docId: doc.id,
    file: doc.file,
    start: fact.sentence.start,
    end: fact.sentence.end,
    citation: cite.number(doc),
  }));
  const byId = new Map(corpus.documents.map((d) => [d.id, d]));
  const entityModels = entities.map(({ entity, cited }, i) =>
    toEntity(entity, entityCitations(cited, byId, cite), i),
  );

  const sources = cite.sources(corpus.copies);
  return {
    schemaVersion: BRIEF_MODEL_VERSION,
    generator: `briefgen ${version}`,
    brief: {
      id: spec.id,
      title: spec.title,
      ...(spec.subtitle !== undefined ? { subtitle: spec.subtitle } : {}),
      audience: options.template ?? spec.audience,
      asOf: options.asOf,
      ...(spec.marking !== undefined ? { marking: spec.marking } : {}),
      window: corpus.window,
      themes: spec.themes.map((t) => ({ id: t.id, label: t.label })),
      ...(spec.languages ? { languages: spec.languages } : {}),
    },
    corpus: {
      documents: corpus.totals.documents,
      quotable: corpus.totals.inWindow,
      duplicates: corpus.totals.duplicates,
      skippedFiles: corpus.totals.skippedFiles,
      ...(spec.scope ? { outOfScope: corpus.totals.outOfScope } : {}),
      languages: countLanguages(corpus.documents),
    },
    keyPoints: keyPointModels,
    sections: spec.themes.map((theme) => ({
      themeId: theme.id,
      label: theme.label,
      description: theme.description,
      excerpts: excerpts.filter((_, i) => chosen[i]?.themeId === theme.id),
    })),
    facts: factModels,
    entities: entityModels,
    timeline: timelineModels,
    sources,
    changes: compareBriefs(options.previous, { sources, facts: factModels }),
  };
}

function span(candidate: Candidate, cite: Citations) {
  const { doc, sentence } = candidate;
  return {
    text: doc.text.slice(sentence.start, sentence.end),
    language: candidate.language,
    docId: doc.id,
    file: doc.file,
    start: sentence.start,
    end: sentence.end,
    citation: cite.number(doc),
  };
}

function toFact(fact: ExtractedFact, doc: CorpusDocument, index: number, citation: number): Fact {
  return {
    id: `f${index + 1}`,
    kind: fact.kind,
    value: fact.value,
    text: fact.text,
    sentence: doc.text.slice(fact.sentence.start, fact.sentence.end),
    docId: doc.id,
    file: doc.file,
    start: fact.start,
    end: fact.end,
    citation,
    ...(fact.amount !== undefined ? { amount: fact.amount } : {}),
    ...(fact.currency !== undefined ? { currency: fact.currency } : {}),
    ...(fact.unit !== undefined ? { unit: fact.unit } : {}),
    ...(fact.date !== undefined ? { date: fact.date } : {}),
  };
}

/** Citations listed per entity: a table row, not an index of every mention. */
const CITATIONS_PER_ENTITY = 5;

/**
 * The sources listed for an entity: documents the brief already cites come first (so the
 * table adds few new sources), then the documents that mention it most; at most one new source
 * per entity. The rest are counted, not listed.
 */
function entityCitations(
  cited: readonly { docId: string }[],
  byId: ReadonlyMap<string, CorpusDocument>,
  cite: Citations,
): { citations: number[]; more: number } {
  const mentions = new Map<string, number>();
  for (const m of cited) mentions.set(m.docId, (mentions.get(m.docId) ?? 0) + 1);
  const ranked = [...mentions.keys()].sort(
    (a, b) =>
      Number(cite.has(b)) - Number(cite.has(a)) ||
      (mentions.get(b) ?? 0) - (mentions.get(a) ?? 0) ||
      (a < b ? -1 : 1),
  );
  const listed: number[] = [];
  let added = 0;
  for (const id of ranked) {
    if (listed.length >= CITATIONS_PER_ENTITY) break;
    const doc = byId.get(id);
    if (!doc) continue;
    if (!cite.has(id)) {
      if (added > 0) continue;
      added++;
    }
    listed.push(cite.number(doc));
  }
  return {
    citations: [...new Set(listed)].sort((a, b) => a - b),
    more: mentions.size - listed.length,
  };
}

function toEntity(
  entity: CollectedEntity,
  { citations, more }: { citations: number[]; more: number },
  index: number,
): Entity {
  return {
    id: `e${index + 1}`,
    kind: entity.kind,
    name: entity.name,
    aliases: entity.aliases,
    ...(entity.role !== undefined ? { role: entity.role } : {}),
    ...(entity.acronym !== undefined ? { acronym: entity.acronym } : {}),
    mentions: entity.mentions.length,
    citations,
    ...(more > 0 ? { moreCitations: more } : {}),
  };
}

/** Articles by language, most first (the cover's count of what the brief drew on). */
function countLanguages(documents: readonly CorpusDocument[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const doc of documents) counts.set(doc.language, (counts.get(doc.language) ?? 0) + 1);
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}
