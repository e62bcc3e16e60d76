import { createRequire } from 'node:module';
import { COUNTRY_NAME_LANGUAGES, countryNames } from './entities/vocabulary.js';
import { documentMatchText, type MatchableDocument } from './matchText.js';
import { termShape, type TermShape } from './tokens.js';

interface CountryRecord {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  translations?: Record<string, { common: string; official: string }>;
  capital?: string[];
  demonyms?: { eng?: { m?: string; f?: string } };
}

/** What a brief says it is about, as written: names, terms or countries. */
export interface ScopeSpec {
  all?: string[] | undefined;
  any?: string[] | undefined;
  not?: string[] | undefined;
}

/** One name of a scope with every way an article may write it, as match-key phrases. */
export interface ScopeName {
  name: string;
  variants: string[];
}

export interface Scope {
  all: ScopeName[];
  any: ScopeName[];
  not: ScopeName[];
}

const require = createRequire(import.meta.url);
let countries: Map<string, CountryRecord> | undefined;

/** world-countries' translation keys (ISO 639-3) by the ISO 639-1 code briefgen uses. */
const TRANSLATIONS: Record<string, string> = {
  ara: 'ar',
  ces: 'cs',
  deu: 'de',
  est: 'et',
  fin: 'fi',
  fra: 'fr',
  hrv: 'hr',
  hun: 'hu',
  ita: 'it',
  jpn: 'ja',
  kor: 'ko',
  nld: 'nl',
  per: 'fa',
  pol: 'pl',
  por: 'pt',
  rus: 'ru',
  slk: 'sk',
  spa: 'es',
  srp: 'sr',
  swe: 'sv',
  tur: 'tr',
  urd: 'ur',
  zho: 'zh',
};

/** A country's names in other languages, with the language each is in. */
function foreignNames(country: CountryRecord): [name: string, language: string][] {
  const names: [string, string][] = [];
  for (const [key, { common, official }] of Object.entries(country.translations ?? {})) {
    const language = TRANSLATIONS[key];
    if (language) names.push([common, language], [official, language]);
  }
  for (const language of COUNTRY_NAME_LANGUAGES) {
    if (language === 'en') continue;
    for (const name of namesByCode(language).get(country.cca2) ?? []) names.push([name, language]);
  }
  return names;
}

const byCode = new Map<string, Map<string, string[]>>();

/** i18n-iso-countries' names in one language, by country code (indexed once per language). */
function namesByCode(language: string): Map<string, string[]> {
  let index = byCode.get(language);
  if (!index) {
    index = new Map();
    for (const [code, name] of countryNames(language)) {
      const names = index.get(code);
      if (names) names.push(name);
      else index.set(code, [name]);
    }
    byCode.set(language, index);
  }
  return index;
}

/**
 * Countries by every name they go by, in English (world-countries, a maintained dataset with
 * alternative spellings, demonyms and capitals) and in other languages (its translations and
 * i18n-iso-countries), so that a scope of "North Korea" also finds "DPRK", "North Korean",
 * "Pyongyang", "КНДР", "Северная Корея", "북한" and "كوريا الشمالية".
 */
function countryByName(name: string): CountryRecord | undefined {
  if (!countries) {
    countries = new Map();
    for (const country of require('world-countries') as CountryRecord[]) {
      const english = [country.name.common, country.name.official, ...country.altSpellings];
      for (const alias of [...english, ...foreignNames(country).map(([n]) => n)]) {
        if (alias.length > 2 && !countries.has(alias.toLowerCase()))
          countries.set(alias.toLowerCase(), country);
      }
    }
  }
  return countries.get(name.trim().toLowerCase());
}

function expand(name: string): ScopeName {
  const country = countryByName(name);
  // The name as the brief writes it may be in any language of its script; the dataset's
  // aliases are English (words in another script are keyed by that script's rules), its
  // translations each in their language.
  const written = keyPhrases(termShape(name));
  if (country) {
    for (const alias of [
      country.name.common,
      country.name.official,
      ...country.altSpellings,
      ...(country.capital ?? []),
      country.demonyms?.eng?.m ?? '',
      country.demonyms?.eng?.f ?? '',
    ]) {
      // Two-letter codes ("KP") and comma-inverted forms ("Korea, Republic of") are not how
      // articles name a country.
      if (alias.length > 2 && !alias.includes(','))
        written.push(...keyPhrases(termShape(alias, ['en'])));
    }
    for (const [alias, language] of foreignNames(country)) {
      if (alias.length > 1 && !alias.includes(','))
        written.push(...keyPhrases(termShape(alias, [language])));
    }
  }
  return { name, variants: [...new Set(written)].filter((v) => v !== '').sort() };
}

/** A name's spellings as key phrases: scopes match by key, in any language (as the index does). */
function keyPhrases(shape: TermShape): string[] {
  return shape.alternatives.filter((a) => a.match === 'key').map(({ keys }) => keys.join(' '));
}

export function compileScope(spec: ScopeSpec | undefined): Scope | undefined {
  if (!spec || (!spec.all?.length && !spec.any?.length && !spec.not?.length)) return undefined;
  return {
    all: (spec.all ?? []).map(expand),
    any: (spec.any ?? []).map(expand),
    not: (spec.not ?? []).map(expand),
  };
}

/** A name's spelling as a full-text phrase of match keys (the shape of src/store's Phrase). */
export interface ScopePhrase {
  keys: string[];
  match: 'key';
}

/**
 * A scope as full-text conditions over titles and bodies: every group of `require` (each name
 * of `all`, and the names of `any` together) must match, no name of `exclude` may. Each name
 * matches by any of its spellings.
 */
export function scopeQueries(scope: Scope): { require: ScopePhrase[][]; exclude: ScopePhrase[] } {
  const spellings = (names: readonly ScopeName[]) =>
    names.flatMap((n) => n.variants.map((v) => ({ keys: v.split(' '), match: 'key' as const })));
  const require = scope.all.map((n) => spellings([n]));
  if (scope.any.length > 0) require.push(spellings(scope.any));
  return { require, exclude: spellings(scope.not) };
}

/**
 * The same test in memory, on a document's match text as the index holds it (small corpora,
 * tests, explain): a phrase matches inside the title or the body, never across the two.
 */
export function inScope(scope: Scope, doc: MatchableDocument): boolean {
  const { title, body } = documentMatchText(doc);
  const haystack = ` ${title} \n ${body} `;
  const mentions = (n: ScopeName) => n.variants.some((v) => haystack.includes(` ${v} `));
  return (
    scope.all.every(mentions) &&
    (scope.any.length === 0 || scope.any.some(mentions)) &&
    !scope.not.some(mentions)
  );
}
