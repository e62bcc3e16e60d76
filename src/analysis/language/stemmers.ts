import { createRequire } from 'node:module';
import { stemmer as porter } from 'stemmer';
import { stemArabic } from './arabic.js';
import { stripKoreanEnding } from './korean.js';

type Stem = (word: string) => string;

/**
 * Snowball stemmers from @orama/stemmers (the generated Snowball JavaScript, maintained with
 * the Orama search engine), by ISO 639-1 code. Malay shares Indonesian's affixes. English keeps
 * the Porter stemmer briefgen has always used, so English matching is unchanged.
 */
const SNOWBALL: Record<string, string> = {
  de: 'german',
  fr: 'french',
  es: 'spanish',
  pt: 'portuguese',
  it: 'italian',
  nl: 'dutch',
  fi: 'finnish',
  sv: 'swedish',
  da: 'danish',
  no: 'norwegian',
  hu: 'hungarian',
  ro: 'romanian',
  tr: 'turkish',
  lt: 'lithuanian',
  id: 'indonesian',
  ms: 'indonesian',
  ru: 'russian',
  uk: 'ukrainian',
  bg: 'bulgarian',
  el: 'greek',
};

const require = createRequire(import.meta.url);
const loaded = new Map<string, Stem>();

/** The stemmer of a language; the word unchanged where briefgen has none (Czech, Icelandic...). */
export function stemmerFor(language: string): Stem {
  let stem = loaded.get(language);
  if (!stem) {
    stem = load(language);
    loaded.set(language, stem);
  }
  return stem;
}

function load(language: string): Stem {
  if (language === 'en') return porter;
  if (language === 'ar') return stemArabic;
  if (language === 'ko') return stripKoreanEnding;
  const module = SNOWBALL[language];
  // Loaded on first use: a corpus in two languages pays for two stemmers, not twenty.
  if (module) return (require(`@orama/stemmers/${module}`) as { stemmer: Stem }).stemmer;
  return (word) => word;
}

/** Does briefgen stem (or strip the particles of) this language? */
export function hasStemmer(language: string): boolean {
  return language === 'en' || language === 'ar' || language === 'ko' || language in SNOWBALL;
}
