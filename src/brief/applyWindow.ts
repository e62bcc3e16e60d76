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
): WindowResult {
  if (window === 'all' || window === 'since-last-run') {
    return {
      documents: [...documents],
      description: window === 'all' ? 'all documents' : 'since the last run',
    };
  }
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
