import type { Span } from '../../corpus/index.js';
import {
  COUNTRY_NAMES,
  FORMER_COUNTRIES,
  isOrganisationWord,
  placeGazetteer,
} from './vocabulary.js';

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
  /(?<![\p{L}-])((?:\p{Lu}[\p{L}-]+\s){1,3})(?:[Rr]egion|[Pp]rovince|[Oo]blast|[Kk]rai|[Cc]ounty|[Pp]refecture)\b|\b(?:city|town|port|village) of (\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)/gu;
/** "Near East", "Western Europe", "Central Asia": a compass word and a part of the world. */
const WORLD_REGION =
  /(?<![\p{L}])(?:(?:Far|Middle|Near) East|(?:North|South|East|West|Central|Southeast|Northeast)(?:ern)? (?:Africa|Asia|Europe|America))(?![\p{L}])/gu;
/** A run of one to three capitalised words, each a candidate for the gazetteer. */
const CAPITALISED_RUN =
  /(?<![\p{L}\p{N}’'-])\p{Lu}[\p{L}’'-]*(?:\s\p{Lu}[\p{L}’'-]*){0,2}(?![\p{L}\p{N}])/gu;
/** "SEOUL", "MOSCOW": a dateline's place in capitals. */
const upperToName = (word: string) =>
  /^\p{Lu}{3,}$/u.test(word) ? word.charAt(0) + word.slice(1).toLowerCase() : word;

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
    for (const match of body.matchAll(WORLD_REGION)) {
      found.push({
        name: match[0],
        start: sentence.start + match.index,
        end: sentence.start + match.index + match[0].length,
        sentence,
      });
    }
    found.push(...gazetteerPlaces(body, sentence));
    for (const match of body.matchAll(REGION)) {
      const run = (match[1] ?? match[2] ?? '').trim();
      // "South Western Kaluga Region": a capitalised Region names the place with its last word.
      const kind = match[1] ? /\s(\p{Lu}\p{Ll}+)$/u.exec(match[0])?.[1] : undefined;
      const name = kind ? `${run.split(' ').at(-1) ?? ''} ${kind}` : run;
      if (!run || /^(?:The|In|Of)$/.test(name.split(' ')[0] ?? '')) continue;
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

/**
 * Cities and regions named in the gazetteer: the longest run of capitalised words that is one
 * ("New Mexico" before "Mexico"), unless it ends an organisation's name ("Moscow City Court").
 */
function gazetteerPlaces(body: string, sentence: Span): PlaceMention[] {
  const places = placeGazetteer();
  const found: PlaceMention[] = [];
  for (const match of body.matchAll(CAPITALISED_RUN)) {
    const words = match[0].split(' ');
    const next = /^\s(\p{Lu}[\p{L}]*)/u.exec(body.slice(match.index + match[0].length))?.[1];
    if ((next && isOrganisationWord(next)) || isOrganisationWord(words.at(-1) ?? '')) continue;
    let offset = 0;
    for (let i = 0; i < words.length;) {
      let taken = 0;
      for (let n = Math.min(3, words.length - i); n >= 1 && taken === 0; n--) {
        const name = words
          .slice(i, i + n)
          .map(upperToName)
          .join(' ');
        if (
          places.has(name.toLowerCase()) &&
          !COUNTRY_NAMES.has(name) &&
          !isOrganisationWord(words[i + n] ?? '')
        ) {
          const at = match.index + offset;
          const text = words.slice(i, i + n).join(' ');
          found.push({
            name,
            start: sentence.start + at,
            end: sentence.start + at + text.length,
            sentence,
          });
          taken = n;
        }
      }
      const step = Math.max(1, taken);
      offset += words.slice(i, i + step).join(' ').length + 1;
      i += step;
    }
  }
  return found;
}
