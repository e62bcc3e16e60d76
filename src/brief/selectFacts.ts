import { extractFacts, type ExtractedFact } from '../analysis/index.js';
import type { CorpusDocument } from '../corpus/index.js';
import type { Candidate } from './candidates.js';

export interface DocFact {
  fact: ExtractedFact;
  doc: CorpusDocument;
}

const KIND_ORDER: Record<ExtractedFact['kind'], number> = {
  money: 0,
  percent: 1,
  quantity: 2,
  date: 3,
  year: 4,
};

/** Facts stated in the brief's relevant sentences: one per figure and sentence, money first. */
export function selectFacts(relevant: readonly Candidate[]): DocFact[] {
  const seen = new Set<string>();
  return relevant
    .flatMap((c) =>
      extractFacts(
        c.doc.text,
        [c.sentence],
        c.doc.published ? { published: c.doc.published } : {},
      ).map((fact) => ({
        fact,
        doc: c.doc,
      })),
    )
    .filter(({ fact, doc }) => {
      const key = `${fact.kind}|${fact.value}|${doc.id}|${fact.sentence.start}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => KIND_ORDER[a.fact.kind] - KIND_ORDER[b.fact.kind]);
}
