import { findTitle } from './findTitle.js';
import {
  isBodyLike,
  isHeadingLike,
  isProse,
  lineFeatures,
  normaliseLine,
  type LineFeatures,
} from './lineFeatures.js';
import type { RemovalReason, RemovedLine } from './types.js';

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
  const lines: RawLine[] = allLines
    .map((text, i) => ({ line: i + 1, text: text.trim(), features: lineFeatures(text) }))
    .filter((l) => l.text !== '');
  // A title from metadata (front matter, HTML, a record) is trusted; the text may repeat it.
  const titleIndex =
    knownTitle === undefined
      ? findTitle(lines.map((l) => l.text))
      : lines.findIndex((l) => normaliseLine(l.text) === normaliseLine(knownTitle));
  const title = knownTitle ?? lines[titleIndex]?.text ?? '';

  markBeforeTitle(lines, titleIndex);
  markLineShapes(lines, titleIndex, normaliseLine(title));
  markPromotions(lines);
  markHeaderMeta(lines, titleIndex);
  markTrailer(lines);

  const kept: KeptLine[] = [];
  const removed: RemovedLine[] = [];
  lines.forEach((l, i) => {
    if (i === titleIndex) return;
    if (l.reason) removed.push({ line: l.line, text: l.text, reason: l.reason });
    else kept.push({ line: l.line, text: l.text, heading: !isBodyLike(l.features) && isHeadingLike(l.features) });
  });
  const byline = removed.map((r) => BYLINE.exec(r.text)?.[1]).find((name) => name !== undefined);
  return { title, ...(byline ? { byline } : {}), kept, removed };
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
    else if (normal === title) mark(l, 'repeated-title');
    else if (seen.has(normal) || repeatsPrevious(lines, i)) mark(l, 'repeated-line');
    else if (f.contact && f.words <= 12) mark(l, 'contact');
    else if (f.bullet) mark(l, 'list-item');
    else if (f.menu) mark(l, 'menu');
    else if (f.furniture && !isProse(f)) mark(l, 'furniture');
    else if (f.credit && !isBodyLike(f)) mark(l, 'credit');
    else if (f.words <= 3 && !f.endsSentence && LABEL_END.test(l.text)) mark(l, 'label');
    seen.add(normal);
  }
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
    if (isBodyLike(l.features)) break;
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

function mark(line: RawLine | undefined, reason: RemovalReason): void {
  if (line && !line.reason) line.reason = reason;
}
