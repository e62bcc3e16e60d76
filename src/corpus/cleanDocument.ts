import { findTitle } from './findTitle.js';
import {
  isBodyLike,
  isHeadingLike,
  isProse,
  lineFeatures,
  normaliseLine,
  type LineFeatures,
} from './lineFeatures.js';
import { dateLineDate, readDate } from './readDates.js';
import { reflowLines } from './reflowLines.js';
import type { PublishedSource, RemovalReason, RemovedLine } from './types.js';

export interface KeptLine {
  /** 1-based line number in the raw file */
  line: number;
  text: string;
  heading: boolean;
}

export interface CleanedDocument {
  title: string;
  /** The author, when a removed line names one ("By Jane Doe", "Posted by Jane Doe | ..."). */
  byline?: string;
  kept: KeptLine[];
  removed: RemovedLine[];
  /** A date read from a date line or byline near the headline (YYYY-MM-DD). */
  published?: { date: string; from: PublishedSource };
}

interface RawLine {
  line: number;
  text: string;
  features: LineFeatures;
  reason?: RemovalReason;
}

const LABEL_END = /\b(?:on|by|at|in|for|from|of|to|via)$/iu;

/**
 * Separate the article body from page furniture, line by line. Each step looks at shapes and
 * context only; every removed line keeps the reason that removed it.
 */
export function cleanDocument(raw: string, knownTitle?: string): CleanedDocument {
  const allLines = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const lines: RawLine[] = reflowLines(allLines)
    .filter((l) => l.text !== '')
    .map((l) => ({ ...l, features: lineFeatures(l.text) }));
  // A title from metadata (front matter, HTML, a record) is trusted; the text may repeat it.
  const titleIndex =
    knownTitle === undefined
      ? findTitle(lines.map((l) => l.text))
      : lines.findIndex((l) => normaliseLine(l.text) === normaliseLine(knownTitle));
  const headline = knownTitle ?? lines[titleIndex]?.text;

  markBeforeTitle(lines, titleIndex);
  markLineShapes(lines, titleIndex, normaliseLine(headline ?? ''));
  markSiteSuffixes(lines);
  markPromotions(lines);
  markHeaderMeta(lines, titleIndex);
  markTrailer(lines);
  markFootnotes(lines);
  markTeaser(lines);

  const kept: KeptLine[] = [];
  const removed: RemovedLine[] = [];
  lines.forEach((l, i) => {
    if (i === titleIndex) return;
    if (l.reason) {
      removed.push({ line: l.line, text: l.text, reason: l.reason });
      return;
    }
    const { text, credit } = splitTrailingCredit(l.features.bullet ? l.text.replace(BULLET_MARK, '') : l.text);
    kept.push({ line: l.line, text, heading: !isBodyLike(l.features) && isHeadingLike(l.features) });
    if (credit) removed.push({ line: l.line, text: credit, reason: 'credit' });
  });
  const byline = removed.map((r) => BYLINE.exec(r.text)?.[1]).find((name) => name !== undefined);
  const published = headerDate(lines, titleIndex);
  const title = headline ?? openingWords(kept[0]?.text ?? '');
  return { title, ...(byline ? { byline } : {}), kept, removed, ...(published ? { published } : {}) };
}

