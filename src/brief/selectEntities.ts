import { collectEntities, type CollectedEntity, type EntityMention } from '../analysis/index.js';
import type { CorpusDocument } from '../corpus/index.js';
import type { Candidate } from './candidates.js';

const KIND_ORDER = { person: 0, organisation: 1, place: 2 } as const;
/** Per kind: the people, organisations and places a reader needs, not every capitalised word. */
const MAX_PER_KIND = 25;

/**
 * Entities of the documents in the window (names are merged across all their sentences), kept
 * when they are mentioned in a document relevant to the brief; most mentioned first.
 */
export interface SelectedEntity {
  entity: CollectedEntity;
  /** Mentions in documents relevant to the brief: these are cited. */
  cited: EntityMention[];
}

export function selectEntities(
  documents: readonly CorpusDocument[],
  relevant: readonly Candidate[],
): SelectedEntity[] {
  // People are listed when they appear in a document the brief draws on: their own sentence
  // often carries only their title ("Minister of Railways"), which no theme term scores.
  const relevantDocs = new Set(relevant.map((c) => c.doc.id));
  const entities = collectEntities(
    documents.map((d) => ({ docId: d.id, text: d.text, sentences: d.sentences })),
  )
    .map((entity) => ({
      entity,
      cited: entity.mentions.filter((m) => relevantDocs.has(m.docId)),
    }))
    .filter(({ cited }) => cited.length > 0)
    .sort(
      (a, b) =>
        KIND_ORDER[a.entity.kind] - KIND_ORDER[b.entity.kind] ||
        b.entity.mentions.length - a.entity.mentions.length ||
        a.entity.name.localeCompare(b.entity.name),
    );
  const perKind = new Map<string, number>();
  return entities.filter(({ entity }) => {
    const n = (perKind.get(entity.kind) ?? 0) + 1;
    perKind.set(entity.kind, n);
    return n <= MAX_PER_KIND;
  });
}
