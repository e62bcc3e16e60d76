import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { scriptOf, type Script } from '../shared/scripts.js';
import type { Span } from './types.js';

interface Eld {
  detect(text: string): { language: string; isReliable(): boolean };
}

const require = createRequire(import.meta.url);
let eld: Eld | undefined;

/**
 * The language detector: ELD (Efficient Language Detector, `eld` on npm), 60 languages, with
 * its small n-gram database. Measured on the real-page set (eval/real, 72 pages in en, de, fr,
 * es, ru, ko) it named every page and every paragraph of 25 characters or more right, as its
 * medium and large databases did; franc-min missed 5 of 379 paragraphs and tinyld 18, at 5 to
 * 10 times its cost. Its database takes ~0.3 s to load, so it is loaded on first use: commands
 * that do not ingest never pay for it. The package exports ES modules only, loaded here with
 * require (Node 20.19 and later) because analysis is synchronous.
 */
function detector(): Eld {
  if (!eld) {
    const entry = require.resolve
      .paths('eld')
      ?.map((dir) => join(dir, 'eld', 'src', 'entries', 'static.small.js'))
      .find((file) => existsSync(file));
    if (!entry) throw new Error('the language detector (package eld) is not installed');
    eld = (require(entry) as { eld: Eld }).eld;
  }
  return eld;
}

export interface DetectedLanguages {
  /** ISO 639-1 code of the language most of the text is in; 'und' with no letters. */
  language: string;
  /** Per paragraph: its language where it differs from the document's, else undefined. */
  paragraphs: (string | undefined)[];
}

/** Paragraphs shorter than this many letters take the document's language (or their script's). */
const MIN_LETTERS = 20;
/** A paragraph in the document's script is marked as another language only from this length. */
const MIN_LETTERS_TO_DIFFER = 40;
/** The detector reads this much of a paragraph: its cost grows with length, its accuracy does not. */
const SAMPLE = 400;

/**
 * The language of a document and of each of its paragraphs. The detector first reads the
 * opening of the text; a paragraph that reads like that language (enough of its function
 * words) takes it, any other paragraph long enough to judge is detected on its own, and the
 * document's language is then the one with the most letters: a long English report quoting a
 * German paragraph is English, with that paragraph marked German. The detector runs once per
 * document and again only for paragraphs that may differ, which keeps ingest fast.
 */
export function detectLanguages(text: string, paragraphs: readonly Span[]): DetectedLanguages {
  const profiles = paragraphs.map((p) => scriptProfile(text, p.start, p.end));
  const opening = detect(text.slice(0, OPENING), scriptProfile(text, 0, text.length));
  const guesses = paragraphs.map((span, i) => {
    const profile = profiles[i];
    if (!profile || profile.letters < MIN_LETTERS) return undefined;
    const sample = text.slice(span.start, Math.min(span.end, span.start + SAMPLE));
    if (readsAs(sample, opening.language))
      return { language: opening.language, reliable: true, letters: profile.letters };
    return { ...detect(sample, profile), letters: profile.letters };
  });
  const letters = new Map<string, number>();
  for (const guess of guesses) {
    if (!guess) continue;
    const weight = guess.reliable ? guess.letters : guess.letters / 2;
    letters.set(guess.language, (letters.get(guess.language) ?? 0) + weight);
  }
  let language =
    [...letters].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ??
    opening.language;
  if (language === 'ms') {
    language = malayOrIndonesian(text);
    for (const guess of guesses) if (guess?.language === 'ms') guess.language = language;
  }
  const documentScript = scriptOfLanguage(language);
  return {
    language,
    paragraphs: guesses.map((guess, i) => {
      const profile = profiles[i];
      const own = profile ? languageOfScript(profile) : 'und';
      // A paragraph in another script is in another language, however short.
      if (own !== 'und' && scriptOfLanguage(own) !== documentScript)
        return guess && scriptOfLanguage(guess.language) === scriptOfLanguage(own)
          ? guess.language
          : own;
      if (!guess || guess.language === language) return undefined;
      const differs = guess.reliable && guess.letters >= MIN_LETTERS_TO_DIFFER;
      return differs ? guess.language : undefined;
    }),
  };
}

/** What the detector reads to know a document's language (it reads no more than 1,000 characters). */
const OPENING = 1000;

