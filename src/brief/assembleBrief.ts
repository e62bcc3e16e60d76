import { extractFacts, scorePassage, type ExtractedFact } from '../analysis/index.js';
import type { Corpus, CorpusDocument } from '../corpus/index.js';
import {
  BRIEF_MODEL_VERSION,
  type BriefModel,
  type Excerpt,
  type Fact,
  type Source,
} from '../model/index.js';
import { version } from '../shared/packageInfo.js';
import { applyWindow } from './applyWindow.js';
import { quotableSentences } from './candidates.js';
import type { BriefSpec } from './loadBrief.js';
import { selectExcerpts } from './selectExcerpts.js';

export interface AssembleOptions {
  /** YYYY-MM-DD: the date the brief speaks for. */
  asOf: string;
  /** Overrides the brief's audience. */
  template?: string;
  /** ISO time of the previous successful scheduled run, for "since-last-run" windows. */
  since?: string;
}

/** A fact is kept only when its sentence touches one of the brief's themes at least this much. */
const FACT_RELEVANCE = 1;

/**
 * Build the BriefModel:
 * 1. keep canonical documents inside the window,
 * 2. choose excerpts for every theme,
 * 3. extract the facts stated in theme-relevant sentences,
 * 4. number the sources in order of first citation.
 */
export function assembleBrief(
  spec: BriefSpec,
  corpus: Corpus,
  options: AssembleOptions,
): BriefModel {
  const canonical = corpus.documents.filter((d) => d.duplicate.canonical);
  const window = applyWindow(canonical, spec.window, options.asOf, options.since);
  const candidates = quotableSentences(window.documents);

  const chosen = selectExcerpts(candidates, spec.themes, {
    perTheme: spec.limits.excerpts_per_theme,
    sentencesPerExcerpt: spec.limits.sentences_per_excerpt,
  });
  const relevantFacts = candidates
    .filter((c) =>
      spec.themes.some((theme) => scorePassage(c.tokens, theme).score >= FACT_RELEVANCE),
    )
    .flatMap((c) => extractFacts(c.doc.text, [c.sentence]).map((fact) => ({ fact, doc: c.doc })));
  const facts = dedupeFacts(relevantFacts).slice(0, spec.limits.facts);

  const citations = new Citations();
  const excerpts = chosen.map((e, i): Excerpt => ({
    id: `x${i + 1}`,
    text: e.candidate.doc.text.slice(e.start, e.end),
    docId: e.candidate.doc.id,
    file: e.candidate.doc.file,
    start: e.start,
    end: e.end,
    citation: citations.number(e.candidate.doc),
    score: e.score,
    matchedTerms: e.matchedTerms,
  }));
  const factModels = facts.map(({ fact, doc }, i): Fact =>
    toFact(fact, doc, i, citations.number(doc)),
  );

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
      window: window.description,
      themes: spec.themes.map((t) => ({ id: t.id, label: t.label })),
    },
    corpus: {
      documents: corpus.documents.length,
      quotable: window.documents.length,
      duplicates: corpus.documents.length - canonical.length,
      skippedFiles: corpus.warnings.length,
    },
    keyPoints: [],
    sections: spec.themes.map((theme) => ({
      themeId: theme.id,
      label: theme.label,
      description: theme.description,
      excerpts: excerpts.filter((_, i) => chosen[i]?.themeId === theme.id),
    })),
    facts: factModels,
    entities: [],
    timeline: [],
    sources: citations.sources(corpus.documents),
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
  };
}

const KIND_ORDER = { money: 0, percent: 1, year: 2 } as const;

/** One row per figure and sentence; money first, then percentages, then years. */
function dedupeFacts(facts: { fact: ExtractedFact; doc: CorpusDocument }[]) {
  const seen = new Set<string>();
  return facts
    .filter(({ fact, doc }) => {
      const key = `${fact.kind}|${fact.value}|${doc.text.slice(fact.sentence.start, fact.sentence.end)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => KIND_ORDER[a.fact.kind] - KIND_ORDER[b.fact.kind]);
}

/** Numbers sources in the order the brief first cites them. */
class Citations {
  private readonly order: CorpusDocument[] = [];

  number(doc: CorpusDocument): number {
    const found = this.order.indexOf(doc);
    if (found >= 0) return found + 1;
    this.order.push(doc);
    return this.order.length;
  }

  sources(all: readonly CorpusDocument[]): Source[] {
    const byId = new Map(all.map((d) => [d.id, d]));
    return this.order.map((doc, i) => ({
      citation: i + 1,
      docId: doc.id,
      file: doc.file,
      title: doc.title,
      ...(doc.dateline?.agency ? { publisher: doc.dateline.agency } : {}),
      ...(doc.published ? { published: doc.published } : {}),
      truncated: doc.truncated,
      alsoReportedBy: doc.duplicate.others.flatMap((id) => {
        const other = byId.get(id);
        return other ? [{ docId: other.id, file: other.file, title: other.title }] : [];
      }),
    }));
  }
}
