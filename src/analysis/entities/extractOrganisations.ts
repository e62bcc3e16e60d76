import type { Span } from '../../corpus/index.js';
import { isOrganisationWord, isPlaceName } from './vocabulary.js';

export interface OrganisationMention {
  name: string;
  acronym?: string;
  start: number;
  end: number;
  sentence: Span;
}

const CAPITALISED = String.raw`(?:\p{Lu}[\p{L}’'-]*|\p{Lu}{2,}(?:-\p{Lu}[\p{L}]*)?)`;
/** "Central Statistics Agency", "World Health Assembly", "EU-Japan Joint Committee", "Ministry of Defence" */
const NAMED = new RegExp(
  String.raw`(?<![\p{L}])(?:${CAPITALISED}\s(?:(?:of|for|and|the)\s)?){0,5}${CAPITALISED}(?![\p{L}])`,
  'gu',
);
/** "Name (ACR)" */
const WITH_ACRONYM = /^\s?\((\p{Lu}{2,6})\)/u;
/**
 * "Office of Trade Enforcement (OTE)": a capitalised run, then its initials in brackets. The
 * run starts at a word's start only: from every capital inside a 200,000-letter word it would
 * rescan the rest of the word.
 */
const SPELLED_OUT =
  /(?<![\p{L}’'-])((?:\p{Lu}[\p{L}’'-]*\s(?:(?:of|for|and|the)\s)?){1,7})\((\p{Lu}{2,6})\)/gu;

/** The tail of `run` whose initials spell `acronym`, if any. */
function spelledOut(run: string, acronym: string): string | undefined {
  const words = run.trim().split(/\s/);
  for (let i = 0; i < words.length; i++) {
    const name = words.slice(i).join(' ');
    if (initials(name) === acronym && !/^(?:of|for|and|the)$/i.test(words[i] ?? '')) return name;
  }
  return undefined;
}

/**
 * "SEOUL —", "MOSCOW, March 3 (Reuters) -", "NEW YORK (AP) —": the place of a dateline in
 * capitals, opening a sentence, is not an organisation.
 */
const DATELINE_PLACE =
  /^\p{Lu}{2,}(?:[ /-]\p{Lu}{2,})*(?=,|(?:\s?\([^()]{1,30}\))?\s?(?:[–—]|--?\s))/u;
const DATELINE_MAX_CHARS = 60;

const NAME_RUN = String.raw`\p{Lu}[\p{L}’'.-]*(?:\s(?:of\s|for\s|and\s)?\p{Lu}[\p{L}’'.-]*){0,4}`;
/** Nouns that say what kind of organisation a name is. */
const KIND = String.raw`company|companies|firm|firms|group|corporation|corporations|agency|newspaper|daily|broadcaster|bank|banks|ministry|operator|institute|website|magazine|outlet|channel|think tank|organi[sz]ation|publication|news agency|research group|research company`;
/** "Acme, an international security research company," */
const APPOSITION_AFTER = new RegExp(
  String.raw`(?<![\p{L}’'-])(${NAME_RUN}),\s(?:a|an|the)\s[^,.;()]{0,60}?\b(?:${KIND})\b`,
  'gu',
);
/** "the newspaper Daily Example", "research group Open Example", "corporations, Acme and Beta" */
const APPOSITION_BEFORE = new RegExp(String.raw`\b(?:${KIND}),?\s(${NAME_RUN})`, 'gu');
/** "The Example Post reported", "Acme writes", "Example news agency": how media are cited. */
const MEDIA = new RegExp(
  String.raw`(?<![\p{L}’'-])(${NAME_RUN})\s(?:reported|reports|writes|wrote|news agency)\b`,
  'gu',
);
/** "MOSCOW (Agency) -", "WASHINGTON (Agency/Desk) -": the agency of a dateline. */
const DATELINE_AGENCY =
  /^[^()]{2,40}\((\p{Lu}[\p{L}]+(?:\s\p{Lu}[\p{L}]+)?)(?:\/[^()]{0,20})?\)\s?[-–—.]/u;
const NOT_ORGANISATION =
  /^(?:The|A|An|It|He|She|They|This|That|In|On|At|But|And|Officials?|Analysts?|Experts?|Sources?|Reports?)$/u;

