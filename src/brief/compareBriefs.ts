import type { Changes, EarlierBrief, Fact, FigureChange, Source, Story } from '../model/index.js';
import { figureSubject, sameSubject, sharedWords, type FigureSubject } from './figureSubject.js';

/**
 * What changed since the previous brief of the same id, from the two models alone (no clock,
 * no corpus: the same pair always gives the same answer):
 * 1. stories: each source cited now is a continuing story when the previous brief cited the
 *    same story (the same document, a copy of it, or the same web address), else a new one;
 * 2. figures: a money, share or quantity figure cited now is a changed figure when the previous
 *    brief cited a figure on the same subject (see figureSubject.ts) with another value, and
 *    none with this value.
 * Without a previous brief there is nothing to compare: every list is empty.
 */
export function compareBriefs(
  previous: EarlierBrief | undefined,
  current: { sources: readonly Source[]; facts: readonly Fact[] },
): Changes {
  if (previous === undefined) return { newStories: [], continuingStories: [], changedFigures: [] };
  const stories = compareStories(previous.sources, current.sources);
  return {
    previous: { asOf: previous.brief.asOf, generator: previous.generator },
    newStories: stories.filter((s) => s.previousCitation === undefined),
    continuingStories: stories.filter((s) => s.previousCitation !== undefined),
    changedFigures: changedFigures(previous, current.facts),
  };
}

function compareStories(before: readonly Source[], now: readonly Source[]): Story[] {
  const earlier = new Map<string, number>();
  for (const source of before)
    for (const key of storyKeys(source)) if (!earlier.has(key)) earlier.set(key, source.citation);
  return now.map((source) => {
    const match = storyKeys(source)
      .map((key) => earlier.get(key))
      .find((n) => n !== undefined);
    return {
      citation: source.citation,
      docId: source.docId,
      title: source.title,
      ...(match !== undefined ? { previousCitation: match } : {}),
    };
  });
}

/** A story is known by its document, the copies of it the store clustered, and its web address. */
function storyKeys(source: Source): string[] {
  const keys = [source.docId, ...source.alsoReportedBy.map((o) => o.docId)].map(
    (id) => `doc:${id}`,
  );
  const url = comparableUrl(source.url);
  return url === undefined ? keys : [...keys, `url:${url}`];
}

/** `https://Example.org/a/?x=1#top` and `http://example.org/a?x=1` are one address. */
function comparableUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return `${parsed.host}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
  } catch {
    return undefined;
  }
}

interface Figure {
  fact: Fact;
  subject: FigureSubject;
}

function figures(facts: readonly Fact[]): Figure[] {
  return facts.flatMap((fact) => {
    const subject = figureSubject(fact);
    return subject ? [{ fact, subject }] : [];
  });
}

/** Figures can only be on one subject when they have the same kind and measure. */
const measureOf = ({ subject }: Figure) => `${subject.kind}|${subject.measureKey}`;

function changedFigures(previous: EarlierBrief, facts: readonly Fact[]): FigureChange[] {
  const before = new Map<string, Figure[]>();
  for (const figure of figures(previous.facts)) {
    const group = before.get(measureOf(figure));
    if (group) group.push(figure);
    else before.set(measureOf(figure), [figure]);
  }
  const sources = new Map(previous.sources.map((s) => [s.citation, s]));
  const changes: FigureChange[] = [];
  const seen = new Set<string>();
  for (const now of figures(facts)) {
    const matches = (before.get(measureOf(now)) ?? [])
      .map((b) => ({ ...b, share: sameSubject(now.subject, b.subject) }))
      .filter((b) => b.share > 0);
    // The previous brief already had this value for the subject: nothing changed.
    if (matches.length === 0 || matches.some((b) => b.fact.value === now.fact.value)) continue;
    // The closest earlier figure; on a tie, the one the previous brief listed first.
    const closest = matches.reduce((best, b) => (b.share > best.share ? b : best));
    const beforeSource = sources.get(closest.fact.citation);
    const key = `${closest.fact.id}\u0000${now.fact.value}`;
    if (beforeSource === undefined || seen.has(key)) continue;
    seen.add(key);
    changes.push({
      kind: now.fact.kind,
      subject: {
        measure: now.subject.measure,
        words: sharedWords(now.subject, closest.subject),
      },
      before: closest.fact,
      beforeSource,
      now: now.fact,
    });
  }
  return changes;
}
