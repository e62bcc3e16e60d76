import type { Span } from '../../corpus/index.js';
import { COUNTRY_NAMES, FORMER_COUNTRIES } from './vocabulary.js';

export interface PlaceMention {
  name: string;
  start: number;
  end: number;
  sentence: Span;
}

/** Longest names first, so "North Korea" wins over "Korea". */
const COUNTRIES = [...COUNTRY_NAMES, ...FORMER_COUNTRIES.keys()]
  .filter((n) => !/[,.]/.test(n) && n.length > 3)
  .sort((a, b) => b.length - a.length);
const COUNTRY = new RegExp(
  String.raw`(?<![\p{L}])(?:${COUNTRIES.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\p{L}])`,
  'gu',
);
/**
 * "Primorye region", "South Pyongan province", "the port city of Nampo", "the town of
 * Tsiolkovsky". A name starts at a word's start, not after each hyphen of "A-B-C-...".
 */
const REGION =
  /(?<![\p{L}-])((?:\p{Lu}[\p{L}-]+\s){1,3})(?:region|province|oblast|krai|county|prefecture)\b|\b(?:city|town|port|village) of (\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)/gu;

/** Countries (by their English names and aliases) and named regions, provinces and towns. */
export function extractPlaces(text: string, sentences: readonly Span[]): PlaceMention[] {
  const found: PlaceMention[] = [];
  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end);
    for (const match of body.matchAll(COUNTRY)) {
      found.push({
        name: match[0],
        start: sentence.start + match.index,
        end: sentence.start + match.index + match[0].length,
        sentence,
      });
    }
    for (const match of body.matchAll(REGION)) {
      const name = (match[1] ?? match[2] ?? '').trim();
      if (!name || /^(?:The|In|Of)$/.test(name)) continue;
      const at = match.index + match[0].indexOf(name);
      found.push({
        name,
        start: sentence.start + at,
        end: sentence.start + at + name.length,
        sentence,
      });
    }
  }
  return found;
}