/** Organisations a sentence says are organisations, whatever their last word. */
function describedOrganisations(body: string): { name: string; at: number }[] {
  const found: { name: string; at: number }[] = [];
  const add = (run: string | undefined, at: number) => {
    if (!run) return;
    // "Acme and Beta": a list of two names after a kind noun.
    const parts = run.split(/\sand\s(?=\p{Lu})/u);
    let offset = 0;
    for (const part of parts) {
      const name = part.replace(/^The\s/u, '').replace(/[.’']+$/u, '');
      const words = name.split(' ');
      // An acronym alone ("KCNA reported") is linked to its spelled-out name further on.
      const acronym = /^\p{Lu}{2,6}$/u.test(name);
      if (
        name.length >= 3 &&
        !acronym &&
        !NOT_ORGANISATION.test(words[0] ?? '') &&
        !isPlaceName(name)
      )
        found.push({ name, at: at + offset + part.indexOf(name) });
      offset += part.length + 5;
    }
  };
  for (const m of body.matchAll(APPOSITION_AFTER)) add(m[1], m.index);
  for (const m of body.matchAll(APPOSITION_BEFORE))
    add(m[1], m.index + m[0].length - (m[1] ?? '').length);
  for (const m of body.matchAll(MEDIA)) add(m[1], m.index);
  const agency = DATELINE_AGENCY.exec(body.slice(0, 80));
  if (agency?.[1]) add(agency[1], body.indexOf(agency[1]));
  return found;
}

/** A standalone acronym: "CSA", "NIS". */
const ACRONYM = /(?<![\p{L}\p{N}])\p{Lu}{2,6}(?![\p{L}\p{N}])/gu;

/** Organisations named in full (ending in Agency, Council, Service, ...), with their acronyms, and acronyms alone. */
export function extractOrganisations(
  text: string,
  sentences: readonly Span[],
): OrganisationMention[] {
  const found: OrganisationMention[] = [];
  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end);
    // Characters inside a name already found: a mask, so each check costs the same however
    // many names the sentence holds.
    const taken = new Uint8Array(body.length + 1);
    const take = (from: number, to: number) => taken.fill(1, from, to);
    const dateline = DATELINE_PLACE.exec(body.slice(0, DATELINE_MAX_CHARS))?.[0].length ?? 0;
    for (const match of body.matchAll(NAMED)) {
      const name = orgName(match[0]);
      if (name === undefined) continue;
      const at = match.index + match[0].indexOf(name);
      const acronym = WITH_ACRONYM.exec(body.slice(at + name.length))?.[1];
      take(at, at + name.length + (acronym ? acronym.length + 3 : 0));
      found.push({
        name,
        ...(acronym ? { acronym } : {}),
        start: sentence.start + at,
        end: sentence.start + at + name.length,
        sentence,
      });
    }
    for (const match of body.matchAll(SPELLED_OUT)) {
      const name = spelledOut(match[1] ?? '', match[2] ?? '');
      if (!name) continue;
      const at = match.index + (match[1] ?? '').lastIndexOf(name);
      // The name itself, not the run before it ("The ..."), is what a named match may hold.
      if (taken[at]) continue;
      take(at, match.index + match[0].length);
      found.push({
        name,
        acronym: match[2] ?? '',
        start: sentence.start + at,
        end: sentence.start + at + name.length,
        sentence,
      });
    }
    for (const { name, at } of describedOrganisations(body)) {
      if (taken[at] || at < 0) continue;
      take(at, at + name.length);
      found.push({
        name,
        start: sentence.start + at,
        end: sentence.start + at + name.length,
        sentence,
      });
    }
    for (const match of body.matchAll(ACRONYM)) {
      if (taken[match.index]) continue;
      if (match.index < dateline) continue;
      if (isPlaceName(match[0]) || /^(?:DPRK|ROK|USSR|PRC|I|II|III|IV|AM|PM|TV)$/.test(match[0]))
        continue;
      found.push({
        name: match[0],
        acronym: match[0],
        start: sentence.start + match.index,
        end: sentence.start + match.index + match[0].length,
        sentence,
      });
    }
  }
  return found;
}

/** The part of a capitalised run that names an organisation: it must end in an organisation word. */
function orgName(run: string): string | undefined {
  const words = run.split(/\s/);
  if (!isOrganisationWord(words.at(-1) ?? '')) return undefined;
  while (
    words.length > 1 &&
    /^(?:The|A|An|In|On|At|By|And|Of|For|Although|However|When|While|After|Both)$/.test(
      words[0] ?? '',
    )
  )
    words.shift();
  if (words.length < 2) return undefined;
  const name = words.join(' ');
  return isPlaceName(name) ? undefined : name;
}

/** "CSA" for "Central Statistics Agency": initials of the significant words. */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => !/^(?:of|for|and|the)$/i.test(w))
    .map((w) => (/^\p{Lu}{2,}$/u.test(w) ? w : (w[0] ?? '')))
    .join('')
    .toUpperCase();
}