const HEADER_DATE_LINES = 4;
const CLOSING_BYLINE = /^\s*(?:[–—-]{1,2}\s?|by\s)\p{Lu}[\p{L}.'’-]+\s\p{Lu}/iu;

const BULLET_MARK = /^\s*[•·▪●◦*–-]\s+/u;

/** A page with no headline opens with its first paragraph: its opening words stand for a title. */
function openingWords(text: string): string {
  const all = text.split(/\s+/);
  return all.length <= 12 ? text : `${all.slice(0, 12).join(' ')}…`;
}

/**
 * "... said on Monday. — Reuters", "... provocations. (Yonhap)": an agency credit closing the
 * last sentence of a paragraph. The paragraph stays; the credit goes.
 */
const TRAILING_CREDIT = /(?<=[.!?…]["”’'»)]?)\s+(?:[—–-]{1,2}\s?\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2}|\((?:\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2}|END)\))\s*$/u;
const CREDIT_TAIL_MAX_CHARS = 40;

function splitTrailingCredit(text: string): { text: string; credit?: string } {
  const tail = text.slice(-CREDIT_TAIL_MAX_CHARS - 5);
  const match = TRAILING_CREDIT.exec(tail);
  if (!match || match.index === 0) return { text };
  const at = text.length - tail.length + match.index;
  return { text: text.slice(0, at), credit: text.slice(at).trim() };
}

/**
 * The published date a page prints near its headline: the first date line or dated byline
 * before the first paragraph of the body ("Published : Mar 8, 2026 - 09:15", "By A. Writer
 * February 01, 2020"). Dates further down are about the story, not the page.
 */
function headerDate(lines: readonly RawLine[], titleIndex: number): CleanedDocument['published'] {
  const firstBody = lines.findIndex((l, i) => i > titleIndex && !l.reason && isBodyLike(l.features));
  // A page without a headline line may open with a one-sentence standfirst before its date.
  const end = Math.min(lines.length, firstBody === -1 ? titleIndex + 8 : Math.max(firstBody, titleIndex + HEADER_DATE_LINES));
  for (let i = 0; i < end; i++) {
    const l = lines[i];
    if (!l?.reason || (l.reason !== 'date-line' && l.reason !== 'byline' && l.reason !== 'header-meta' && l.reason !== 'before-title' && l.reason !== 'list-item')) continue;
    const date = readDate(l.text);
    if (date) return { date, from: l.reason === 'byline' || BYLINE.test(l.text) ? 'byline' : 'date-line' };
  }
  // "–A. Writer, “Headline,” The Paper, September 27, 2018": a dated byline closing the page.
  const closing = lines.findLast((l) => l.reason === 'trailer' || l.reason === 'byline');
  const date = closing && CLOSING_BYLINE.test(closing.text) ? readDate(closing.text) : undefined;
  return date ? { date, from: 'byline' } : undefined;
}

const BYLINE = /^(?:posted\s)?by\s(\p{Lu}[\p{L}.'’-]+(?:\s\p{Lu}[\p{L}.'’-]+){0,3})/iu;

/** Navigation, captions and skip-links that a page prints above its headline. */
function markBeforeTitle(lines: RawLine[], titleIndex: number): void {
  for (let i = 0; i < titleIndex; i++) mark(lines[i], 'before-title');
}

function markLineShapes(lines: RawLine[], titleIndex: number, title: string): void {
  const seen = new Set<string>();
  for (let i = titleIndex + 1; i < lines.length; i++) {
    const l = lines[i];
    if (!l || l.reason) continue;
    const f = l.features;
    const normal = normaliseLine(l.text);
    if (f.separator) mark(l, 'separator');
    else if (normal === title || repeatsTitle(normal, title)) mark(l, 'repeated-title');
    else if (seen.has(normal) || repeatsPrevious(lines, i)) {
      mark(l, 'repeated-line');
      // An image's caption printed twice (alt text, then caption): the first copy is a caption too.
      const previous = lines[i - 1];
      if (previous && normaliseLine(previous.text) === normal) previous.reason = 'caption';
    } else if (f.shape) mark(l, f.shape);
    else if (f.bullet && isProse(f)) {
      // A list of sentences inside the body ("• The port's profit rose 12%.") is article text.
    } else if (isDateLine(l)) mark(l, 'date-line');
    else if (COOKIE_NOTICE.test(l.text) && f.words <= COOKIE_MAX_WORDS) mark(l, 'furniture');
    else if (f.contact && f.words <= 12) mark(l, 'contact');
    else if (f.bullet) mark(l, 'list-item');
    else if (f.menu) mark(l, 'menu');
    else if (f.furniture && !isProse(f)) mark(l, 'furniture');
    else if (f.credit && !isBodyLike(f)) mark(l, 'credit');
    else if (f.words <= 3 && !f.endsSentence && LABEL_END.test(l.text)) mark(l, 'label');
    seen.add(normal);
  }
}

const COOKIE_NOTICE = /\bcookies?\b.{0,200}\b(?:website|consent|accept|privacy|experience|policy)\b/iu;
const COOKIE_MAX_WORDS = 60;

/** A short line that is a date and little else, not a sentence that mentions one. */
function isDateLine(l: RawLine): boolean {
  if (l.features.words > 16 || isBodyLike(l.features)) return false;
  if (dateLineDate(l.text) === undefined) return false;
  const lower = (l.text.replace(/\d[\d\s:./,-]*/gu, ' ').match(/(?<![\p{L}])\p{Ll}\p{L}*/gu) ?? []).filter(
    (w) => w.length > 1 && !/^(?:am|pm|on|at|le|el|de|del|um|in|date)$/u.test(w) && !MONTH_OR_DAY.test(w),
  );
  return lower.length <= 1;
}
const MONTH_OR_DAY =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|lunes|martes|miércoles|jueves|viernes|sábado|domingo|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)/u;

/** "Bulgaria: <headline>" or the headline cut short: the title again, as a label or a link. */
function repeatsTitle(line: string, title: string): boolean {
  if (title.length < 20) return false;
  const a = line.replace(/-/g, ' ');
  const t = title.replace(/-/g, ' ');
  if (a.endsWith(t) && a.length - t.length <= 30) return true;
  return a.length >= t.length * 0.6 && a.length < t.length && t.startsWith(a);
}

/** An image's alt text followed by its caption: the same sentence twice, one with a credit added. */
function repeatsPrevious(lines: RawLine[], i: number): boolean {
  const previous = lines[i - 1];
  const current = lines[i];
  if (!previous || !current || previous.line !== current.line - 1) return false;
  const a = normaliseLine(previous.text);
  const b = normaliseLine(current.text);
  return a.length > 40 && (b.startsWith(a.slice(0, Math.floor(a.length * 0.9))) || a.startsWith(b));
}

/**
 * An inserted advert: a paragraph that ends in a call to action ("Read More"), with the
 * headline-like line just above it.
 */
function markPromotions(lines: RawLine[]): void {
  lines.forEach((l, i) => {
    if (l.reason || !l.features.callToAction) return;
    mark(l, 'promotion');
    const above = lines[i - 1];
    if (above && !above.reason && isHeadingLike(above.features)) mark(above, 'promotion');
  });
}

/** Bylines, view counters and dates between the headline and the first paragraph. */
function markHeaderMeta(lines: RawLine[], titleIndex: number): void {
  for (let i = titleIndex + 1; i < lines.length; i++) {
    const l = lines[i];
    if (!l) break;
    if (!l.reason && isBodyLike(l.features)) break;
    if (!l.reason && l.features.words <= 6 && !l.features.endsSentence) mark(l, 'header-meta');
  }
}

/**
 * Everything after the last paragraph of prose: share buttons, tags, comment counters,
 * related-story lists, sign-offs and "next article" teasers.
 */
function markTrailer(lines: RawLine[]): void {
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i];
    if (!l) continue;
    if (!l.reason && isProse(l.features)) break;
    if (!l.reason) mark(l, 'trailer');
  }
}