function detect(sample: string, profile: ScriptProfile): { language: string; reliable: boolean } {
  if (profile.letters === 0) return { language: 'und', reliable: false };
  const result = detector().detect(sample);
  if (result.language === '') return { language: languageOfScript(profile), reliable: false };
  return { language: result.language, reliable: result.isReliable() };
}

/**
 * The commonest function words of the languages most articles are in, chosen so that no word
 * is common in another of them ("was" is English and German: it is in neither list). A
 * paragraph with enough of them needs no detector.
 */
const FUNCTION_WORDS: Record<string, ReadonlySet<string>> = Object.fromEntries(
  Object.entries({
    en: 'the of and to that for with were has have had by from this which its are be would not it',
    de: 'der das und ist nicht mit sich auf für von den dem des ein eine einer zu auch sind wurde werden hat nach bei oder wie aus',
    fr: 'le les des et est une du dans pour qui sur aux pas par avec ont été sont cette il elle ne',
    es: 'el los las y es una del en que por con para se al como su sus fue ha han pero más',
    pt: 'o os e é uma um do da dos das em no na que com para ao foi não mais pelo pela',
    it: 'il lo gli è una di della del che per con non sono nel alla ha anche',
    nl: 'de het een en van is dat op te voor met niet zijn werd ook door aan bij',
    ru: 'и в не на что с по как это он она из за к от для был была были также его но',
  }).map(([language, words]) => [language, new Set(words.split(' '))]),
);
const MIN_WORDS_TO_READ = 6;
const FUNCTION_SHARE = 0.15;

function readsAs(sample: string, language: string): boolean {
  const known = FUNCTION_WORDS[language];
  if (!known) return false;
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS_TO_READ) return false;
  let hits = 0;
  for (const word of words) if (known.has(word)) hits++;
  return hits >= words.length * FUNCTION_SHARE;
}

/** How many letters a text has, and of which script most of them are. */
interface ScriptProfile {
  letters: number;
  counts: Map<Script, number>;
}

/** One pass over the characters (a Unicode property regex per script costs several passes). */
function scriptProfile(text: string, start: number, end: number): ScriptProfile {
  const counts = new Map<Script, number>();
  let letters = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    let script: Script;
    if (code < 0x80) {
      if (!((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a))) continue;
      script = 'latin';
    } else if (code < 0xc0 || code === 0xd7 || code === 0xf7) continue;
    else script = scriptOf(code);
    if (script === 'other') continue;
    letters++;
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  return { letters, counts };
}

/** The language a script alone tells (Latin: English), for text the detector cannot judge. */
function languageOfScript({ letters, counts }: ScriptProfile): string {
  if (letters === 0) return 'und';
  if ((counts.get('kana') ?? 0) > letters * 0.1) return 'ja';
  const [script] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['latin'];
  return DEFAULT_LANGUAGE[script] ?? 'en';
}

const DEFAULT_LANGUAGE: Partial<Record<Script, string>> = {
  cyrillic: 'ru',
  hangul: 'ko',
  han: 'zh',
  kana: 'ja',
  arabic: 'ar',
  greek: 'el',
  hebrew: 'he',
  thai: 'th',
};

const SCRIPTS: Record<string, string> = {
  ru: 'cyrillic',
  uk: 'cyrillic',
  bg: 'cyrillic',
  be: 'cyrillic',
  sr: 'cyrillic',
  mk: 'cyrillic',
  ko: 'hangul',
  ja: 'cjk',
  zh: 'cjk',
  ar: 'arabic',
  fa: 'arabic',
  ur: 'arabic',
  el: 'greek',
  he: 'hebrew',
  th: 'thai',
  und: 'none',
};

/** The script of a language, coarsely: Chinese and Japanese share one. */
function scriptOfLanguage(language: string): string {
  return SCRIPTS[language] ?? 'latin';
}

/**
 * ELD knows Malay but not Indonesian, two standard forms of one language. Their spelling tells
 * them apart: Indonesian "bahwa, karena, pemerintah, saja, bisa", Malay "bahawa, kerana,
 * kerajaan, sahaja, boleh". Indonesian unless the Malay spellings outnumber them.
 */
function malayOrIndonesian(text: string): string {
  const count = (words: RegExp) => text.match(words)?.length ?? 0;
  const indonesian = count(/\b(?:bahwa|karena|pemerintah|saja|bisa|uang|kantor)\b/giu);
  const malay = count(/\b(?:bahawa|kerana|kerajaan|sahaja|boleh|wang|pejabat)\b/giu);
  return malay > indonesian ? 'ms' : 'id';
}
