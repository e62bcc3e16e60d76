import { ftsPhrase } from '../analysis/tokens.js';

/**
 * Full-text queries as data, so that each store compiles them for its own index: FTS5 match
 * expressions for SQLite (toFts5), tsquery for PostgreSQL (src/store/postgres/tsearch.ts).
 */

/**
 * Words in a row, as match keys or forms (src/analysis/tokens.ts matchTokens): `key` matches
 * words' keys, `form` their forms, `prefix` forms with the last one beginning a word's form.
 * (The shape of a term's KeySequence; the index knows no languages.)
 */
export interface Phrase {
  readonly keys: readonly string[];
  readonly match: 'key' | 'form' | 'prefix';
}

/** Matches a document that holds any of the phrases (a theme's terms, a scope name's spellings). */
export type AnyPhrase = readonly Phrase[];

/** A brief's scope: a document must match every group of `require` and nothing of `exclude`. */
export interface ScopeFilter {
  require?: readonly AnyPhrase[] | undefined;
  exclude?: AnyPhrase | undefined;
}

export function hasScope(scope: ScopeFilter): boolean {
  return (scope.require?.length ?? 0) > 0 || (scope.exclude?.length ?? 0) > 0;
}

/** Any of the phrases as an FTS5 expression (see ftsPhrase); '' for none. */
export function toFts5(any: AnyPhrase): string {
  const parts = any.flatMap((phrase) =>
    phrase.keys.length === 0 ? [] : [ftsPhrase({ keys: [...phrase.keys], match: phrase.match })],
  );
  return [...new Set(parts)].join(' OR ');
}

/** The scope as two FTS5 expressions: FTS5 cannot start a query with NOT, so they stay apart. */
export function scopeToFts5(scope: ScopeFilter): { require?: string; exclude?: string } {
  const groups = (scope.require ?? []).map(toFts5).filter((g) => g !== '');
  const exclude = toFts5(scope.exclude ?? []);
  return {
    ...(groups.length > 0 ? { require: groups.map((g) => `(${g})`).join(' AND ') } : {}),
    ...(exclude !== '' ? { exclude } : {}),
  };
}
