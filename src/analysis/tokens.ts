import { segmentWords } from './language/segmentWords.js';
import {
  termWordForms,
  termWordKeys,
  termWordLanguages,
  wordForm,
  wordKey,
  wordLanguage,
} from './language/wordKey.js';

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
  /** The language by whose rules `key` was made (Latin words in a Russian text: English). */
  language: string;
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
      language: wordLanguage(norm, language),
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
 * One spelling of a term, matched only in words of one of `languages` when they are given (a
 * term written for French does not match an English word that happens to share its stem:
 * "accord" is the Porter key of "according"). `key`: the words' match keys; `form`: the words
 * exactly as written (an English term's also in other languages: names and loanwords, "LNG");
 * `prefix`: forms, the last one beginning a word's form.
 */
export interface KeySequence {
  keys: string[];
  match: 'key' | 'form' | 'prefix';
  /** The languages of the words it may match; absent: any. */
  languages?: ReadonlySet<string>;
}

/** A term ready to match: "rare earth*" → words ["rare", "earth"], and every spelling of it. */
export interface TermShape {
  words: string[];
  alternatives: KeySequence[];
}

/** Phrases of many words in many languages could multiply out; no real term comes near this. */
const MAX_ALTERNATIVES = 64;

/**
 * A term's shape. `languages` are the languages the term is written for; without them, it is
 * keyed by the main language of each word's script and matches words of any language.
 */
export function termShape(term: string, languages?: readonly string[]): TermShape {
  const prefix = term.endsWith('*');
  const body = prefix ? term.slice(0, -1) : term;
  const words = segmentWords(body, languages?.[0] ?? 'und').map((w) => w.word);
  if (words.length === 0) return { words: [], alternatives: [] };
  const only = languages?.length
    ? { languages: new Set(words.flatMap((w) => termWordLanguages(w, languages))) }
    : {};
  // English terms are names and loanwords in other languages too ("LNG", "Gazprom"); a term
  // written for French is not looked for in English ("mais" is not "maïs").
  const asWritten = languages?.includes('en') ? {} : only;
  const forms = product(words.map((word) => termWordForms(word, languages)));
  const alternatives: KeySequence[] = prefix
    ? forms.map((keys) => ({ keys, match: 'prefix', ...only }))
    : [
        ...product(words.map((word) => termWordKeys(word, languages))).map((keys): KeySequence => ({
          keys,
          match: 'key',
          ...only,
        })),
        ...forms.map((keys): KeySequence => ({ keys, match: 'form', ...asWritten })),
      ];
  return { words: words.map((w) => w.toLowerCase()), alternatives };
}

/** Every sequence taking one spelling per position (at most MAX_ALTERNATIVES). */
function product(positions: readonly string[][]): string[][] {
  let sequences: string[][] = [[]];
  for (const spellings of positions) {
    sequences = sequences
      .flatMap((sequence) => spellings.map((spelling) => [...sequence, spelling]))
      .slice(0, MAX_ALTERNATIVES);
  }
  return sequences;
}

/**
 * Start indexes (into `tokens`) of every occurrence of the term, in any of its spellings.
 * `anyLanguage` ignores the languages a spelling is for, as the full-text index does.
 */
export function findTerm(
  tokens: readonly Token[],
  shape: TermShape,
  options: { anyLanguage?: boolean } = {},
): number[] {
  const found: number[] = [];
  const n = shape.words.length;
  if (n === 0) return found;
  for (let i = 0; i + n <= tokens.length; i++) {
    if (shape.alternatives.some((sequence) => spells(tokens, i, sequence, options.anyLanguage)))
      found.push(i);
  }
  return found;
}

function spells(
  tokens: readonly Token[],
  at: number,
  { keys, match, languages }: KeySequence,
  anyLanguage = false,
): boolean {
  for (let w = 0; w < keys.length; w++) {
    const token = tokens[at + w];
    const wanted = keys[w] ?? '';
    if (!token) return false;
    if (languages && !anyLanguage && !languages.has(token.language)) return false;
    if (match === 'key' ? token.key !== wanted : match === 'form' ? token.form !== wanted : false)
      return false;
    if (match === 'prefix') {
      const last = w === keys.length - 1;
      if (last ? !token.form.startsWith(wanted) : token.form !== wanted) return false;
    }
  }
  return true;
}

/**
 * One spelling as an FTS5 phrase: keys in the key columns, forms in the form columns (a
 * prefix starred). The index knows no languages: it finds what `findTerm` finds with
 * `anyLanguage`, a superset of what briefs score. Keys and forms hold only letters, marks and digits: quoting needs no escapes.
 */
export function ftsPhrase({ keys, match }: KeySequence): string {
  const phrase = `"${keys.join(' ')}"`;
  if (match === 'key') return `{title body} : ${phrase}`;
  return `{title_forms body_forms} : ${phrase}${match === 'prefix' ? '*' : ''}`;
}
