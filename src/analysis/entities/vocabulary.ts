import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { loadPlaceNames } from './placeNames.js';

const require = createRequire(import.meta.url);

/** The languages whose country names briefgen knows: those of its shipped taxonomy. */
export const COUNTRY_NAME_LANGUAGES = ['en', 'ru', 'ko', 'de', 'fr', 'es', 'pt', 'ja', 'zh', 'ar'];
for (const language of COUNTRY_NAME_LANGUAGES)
  countries.registerLocale(
    require(`i18n-iso-countries/langs/${language}.json`) as countries.LocaleData,
  );

const words = (list: string) => new Set(list.trim().split(/\s+/));

const namesByLanguage = new Map<string, [code: string, name: string][]>();

/**
 * A country's names in one language, each name alone: the dataset writes some with their
 * long form in brackets ("КНДР (Корейская Народно-Демократическая Республика)"). Read once
 * per language: the scope asks for every country's names in every language.
 */
export function countryNames(language: string): readonly [code: string, name: string][] {
  let names = namesByLanguage.get(language);
  if (!names) {
    names = Object.entries(countries.getNames(language, { select: 'all' })).flatMap(([code, all]) =>
      all.flatMap((name) =>
        name
          .split(/\s*[()]\s*/u)
          .filter((part) => part.length > 1)
          .map((part): [string, string] => [code, part]),
      ),
    );
    namesByLanguage.set(language, names);
  }
  return names;
}

/**
 * Every country name and alias in the languages above (Russia, Russian Federation, North
 * Korea, US, Россия, КНДР, 북한, ...), so that "КНДР" is a place, not an organisation.
 */
export const COUNTRY_NAMES: ReadonlySet<string> = new Set(
  COUNTRY_NAME_LANGUAGES.flatMap((language) => countryNames(language).map(([, name]) => name)),
);

/**
 * States that no longer exist, which the ISO list leaves out, by the code of ISO 3166-3
 * (former countries): "Soviet Union" ends in an organisation word but is a place.
 */
export const FORMER_COUNTRIES: ReadonlyMap<string, string> = new Map([
  ['Soviet Union', 'SUHH'],
  ['USSR', 'SUHH'],
  ['Yugoslavia', 'YUCS'],
  ['Czechoslovakia', 'CSHH'],
  ['East Germany', 'DDDE'],
  ['German Democratic Republic', 'DDDE'],
]);

/** A country, current or former, by any of its English names. */
export const isPlaceName = (name: string) => COUNTRY_NAMES.has(name) || FORMER_COUNTRIES.has(name);

/** Words that make a phrase a role: "Peruvian Minister of Fisheries", "Chilean president". */
export const ROLE_WORDS = words(`
  minister president premier ambassador governor leader chairman chairwoman chair spokesman
  spokeswoman spokesperson secretary director head chief envoy commander general official deputy
  expert analyst mayor senator chancellor king queen emperor diplomat negotiator adviser advisor
  founder ceo editor correspondent professor researcher admiral colonel captain lieutenant marshal
  sergeant representative prosecutor sen senator rep gov coordinator
`);

/** Last words of an organisation's name: "National Statistics Office", "World Health Assembly". */
export const ORGANISATION_WORDS = words(`
  agency council committee service ministry party bank company corporation organisation organization
  union commission fund institute university office assembly parliament association federation group
  forum court department administration authority programme program army navy corps command network
  fleet treaty times post press presse journal herald gazette tribune centre center guard railways
  railway ilbo
`);

/** Capitalised function words that open sentences. */
export const FUNCTION_WORDS = words(`
  The A An In On At For And But Or As By Of To From With After Before During Since While When Although
  However According Both Some Most This That These Those It Its He She They We His Her Their Our Why
  What Who How Let If Previously Furthermore Moreover Meanwhile Also Then Now Last Next Other Such Many
  Several
`);

/** Capitalised words that never start or continue a person's name. */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set([
  ...FUNCTION_WORDS,
  ...words(`
    January February March April May June July August September October November December Jan Feb
    Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    North South East West Northern Southern Eastern Western Far Central Korean Russian Chinese
    American Soviet European Ukrainian Japanese British French German Asian Korea Russia China Ukraine
    Japan Kremlin White House State States United Republic Democratic People Federation Union War
    Cold World Day Victory News Region Province City Sea Ocean International National Economic Foreign
    Party Tower Monument Hotel Church Zoo Talks Joint Committee
  `),
]);

export const isRoleWord = (word: string) =>
  ROLE_WORDS.has(
    word
      .toLowerCase()
      .replace(/[’']s$/, '')
      .replace(/\.$/, ''),
  );
export const isOrganisationWord = (word: string) => ORGANISATION_WORDS.has(word.toLowerCase());

let gazetteer: ReadonlySet<string> | undefined;

/** Cities and regions of the world, lower-cased (see placeNames.ts). Loaded on first use. */
export function placeGazetteer(): ReadonlySet<string> {
  gazetteer ??= new Set(loadPlaceNames());
  return gazetteer;
}
