import type { DocFact } from './selectFacts.js';

/** At most this many events: a timeline is an overview, not an index. */
const MAX_EVENTS = 40;

/**
 * Dated events: each relevant sentence that states a date or a year, once, at its most precise
 * date (a full date beats a year), oldest first.
 */
export function buildTimeline(facts: readonly DocFact[]): DocFact[] {
  const bySentence = new Map<string, DocFact>();
  for (const item of facts) {
    if (!item.fact.date) continue;
    const key = `${item.doc.id}:${item.fact.sentence.start}`;
    const known = bySentence.get(key);
    if (!known || (known.fact.date?.length ?? 0) < item.fact.date.length) bySentence.set(key, item);
  }
  return [...bySentence.values()]
    .sort(
      (a, b) =>
        (a.fact.date ?? '').localeCompare(b.fact.date ?? '') || a.doc.id.localeCompare(b.doc.id),
    )
    .slice(0, MAX_EVENTS);
}
