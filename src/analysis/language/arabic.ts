/**
 * Arabic attaches conjunctions, prepositions and the article to the word (والديون "and the
 * debts", لروسيا "for Russia") and pronouns and plural endings after it. The Snowball Arabic
 * stemmer in @orama/stemmers keeps the article on some words (الديون → الد) and the
 * preposition on others (لروسيا → لروسي), so the key is made here with the light stemmer of
 * search engines ("Light10", Larkey, Ballesteros and Connell, 2007): normalise the spelling,
 * take off the clitics in their fixed order (conjunction, preposition, article), then one
 * run of suffixes.
 */

const MARKS = /[\u064b-\u065f\u0670\u0640]/g; // short vowels, shadda, sukun, tatweel
const MIN_STEM = 2;

export function normaliseArabic(word: string): string {
  return word
    .replace(MARKS, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627') // آ أ إ ٱ → ا
    .replace(/\u0649$/, '\u064a') // final ى → ي
    .replace(/\u0629$/, '\u0647'); // final ة → ه
}

const CONJUNCTIONS = ['و', 'ف'];
const PREPOSITIONS = ['ب', 'ك', 'ل'];
const ARTICLE = 'ال';
/** Light10's suffixes, each taken off once, in this order (final ة is already ه). */
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];

/** The word normalised, without the conjunction, preposition and article written onto it. */
export function stripArabicClitics(word: string): string {
  let stem = normaliseArabic(word);
  const strip = (prefix: string) => {
    if (stem.startsWith(prefix) && stem.length - prefix.length >= 3) {
      stem = stem.slice(prefix.length);
      return true;
    }
    return false;
  };
  CONJUNCTIONS.some(strip);
  // "لل" is ل + ال with the alef dropped ("للطاقة" = for the energy).
  if (!strip('لل')) {
    PREPOSITIONS.some(strip);
    strip(ARTICLE);
  }
  return stem;
}

/** The word's key; without `clitics`, only its suffixes come off (for a term's second key). */
export function stemArabic(word: string, options = { clitics: true }): string {
  let stem = options.clitics ? stripArabicClitics(word) : normaliseArabic(word);
  for (const suffix of SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= MIN_STEM)
      stem = stem.slice(0, -suffix.length);
  }
  return stem;
}
