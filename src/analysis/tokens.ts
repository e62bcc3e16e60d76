import { segmentWords } from './language/segmentWords.js';
import { termWordForms, termWordKeys, wordForm, wordKey } from './language/wordKey.js';

/** A word of a passage: lower-cased, its match key, its original spelling and offsets. */
export interface Token {
  norm: string;
  /**
   * The word's match key in the passage's language (see language/wordKey.ts): "explorations"
   * and "exploration" both give "explor", "России" and "Россия" both "росс".
   */
  key: string;
  /** The word spelt like a key but not stemmed: what a prefix term ("explor*") begins. */
  form: string;
  raw: string;
  start: number;
  end: number;
}

/**
 * Split a passage into word tokens once, so that every theme term is matched against the same
 * tokens. `language` is the passage's (ISO 639-1; 'und' when unknown): it decides how words
 * in its script are stemmed.
 */
export function tokenize(text: string, language = 'en'): Token[] {
  return segmentWords(text, language).map(({ word, start, end }) => {
    const norm = word.toLowerCase();
    return {
      norm,
      key: wordKey(norm, language),
      form: wordForm(norm, language),
      raw: word,
      start,
      end,
    };
  });
}

/**
 * What the full-text index holds for a text: its words' match keys, and their forms (for
 * prefix terms), each a space-separated list. The one function through which documents reach
 * the index; theme terms and scope names are keyed word by word by the same rules
 * (`termShape`), so the in-memory matcher (`findTerm`) and a full-text query always agree.
 */
export function matchTokens(text: string, language = 'en'): { keys: string; forms: string } {
  const keys: string[] = [];
  const forms: string[] = [];
  for (const { word } of segmentWords(text, language)) {
    const lower = word.toLowerCase();
    keys.push(wordKey(lower, language));
    forms.push(wordForm(lower, language));
  }
  return { keys: keys.join(' '), forms: forms.join(' ') };
}

/**
 * One spelling of a term: match keys, compared with the words' keys; or, for a prefix term,
 * forms, compared with the words' forms, the last one needing only to begin a word's form.
 */
export interface KeySequence {
  keys: string[];
  prefix: boolean;
}

/** A term ready to match: "rare earth*" → words ["rare", "earth"], and every spelling of it. */
export interface TermShape {
  words: string[];
  alternatives: KeySequence[];
}

/** Phrases of many words in many languages could multiply out; no real term comes near this. */
const MAX_ALTERNATIVES = 64;

/**
 * A term's shape. `languages` are the languages the term is written for; without them, the
 * main language of each word's script (see language/wordKey.ts, termWordKeys).
 */
export function termShape(term: string, languages?: readonly string[]): TermShape {
  const prefix = term.endsWith('*');
  const body = prefix ? term.slice(0, -1) : term;
  const words = segmentWords(body, languages?.[0] ?? 'und').map((w) => w.word);
  if (words.length === 0) return { words: [], alternatives: [] };
  const spellings = words.map((word) =>
    prefix ? termWordForms(word, languages) : termWordKeys(word, languages),
  );
  let alternatives: string[][] = [[]];
  for (const keys of spellings) {
    alternatives = alternatives
      .flatMap((sequence) => keys.map((key) => [...sequence, key]))
      .slice(0, MAX_ALTERNATIVES);
  }
  return {
    words: words.map((w) => w.toLowerCase()),
    alternatives: alternatives.map((keys) => ({ keys, prefix })),
  };
}

/** Start indexes (into `tokens`) of every occurrence of the term, in any of its spellings. */
export function findTerm(tokens: readonly Token[], shape: TermShape): number[] {
  const found: number[] = [];
  const n = shape.words.length;
  if (n === 0) return found;
  for (let i = 0; i + n <= tokens.length; i++) {
    for (const { keys, prefix } of shape.alternatives) {
      let ok = true;
      for (let w = 0; w < n && ok; w++) {
        const token = tokens[i + w];
        const wanted = keys[w] ?? '';
        if (!token) ok = false;
        else if (!prefix) ok = token.key === wanted;
        else ok = w === n - 1 ? token.form.startsWith(wanted) : token.form === wanted;
      }
      if (ok) {
        found.push(i);
        break;
      }
    }
  }
  return found;
}

/**
 * One spelling as an FTS5 phrase: keys in the key columns, a prefix term's forms in the form
 * columns, starred. Keys and forms hold only letters, marks and digits: quoting needs no escapes.
 */
export function ftsPhrase({ keys, prefix }: KeySequence): string {
  return prefix
    ? `{title_forms body_forms} : "${keys.join(' ')}"*`
    : `{title body} : "${keys.join(' ')}"`;
}
