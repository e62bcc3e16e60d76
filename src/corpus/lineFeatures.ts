/**
 * Shape features of one line of a scraped page. Cleaning decides from these and from a line's
 * context, never from site-specific strings.
 */
export interface LineFeatures {
  text: string;
  words: number;
  /** Ends like a sentence: . ! ? optionally followed by closing quotes or brackets. */
  endsSentence: boolean;
  /** Share of words longer than three letters that start with a capital. */
  titleCaseRatio: number;
  bullet: boolean;
  separator: boolean;
  contact: boolean;
  credit: boolean;
  callToAction: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
const ENDS_SENTENCE = /[.!?…]["”’'»)\]]*$/u;
const BULLET = /^\s*(?:[•·▪●◦*–-]\s+|\d{1,2}\s*$)/u;
const CONTACT = /[\w.+-]+@[\w-]+\.[\w.]+|^\s*(?:tel|phone|fax)[.:]/iu;
/** "Name / Agency", "AGENCY/PHOTOGRAPHER/POOL", or an explicit credit word closing a line. */
const CREDIT =
  /^[^.!?]{0,60}\s\/\s[^.!?]{0,40}$|\p{Lu}{2,}\/\p{Lu}{2,}|\b(?:credit|photo|image|picture|illustration)s?\s*(?:by|:)?\s*[^.!?]{0,40}$/iu;
const CALL_TO_ACTION = /\b(?:read more|continue reading|learn more|click here|find out more|subscribe now|sign up now)\W*$/iu;

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

export function lineFeatures(text: string): LineFeatures {
  const trimmed = text.trim();
  const tokens = words(trimmed);
  const long = tokens.filter((w) => w.length > 3);
  const capitalised = long.filter((w) => /^\p{Lu}/u.test(w));
  return {
    text: trimmed,
    words: tokens.length,
    endsSentence: ENDS_SENTENCE.test(trimmed),
    titleCaseRatio: long.length === 0 ? 0 : capitalised.length / long.length,
    bullet: BULLET.test(text),
    separator: trimmed.length > 0 && tokens.length === 0,
    contact: CONTACT.test(trimmed),
    credit: tokens.length <= 60 && CREDIT.test(trimmed),
    callToAction: CALL_TO_ACTION.test(trimmed),
  };
}

/** A line that reads as article prose rather than page furniture. */
export function isBodyLike(features: LineFeatures): boolean {
  return (features.words >= 12 && features.endsSentence) || features.words >= 25;
}

/** A short line in Title Case or without closing punctuation: a headline, section title or link. */
export function isHeadingLike(features: LineFeatures): boolean {
  return (
    features.words >= 2 &&
    features.words <= 20 &&
    (!features.endsSentence || features.titleCaseRatio >= 0.6)
  );
}

/** Lower-cased word tokens, for comparing lines regardless of punctuation. */
export function normaliseLine(text: string): string {
  return words(text.toLowerCase()).join(' ');
}
