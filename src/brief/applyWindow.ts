import type { CorpusDocument } from '../corpus/index.js';
import type { DocumentFilter } from '../store/index.js';
import type { WindowSpec } from './briefFile.js';

export interface WindowResult {
  documents: CorpusDocument[];
  /** "all documents", "2026-11-15 to 2026-11-22 (5 undated articles left out)" */
  description: string;
}

export type UndatedRule = 'exclude' | 'include';

const DAY_MS = 86_400_000;

/**
 * The brief's window as a filter on published dates or first-seen times, plus how to describe
 * it. In a date window, an article with no published date is left out unless the brief says
 * `undated: include`: a scraped page with no date may be years old.
 */
export function windowFilter(
  window: WindowSpec,
  asOf: string,
  since?: string,
  undated: UndatedRule = 'exclude',
): { filter: DocumentFilter; description: string } {
  if (window === 'all')
    return { filter: { field: 'published', includeUndated: true }, description: 'all documents' };
  if (window === 'since-last-run') {
    if (since === undefined) {
      return {
        filter: { field: 'first_seen', includeUndated: true },
        description: 'since the last run (first run: all documents)',
      };
    }
    return {
      filter: { field: 'first_seen', from: nextMillisecond(since), includeUndated: true },
      description: `documents first seen since ${since.slice(0, 16).replace('T', ' ')} UTC`,
    };
  }
  const [from, to] =
    typeof window === 'string'
      ? [shiftDays(asOf, -Number(/\d+/.exec(window)?.[0] ?? 0)), asOf]
      : [window.from, window.to];
  return {
    filter: { field: 'published', from, to, includeUndated: undated === 'include' },
    description: `${from} to ${to}`,
  };
}

/** Whether a filter bounds published dates (so undated articles are a question at all). */
export function isDateWindow(filter: DocumentFilter): boolean {
  return filter.field === 'published' && (filter.from !== undefined || filter.to !== undefined);
}

/** Keep the documents inside the brief's time window (in memory, for small corpora). */
export function applyWindow(
  documents: readonly CorpusDocument[],
  window: WindowSpec,
  asOf: string,
  since?: string,
  undated: UndatedRule = 'exclude',
): WindowResult {
  const { filter, description } = windowFilter(window, asOf, since, undated);
  const kept = documents.filter((d) => inWindow(d, filter));
  const count = isDateWindow(filter)
    ? documents.filter((d) => d.published === undefined).length
    : 0;
  return { documents: kept, description: describeUndated(description, count, undated) };
}

/** "… (3 undated articles left out)" or "… (3 undated articles included)". */
export function describeUndated(description: string, undated: number, rule: UndatedRule): string {
  if (undated === 0) return description;
  const noun = undated === 1 ? 'undated article' : 'undated articles';
  return `${description} (${undated} ${noun} ${rule === 'include' ? 'included' : 'left out'})`;
}

function inWindow(doc: CorpusDocument, filter: DocumentFilter): boolean {
  const value = filter.field === 'published' ? doc.published : doc.firstSeen;
  if (value === undefined) return filter.field === 'first_seen' || filter.includeUndated;
  return (
    (filter.from === undefined || value >= filter.from) &&
    (filter.to === undefined || value <= filter.to)
  );
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** "First seen after `since`": the store's bounds are inclusive, so start one millisecond later. */
function nextMillisecond(since: string): string {
  const time = Date.parse(since);
  return Number.isNaN(time) ? since : new Date(time + 1).toISOString();
}
