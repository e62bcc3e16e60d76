import type { AnyPhrase, Phrase, ScopeFilter } from '../textQuery.js';

/**
 * Full-text search in PostgreSQL over the match keys and forms briefgen computes
 * (src/analysis/tokens.ts matchTokens, the same text SQLite's FTS5 index holds), not over the
 * server's parser: a document's tsvectors and a query's tsqueries are written as literals, so
 * matching does not depend on the server's text search configuration or locale, and the
 * documents found are those SQLite finds. Keys and forms are two tsvectors (`search`,
 * `search_forms`), as they are two pairs of columns in FTS5.
 */

/** PostgreSQL keeps positions up to this; later words are indexed at it (found, but not as phrases). */
const MAX_POSITION = 16_383;
/** And at most this many positions per word in one document. */
const MAX_POSITIONS = 256;
/** A tsvector may hold at most 1 MB: a huge document's rarest words beyond this are not indexed. */
const MAX_LITERAL = 900_000;

/** An index entry from space-separated keys (or forms): the title's (weight A), then the body's (B). */
export function tsvectorLiteral(title: string, body: string): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  let size = 0;
  const add = (text: string, weight: 'A' | 'B') => {
    for (const word of text.split(' ')) {
      if (word === '') continue;
      position = Math.min(position + 1, MAX_POSITION);
      let list = positions.get(word);
      if (!list) {
        if (size > MAX_LITERAL) continue;
        list = [];
        positions.set(word, list);
        size += word.length + 4;
      }
      if (list.length < MAX_POSITIONS) {
        const entry = `${position}${weight}`;
        if (list.at(-1) !== entry) list.push(entry);
        size += entry.length + 1;
      }
    }
  };
  add(title, 'A');
  position++; // a phrase never runs from the title into the body
  add(body, 'B');
  return [...positions].map(([word, at]) => `${quote(word)}:${at.join(',')}`).join(' ');
}

/**
 * The phrases of one kind as a tsquery literal ('' when there are none): `keys` (phrases
 * matched by key, against `search`) or `forms` (by form or prefix, against `search_forms`).
 */
export function tsqueryLiteral(any: AnyPhrase, kind: 'keys' | 'forms'): string {
  const parts = any
    .filter((p) => (kind === 'keys') === (p.match === 'key'))
    .map(phraseQuery)
    .filter((p) => p !== '');
  return [...new Set(parts)].join(' | ');
}

/** The scope as two tsqueries over keys: `require` must match, `exclude` must not ('' for none). */
export function scopeQueries(scope: ScopeFilter): { require: string; exclude: string } {
  const groups = (scope.require ?? [])
    .map((g) => tsqueryLiteral(g, 'keys'))
    .filter((g) => g !== '');
  return {
    require: groups.map((g) => `( ${g} )`).join(' & '),
    exclude: tsqueryLiteral(scope.exclude ?? [], 'keys'),
  };
}

function phraseQuery({ keys, match }: Phrase): string {
  const words = keys.filter((k) => k !== '');
  if (words.length === 0) return '';
  const parts = words.map((w, i) =>
    match === 'prefix' && i === words.length - 1 ? `${quote(w)}:*` : quote(w),
  );
  return parts.length === 1 ? (parts[0] ?? '') : `( ${parts.join(' <-> ')} )`;
}

function quote(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
