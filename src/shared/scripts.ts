/** The writing systems briefgen tells apart when it tokenises and stems a word. */
export type Script =
  | 'latin'
  | 'cyrillic'
  | 'greek'
  | 'arabic'
  | 'hebrew'
  | 'hangul'
  | 'han'
  | 'kana'
  | 'thai'
  | 'other';

/**
 * The script of one character, by code point range: a lookup per word on the hot path of
 * tokenising, so plain comparisons rather than a Unicode property regex.
 */
export function scriptOf(code: number): Script {
  if (code < 0x250) return 'latin';
  if (code >= 0x400 && code < 0x530) return 'cyrillic';
  if (code >= 0x370 && code < 0x400) return 'greek';
  if (code >= 0xac00 && code < 0xd7b0) return 'hangul';
  if (code >= 0x4e00 && code < 0xa000) return 'han';
  if (code >= 0x3040 && code < 0x3100) return 'kana';
  if (
    (code >= 0x600 && code < 0x700) ||
    (code >= 0x750 && code < 0x780) ||
    (code >= 0x8a0 && code < 0x900) ||
    (code >= 0xfb50 && code < 0xfe00) ||
    (code >= 0xfe70 && code < 0xff00)
  )
    return 'arabic';
  if (code >= 0x590 && code < 0x600) return 'hebrew';
  if (code >= 0xe00 && code < 0xe80) return 'thai';
  if ((code >= 0x1100 && code < 0x1200) || (code >= 0x3130 && code < 0x3190)) return 'hangul';
  if ((code >= 0x3400 && code < 0x4dc0) || (code >= 0xf900 && code < 0xfb00)) return 'han';
  if (code >= 0x31f0 && code < 0x3200) return 'kana';
  if (code >= 0x1e00 && code < 0x1f00) return 'latin'; // Latin Extended Additional (Vietnamese)
  if (code >= 0xff21 && code < 0xff5b) return 'latin'; // full-width Latin in CJK text
  return 'other';
}

/** The script a word is written in: that of its first letter (digits count as Latin). */
export function scriptOfWord(word: string): Script {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) continue;
    return scriptOf(word.codePointAt(i) ?? code);
  }
  return 'latin';
}

/** Languages briefgen detects and matches, with the script each is written in. */
const LANGUAGE_SCRIPTS: Record<string, Script> = {
  en: 'latin',
  de: 'latin',
  fr: 'latin',
  es: 'latin',
  pt: 'latin',
  it: 'latin',
  nl: 'latin',
  fi: 'latin',
  sv: 'latin',
  da: 'latin',
  no: 'latin',
  is: 'latin',
  cs: 'latin',
  sk: 'latin',
  pl: 'latin',
  ro: 'latin',
  hu: 'latin',
  tr: 'latin',
  id: 'latin',
  ms: 'latin',
  vi: 'latin',
  et: 'latin',
  lv: 'latin',
  lt: 'latin',
  hr: 'latin',
  sl: 'latin',
  ru: 'cyrillic',
  uk: 'cyrillic',
  bg: 'cyrillic',
  be: 'cyrillic',
  sr: 'cyrillic',
  el: 'greek',
  ar: 'arabic',
  fa: 'arabic',
  ur: 'arabic',
  he: 'hebrew',
  ko: 'hangul',
  ja: 'kana',
  zh: 'han',
  th: 'thai',
};

export function scriptOfLanguage(language: string): Script | undefined {
  return LANGUAGE_SCRIPTS[language];
}

/**
 * The language whose rules a word is matched by: the text's language when the word is in its
 * script, else the main language of the word's script (Latin words in a Russian article are
 * stemmed as English, Cyrillic words in an English one as Russian).
 */
export function languageForWord(script: Script, language: string): string {
  const own = LANGUAGE_SCRIPTS[language];
  if (own === script || (script === 'han' && own === 'kana')) return language;
  return DEFAULT_LANGUAGE[script] ?? 'und';
}

const DEFAULT_LANGUAGE: Partial<Record<Script, string>> = {
  latin: 'en',
  cyrillic: 'ru',
  greek: 'el',
  arabic: 'ar',
  hebrew: 'he',
  hangul: 'ko',
  han: 'zh',
  kana: 'ja',
  thai: 'th',
};
