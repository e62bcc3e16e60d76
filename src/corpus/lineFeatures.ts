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
  /** Words of web-page furniture (cookies, newsletter, share, comments, copyright) in a short line. */
  furniture: boolean;
  /** "Home | News | Sport": several segments separated by pipes. */
  menu: boolean;
  /** Page furniture by its shape, with the reason a line of that shape is not article text. */
  shape?: FurnitureShape;
}

/** Shapes of furniture that real pages carry inside or around the article. */
export type FurnitureShape =
  | 'garbage'
  | 'read-time'
  | 'notice'
  | 'appeal'
  | 'related-link'
  | 'caption'
  | 'byline'
  | 'credit';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
const ENDS_SENTENCE = /[.!?…]["”’'»)\]]*$/u;
const BULLET = /^\s*(?:[•·▪●◦*–-]\s+|\d{1,2}\s*$)/u;
/*
 * Every per-line pattern must run in time linear in the line: a scraped page can hold a
 * 200,000-character line or word. A run that a pattern scans ([\w.+-]+, \p{Lu}{2,}) is entered
 * only at its first character (a lookbehind), and no two adjacent parts can match the same
 * characters (\s*(?:by|:)?\s* could split one run of spaces in quadratically many ways).
 */
const CONTACT = /(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+|^\s*(?:tel|phone|fax)[.:]/iu;
/** "Name / Agency", "AGENCY/PHOTOGRAPHER/POOL", "Photo Agency/Pool", or a credit word closing a line. */
const CREDIT = [
  /^[^.!?]{0,60}\s\/\s[^.!?]{0,40}$/u,
  // "Photo Agency/Pool", "AFP/Getty": capitalised words. Case-sensitive: under the i flag
  // \p{Lu} also matches lower case, and "and/or" is no credit.
  /(?<!\p{L})\p{Lu}\p{L}+\/\p{Lu}\p{L}/u,
  /\b(?:credit|photo|image|picture|illustration)s?(?:\s*(?:by|:))?\s*(?=\S|$)[^.!?]{0,40}$/iu,
];
/** A credit is a short line; a longer one is a caption or prose that mentions a photo. */
const CREDIT_MAX_CHARS = 600;
/**
 * Vocabulary of page furniture common to news sites (the jusText idea of a boilerplate
 * lexicon): it marks a line only when the line is short, never a paragraph of prose.
 */
const FURNITURE =
  /\b(?:cookies?|newsletters?|subscribe|sign up|sign in|log in|all rights reserved|copyright|advertisement|sponsored|share (?:this|on|it)|comments?|related (?:stories|articles|posts)|read more|you might also like|most read|tags)\b|©|^\s*(?:share|print|email|menu|search)\s*$/iu;
const FURNITURE_MAX_WORDS = 20;
const FURNITURE_ANYWHERE_MAX_WORDS = 11;

/** A short line with a furniture word anywhere, or a longer one that opens with it ("Sign up for ..."). */
function isFurniture(line: string, tokens: string[]): boolean {
  if (tokens.length > FURNITURE_MAX_WORDS) return false;
  if (tokens.length <= FURNITURE_ANYWHERE_MAX_WORDS) return FURNITURE.test(line);
  return FURNITURE.test(tokens.slice(0, 4).join(' '));
}
const CALL_TO_ACTION = /\b(?:read more|continue reading|learn more|click here|find out more|subscribe now|sign up now)\W*$/iu;

/**
 * Shapes are judged only on lines up to this long: furniture is short, and a pattern run on a
 * 200,000-character line must not cost more than one pass.
 */
const SHAPE_MAX_CHARS = 600;
/** A hash ("cc6e47c1f7c0..."), a template slot ("{mosads}", "[ad_1]") or icon-font glyphs. */
const GARBAGE = /(?<![\p{L}\p{N}])[0-9a-f]{16,}(?![\p{L}\p{N}])|^\s*[{[][a-z]+(?:_\d+)?[}\]]|[\uE000-\uF8FF]/u;
/** "2 min read", "1 Min Read", "2 mins", "Reading time: 4 minutes". */
const READ_TIME = /\b\d{1,3}\s?(?:min|mins|minutes?)(?:\s(?:read|de lecture|Lesezeit))?\b|\breading time\b/iu;
/** "This audio is created with AI assistance"; "This article was machine-translated". */
const NOTICE =
  /\b(?:audio|voice|listen)\b.{0,60}\b(?:AI|artificial intelligence|automated|generated|synthesi[sz]ed)\b|\b(?:translated|translation)\b.{0,60}\b(?:automatic(?:ally)?|machine|AI|may contain errors|original)\b|\b(?:machine|automatically)[- ]translated\b/iu;
/** Paywall, subscription and donation appeals, in the languages of the corpus. */
const APPEAL =
  /\b(?:subscribe|subscription|donat(?:e|ion)|your inbox|premium (?:users|members|subscribers)|subscribers only|support (?:our|independent) journalism|become a (?:member|patron|subscriber)|réservée? aux abonnés|nur für abonnenten|exclusiv[oa] para suscriptores)\b/iu;
const APPEAL_MAX_WORDS = 30;
/** "Read also:", "Read alsoHot topics ...", "See also", "Lire aussi", and the same in other languages. */
const RELATED_LINK =
  /^\s*(?:read (?:also|more)|see also|related(?: articles?| stories| coverage)?:|more on this|lire aussi|à lire aussi|lesen sie auch|leer más|lea también|читайте\s+также)/iu;
/** "(left)", "(second from right)", "(R)": where people stand in a photo. */
const PHOTO_POSITION = /^\s*©|\((?:far |second from |third from )?(?:left|right|centre|center|top|bottom)\)|\((?:L|R|C)\)/u;
/** A credit closing a caption: "(Name/Pool/AFP via Getty Images)", "Photo: EPA / Name". */
const CAPTION_CREDIT =
  /\((?:[^()]{0,80}\/[^()]{0,80}|[^()]{0,80}\b(?:Getty Images|Pool|AFP|Reuters|EPA|File photo|Photo)\b[^()]{0,40})\)\s*$|\bPhoto(?:graph)?:\s[^.!?]{0,60}$/u;
/** "By Jane Doe | Agency", "by A and The Desk", "Author: ...", "Authors: ...", "Editor Jane Doe". */
const BYLINE_START =
  /^\s*(?:by|posted by|written by|reporting by|words by|authors?:|author['`’]?s name|editor:?|por|par|von)\s+\p{Lu}/iu;
const BYLINE_MAX_WORDS = 25;
/** "Source: Agency", "Source link", "Sources: ...": who the text came from. */
const SOURCE_CREDIT = /^\s*(?:source|sources|via|quelle|fuente|источник)\s*(?::|link\b)/iu;
const SOURCE_MAX_WORDS = 8;

/** The furniture shape of a short line, if it has one. */
function furnitureShape(line: string, tokens: string[], endsSentence: boolean): FurnitureShape | undefined {
  if (line.length > SHAPE_MAX_CHARS) return undefined;
  if (GARBAGE.test(line) && tokens.length <= 20) return 'garbage';
  if (READ_TIME.test(line) && tokens.length <= 25 && !endsSentence) return 'read-time';
  if (NOTICE.test(line) && tokens.length <= 30) return 'notice';
  if (APPEAL.test(line) && tokens.length <= APPEAL_MAX_WORDS) return 'appeal';
  if (RELATED_LINK.test(line)) return 'related-link';
  if (PHOTO_POSITION.test(line) || CAPTION_CREDIT.test(line)) return 'caption';
  if (BYLINE_START.test(line) && tokens.length <= BYLINE_MAX_WORDS && !endsSentence) return 'byline';
  if (SOURCE_CREDIT.test(line) && tokens.length <= SOURCE_MAX_WORDS) return 'credit';
  return undefined;
}

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

export function lineFeatures(text: string): LineFeatures {
  const trimmed = text.trim();
  const tokens = words(trimmed);
  const long = tokens.filter((w) => w.length > 3);
  const capitalised = long.filter((w) => /^\p{Lu}/u.test(w));
  const endsSentence = ENDS_SENTENCE.test(trimmed);
  const shape = furnitureShape(trimmed, tokens, endsSentence);
  return {
    text: trimmed,
    words: tokens.length,
    endsSentence,
    titleCaseRatio: long.length === 0 ? 0 : capitalised.length / long.length,
    bullet: BULLET.test(text),
    separator: trimmed.length > 0 && tokens.length === 0,
    contact: CONTACT.test(trimmed),
    credit: tokens.length <= 60 && trimmed.length <= CREDIT_MAX_CHARS && CREDIT.some((p) => p.test(trimmed)),
    callToAction: CALL_TO_ACTION.test(trimmed),
    furniture: isFurniture(trimmed, tokens),
    menu: (trimmed.match(/\s\|\s/g)?.length ?? 0) >= 2,
    ...(shape ? { shape } : {}),
  };
}

/** A line that reads as article prose rather than page furniture. */
export function isBodyLike(features: LineFeatures): boolean {
  return (features.words >= 12 && features.endsSentence) || features.words >= 25;
}

/**
 * Prose that may be short: a sentence of six words or more, or fifteen words that stop short
 * (a copy cut off mid-sentence), as long as it is not title-cased furniture.
 */
export function isProse(features: LineFeatures): boolean {
  if (features.furniture || features.menu) return false;
  if (isBodyLike(features)) return true;
  if (features.titleCaseRatio >= 0.6) return false;
  return (features.endsSentence && features.words >= 6) || features.words >= 15;
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
