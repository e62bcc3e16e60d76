import type { CorpusDocument } from '../corpus/index.js';
import type { WindowSpec } from './briefFile.js';

export interface WindowResult {
  documents: CorpusDocument[];
  /** "all documents", "7 days to 2026-11-22 (5 undated documents included)" */
  description: string;
}

const DAY_MS = 86_400_000;

/**
 * Keep the documents inside the brief's time window. Documents whose date is unknown are
 * kept (a scraped page rarely carries one) and the description says how many.
 */
export function applyWindow(
  documents: readonly CorpusDocument[],
  window: WindowSpec,
  asOf: string,
  since?: string,
): WindowResult {
  if (window === 'all') return { documents: [...documents], description: 'all documents' };
  if (window === 'since-last-run') return sinceLastRun(documents, since);
  const [from, to] =
    typeof window === 'string'
      ? [shiftDays(asOf, -Number(/\d+/.exec(window)?.[0] ?? 0)), asOf]
      : [window.from, window.to];
  const kept = documents.filter(
    (d) => d.published === undefined || (d.published >= from && d.published <= to),
  );
  const undated = kept.filter((d) => d.published === undefined).length;
  const range = `${from} to ${to}`;
  return {
    documents: kept,
    description: undated > 0 ? `${range} (${undated} undated documents included)` : range,
  };
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Documents first seen after the previous successful run. A document with no first-seen time
 * (no ingestion cache recorded one) counts as new; without a previous run, everything is new.
 */
function sinceLastRun(
  documents: readonly CorpusDocument[],
  since: string | undefined,
): WindowResult {
  if (since === undefined) {
    return {
      documents: [...documents],
      description: 'since the last run (first run: all documents)',
    };
  }
  const kept = documents.filter((d) => d.firstSeen === undefined || d.firstSeen > since);
  return {
    documents: kept,
    description: `documents first seen since ${since.slice(0, 16).replace('T', ' ')} UTC`,
  };
}