/**
 * "New Quay Opens - Site Name", "Construction of the site - Site Name": image
 * titles and story cards carry the site's name after a dash; a suffix seen on two short lines
 * of one page is the site's, and those lines are not article text.
 */
function markSiteSuffixes(lines: RawLine[]): void {
  const suffixOf = (l: RawLine) =>
    l.features.words <= 15 && !l.features.endsSentence
      ? /\s[-–—|]\s([^-–—|]{3,40})$/u.exec(l.text)?.[1]
      : undefined;
  const counts = new Map<string, number>();
  for (const l of lines) {
    const suffix = suffixOf(l);
    if (suffix) counts.set(suffix, (counts.get(suffix) ?? 0) + 1);
  }
  for (const l of lines) {
    const suffix = suffixOf(l);
    if (suffix && (counts.get(suffix) ?? 0) >= 2) mark(l, 'caption');
  }
}

/**
 * "1 British Journal of ... doi:...", "2 Dr. A. Author, ...": numbered notes closing the page,
 * counted down from the last one.
 */
function markFootnotes(lines: RawLine[]): void {
  let expected: number | undefined;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i];
    if (!l) continue;
    const n = Number(/^(\d{1,2})\s+\S/u.exec(l.text)?.[1]);
    const numbered = Number.isInteger(n) && n > 0 && (expected === undefined || n === expected);
    if (!numbered) {
      if (l.reason === 'trailer') continue;
      break;
    }
    l.reason = 'footnote';
    if (n === 1) break;
    expected = n - 1;
  }
}

/**
 * Another story's headline and standfirst just before the page's closing lists ("Most
 * popular", "Editors' picks"): a teaser, not the end of the article.
 */
function markTeaser(lines: RawLine[]): void {
  const last = lines.findLastIndex((l) => !l.reason);
  const prose = lines[last];
  const headline = lines[last - 1];
  const trailerAfter = lines.slice(last + 1).filter((l) => l.reason === 'trailer').length;
  if (!prose || !headline || headline.reason || trailerAfter < 2) return;
  const f = headline.features;
  if (f.endsSentence || f.words < 6 || !isProse(prose.features) || prose.features.words > 40) return;
  if (lines.slice(0, last - 1).filter((l) => !l.reason && isBodyLike(l.features)).length < 2) return;
  mark(headline, 'teaser');
  mark(prose, 'teaser');
}

function mark(line: RawLine | undefined, reason: RemovalReason): void {
  if (line && !line.reason) line.reason = reason;
}
