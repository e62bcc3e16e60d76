import { normaliseArabic, stemArabic, stripArabicClitics } from './arabic.js';
import { languageForWord, scriptOfWord, type Script } from '../../shared/scripts.js';
import { stemmerFor } from './stemmers.js';

/**
 * A word's match key (the word given in lower case): what the full-text index holds for it and
 * what a theme or scope term is compared with. Lower-cased, stemmed by the rules of the word's language (or stripped of its
 * particles and clitics), Latin and Greek accents folded. "Workers" → "worker", "России" →
 * "росс", "다리가" → "다리", "والديون" → "دي", "pétrole" → "petrol". Keys hold letters, marks
 * and digits only, so any word tokeniser (SQLite's unicode61, PostgreSQL's simple
 * configuration) reads a space-separated list of them back unchanged.
 */
export function wordKey(lower: string, language: string): string {
  if (ASCII_WORD.test(lower))
    return memoised(keys, lower, language === 'en' ? 'en' : languageForWord('latin', language));
  const normal = lower.normalize('NFKC');
  const script = scriptOfWord(normal);
  return memoised(keys, normal, languageForWord(script, language), script);
}

/**
 * A word's form (the word given in lower case): what a prefix term ("explor*", "рубл*") is compared with. Spelt like a key
 * (lower case, accents folded, apostrophes out, Arabic clitics off) but not stemmed, so a
 * prefix matches the words that begin with it and no others: the stem of "meetings" is "meet",
 * which "meeting*" must not find in "meets".
 */
export function wordForm(lower: string, language: string): string {
  if (ASCII_WORD.test(lower)) return lower;
  const normal = lower.normalize('NFKC');
  const script = scriptOfWord(normal);
  return memoised(forms, normal, languageForWord(script, language), script);
}

/**
 * Every key a term's word may take in an article: its key in each language the term is written
 * for (a term written without one: the main language of its script, English for Latin
 * letters). For Korean and Arabic also the word with no particle or clitic taken off: 국가
 * "state" ends like a particle, so bare it is keyed 국, and with a particle (국가가) 국가.
 */
export function termWordKeys(word: string, languages: readonly string[] | undefined): string[] {
  const lower = word.toLowerCase().normalize('NFKC');
  const script = scriptOfWord(lower);
  const found = new Set<string>();
  for (const language of termLanguages(script, languages)) {
    found.add(memoised(keys, lower, language, script));
    if (language === 'ko') found.add(lower);
    if (language === 'ar') found.add(stemArabic(lower, { clitics: false }));
  }
  return [...found];
}

/** The languages whose words a term's word is matched in, by their keys (see `wordLanguage`). */
export function termWordLanguages(word: string, languages: readonly string[]): string[] {
  return termLanguages(scriptOfWord(word.toLowerCase().normalize('NFKC')), languages);
}

/** The language by whose rules a word of a text in `language` is keyed. */
export function wordLanguage(lower: string, language: string): string {
  if (ASCII_WORD.test(lower)) return language === 'en' ? 'en' : languageForWord('latin', language);
  return languageForWord(scriptOfWord(lower.normalize('NFKC')), language);
}

/** The forms a term's word may take (the words of a prefix term), one per language. */
export function termWordForms(word: string, languages: readonly string[] | undefined): string[] {
  const lower = word.toLowerCase().normalize('NFKC');
  const script = scriptOfWord(lower);
  return [
    ...new Set(termLanguages(script, languages).map((l) => memoised(forms, lower, l, script))),
  ];
}

/** The languages a term's word is keyed in, each adjusted to the word's script. */
function termLanguages(script: Script, languages: readonly string[] | undefined): string[] {
  const written = languages?.length ? languages : ['und'];
  return [...new Set(written.map((language) => languageForWord(script, language)))];
}

const ASCII_WORD = /^[a-z0-9]+$/;
const MEMO_LIMIT = 200_000;

type Make = (word: string, language: string, script: Script) => string;

/** Stemming is the hot path of ingesting and scoring: one memo per language. */
interface Memo {
  make: Make;
  byLanguage: Map<string, Map<string, string>>;
}

const keys: Memo = { make: makeKey, byLanguage: new Map() };
const forms: Memo = { make: makeForm, byLanguage: new Map() };

function memoised(memo: Memo, word: string, language: string, script: Script = 'latin'): string {
  let known = memo.byLanguage.get(language);
  if (!known) {
    known = new Map();
    memo.byLanguage.set(language, known);
  }
  let value = known.get(word);
  if (value === undefined) {
    value = memo.make(word, language, script);
    if (known.size < MEMO_LIMIT) known.set(word, value);
  }
  return value;
}

function makeKey(word: string, language: string, script: Script): string {
  if (/^\p{N}+$/u.test(word)) return word;
  const spelt = spell(elide(word, language), script);
  if (spelt === '') return word;
  return fold(stemmerFor(language)(spelt), script);
}

function makeForm(word: string, language: string, script: Script): string {
  if (language === 'ar') return stripArabicClitics(word);
  const spelt = spell(elide(word, language), script);
  return spelt === '' ? word : fold(spelt, script);
}

/** French and Italian elide articles onto the word: "l’énergie" is "énergie". */
function elide(word: string, language: string): string {
  if (language !== 'fr' && language !== 'it' && language !== 'ca') return word;
  return word.replace(/^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|dell|all|dall|nell|sull)['’]/u, '');
}

/** One spelling per letter: possessive and other apostrophes out, ё as е, Arabic letter forms. */
function spell(word: string, script: Script): string {
  if (script === 'latin') return word.replace(/['’]s$/u, '').replace(/['’]/gu, '');
  if (script === 'cyrillic') return word.replace(/ё/gu, 'е');
  if (script === 'arabic') return normaliseArabic(word);
  return word;
}

/** Accents off Latin and Greek keys ("pétrol" → "petrol"), as the index did before. */
function fold(key: string, script: Script): string {
  if ((script !== 'latin' && script !== 'greek') || !/[\u0080-\uffff]/.test(key)) return key;
  return key.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}
