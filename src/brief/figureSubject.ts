import { tokenize, type Token } from '../analysis/index.js';
import type { Fact } from '../model/index.js';

/**
 * What a figure is a figure of, read from the fact alone: its kind, what it counts (the
 * currency, the unit, "%") and the words around it in its sentence. "Russia has hired 5,000
 * North Korean workers for construction sites" is a quantity of workers next to the words
 * Russia, hired, North, Korean, construction, sites.
 */
export interface FigureSubject {
  kind: Fact['kind'];
  measure: string;
  /** The measure's word stems: "barrel per day" and "barrels per day" measure the same thing. */
  measureKey: string;
  /** Stem → the word as written, for the content words near the figure. */
  words: Map<string, string>;
  /** Years named near the figure: "$40 million in 2019" is not the figure for 2020. */
  years: Set<string>;
}

/** Figures that measure something; dates and years are events (the timeline), not amounts. */
export const MEASURED_KINDS: ReadonlySet<Fact['kind']> = new Set(['money', 'percent', 'quantity']);

/** Content words looked at on each side of the figure, within its sentence. */
const WINDOW = 6;

const STOP_WORDS = new Set(
  `a an the and or but nor of in on at to for from by with as into onto over under about than then
  that this these those it its is are was were be been being has have had do does did will would
  shall should can could may might must said says say told also just only almost nearly some about
  around roughly more most less least per each every such which who whom whose what when where while
  there here they them their he she his her we our you your not no up down out new now`.split(
    /\s+/,
  ),
);

const YEAR = /^(?:1[89]|20)\d\d$/;

export function figureSubject(fact: Fact): FigureSubject | undefined {
  if (!MEASURED_KINDS.has(fact.kind)) return undefined;
  const measure = measureOf(fact);
  const measureTokens = tokenize(measure);
  const unitStems = new Set(measureTokens.map((t) => t.key));
  const tokens = tokenize(fact.sentence);
  const at = fact.sentence.indexOf(fact.text);
  const [from, to] = at < 0 ? [0, fact.sentence.length] : [at, at + fact.text.length];
  const before = tokens.filter((t) => t.end <= from);
  const after = tokens.filter((t) => t.start >= to);
  const years = new Set<string>();
  const near: Token[] = [];
  const take = (side: Token[]) => {
    let taken = 0;
    for (const token of side) {
      if (taken >= WINDOW) break;
      if (YEAR.test(token.norm)) years.add(token.norm);
      if (!isContentWord(token) || unitStems.has(token.key)) continue;
      near.push(token);
      taken++;
    }
  };
  take(before.reverse());
  take(after);
  // The figure's own words say what it counts: "5,000 North Korean workers".
  near.push(
    ...tokens.filter(
      (t) => t.start >= from && t.end <= to && isContentWord(t) && !unitStems.has(t.key),
    ),
  );
  // In sentence order, so that the shared words read as the sentence has them.
  const words = new Map<string, string>();
  for (const token of near.sort((x, y) => x.start - y.start))
    if (!words.has(token.key)) words.set(token.key, token.raw);
  const measureKey = measureTokens.map((t) => t.key).join(' ') || measure;
  return { kind: fact.kind, measure, measureKey, words, years };
}

function measureOf(fact: Fact): string {
  if (fact.kind === 'money') return fact.currency ?? 'money';
  if (fact.kind === 'percent') return '%';
  return (fact.unit ?? 'items').toLowerCase();
}

function isContentWord(token: Token): boolean {
  return !/^\p{N}/u.test(token.norm) && token.norm.length > 1 && !STOP_WORDS.has(token.norm);
}

/**
 * Two figures are on the same subject when they have the same kind and measure, do not name
 * different years, and at least half of the words around them are the same (Jaccard on word
 * stems), two words at least. Returns that share, or 0 when they are not.
 */
export function sameSubject(a: FigureSubject, b: FigureSubject): number {
  if (a.kind !== b.kind || a.measureKey !== b.measureKey) return 0;
  if (a.years.size > 0 && b.years.size > 0 && ![...a.years].some((y) => b.years.has(y))) return 0;
  const shared = [...a.words.keys()].filter((stem) => b.words.has(stem)).length;
  const share = shared / (a.words.size + b.words.size - shared || 1);
  return shared >= Math.min(MIN_SHARED, a.words.size, b.words.size) && share >= MIN_SHARE
    ? share
    : 0;
}

const MIN_SHARE = 0.5;
const MIN_SHARED = 2;

/** The words both subjects share, as `now` writes them, in its order. */
export function sharedWords(now: FigureSubject, before: FigureSubject): string[] {
  return [...now.words].filter(([stem]) => before.words.has(stem)).map(([, raw]) => raw);
}
