import type { Span } from '../../corpus/index.js';
import { extractOrganisations, initials } from './extractOrganisations.js';
import { extractPeople, type PersonMention } from './extractPeople.js';
import { extractPlaces } from './extractPlaces.js';
import {
  COUNTRY_NAME_LANGUAGES,
  countryNames,
  FORMER_COUNTRIES,
  isOrganisationWord,
  isPlaceName,
} from './vocabulary.js';

export interface EntitySource {
  docId: string;
  text: string;
  sentences: readonly Span[];
}

export interface EntityMention {
  docId: string;
  start: number;
  end: number;
  sentence: Span;
}

export interface CollectedEntity {
  kind: 'person' | 'organisation' | 'place';
  name: string;
  aliases: string[];
  role?: string;
  acronym?: string;
  mentions: EntityMention[];
}

/**
 * People, organisations and places across documents, with spellings merged:
 * "Park Min-jun" = "Park Min Jun", "Schmidt" = "Angela Schmidt", "CSA" = "Central Statistics Agency",
 * "Russia" = "Russian Federation".
 */
export function collectEntities(sources: readonly EntitySource[]): CollectedEntity[] {
  return [...collectPeople(sources), ...collectOrganisations(sources), ...collectPlaces(sources)];
}

const personKey = (name: string) => name.toLowerCase().replace(/-/g, ' ');

interface PersonGroup {
  spellings: Map<string, number>;
  roles: string[];
  mentions: EntityMention[];
}

function collectPeople(sources: readonly EntitySource[]): CollectedEntity[] {
  const groups = new Map<string, PersonGroup>();
  const add = (key: string, person: PersonMention, docId: string) => {
    const group: PersonGroup = groups.get(key) ?? { spellings: new Map(), roles: [], mentions: [] };
    group.spellings.set(person.name, (group.spellings.get(person.name) ?? 0) + 1);
    if (person.role) group.roles.push(person.role);
    group.mentions.push({ docId, start: person.start, end: person.end, sentence: person.sentence });
    groups.set(key, group);
  };
  const all = sources.flatMap((s) =>
    extractPeople(s.text, s.sentences).map((p) => ({ p, docId: s.docId })),
  );
  for (const { p, docId } of all) add(personKey(p.name), p, docId);

  // A name is trusted when the text gives it a role or uses it more than once; an untrusted
  // run of capitals ("Ecology Maria Ivanova") folds into a trusted name it ends with.
  const trusted = new Set(
    [...groups].filter(([, g]) => g.roles.length > 0 || g.mentions.length > 1).map(([k]) => k),
  );
  for (const [key, group] of [...groups]) {
    if (trusted.has(key)) continue;
    groups.delete(key);
    const words = key.split(' ');
    const suffix = words
      .map((_, i) => words.slice(i).join(' '))
      .find((s) => s.split(' ').length >= 2 && trusted.has(s));
    const target = suffix ? groups.get(suffix) : undefined;
    if (target) target.mentions.push(...group.mentions);
  }
  addSurnameMentions(groups, sources);
  addTransliterations(groups, sources);
  return [...groups.values()].map((group) => toPerson(group));
}

/** "Иван Петров (Ivan Petrov)": a name in Cyrillic or Hangul, its Latin spelling in brackets. */
const NATIVE_THEN_LATIN =
  /((?:\p{Lu}\p{Ll}+\s){0,2}\p{Lu}\p{Ll}+|(?:\p{Script=Hangul}{2,5}\s)?\p{Script=Hangul}{2,5})\s?\((\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,3})\)/gu;
/** "Park Min-ho (박민호)", "Ivan Petrov (Иван Петров)": the other way round. */
const LATIN_THEN_NATIVE =
  /(\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,3})\s?\(((?:\p{Lu}\p{Ll}+\s){0,2}\p{Lu}\p{Ll}+|(?:\p{Script=Hangul}{2,5}\s)?\p{Script=Hangul}{2,5})\)/gu;
const NON_LATIN = /[\p{Script=Cyrillic}\p{Script=Hangul}]/u;

/**
 * A person named in Latin letters and in Cyrillic or Hangul is one entity when the text pairs
 * the two spellings in brackets: the Latin one names the entity and the other is kept as an
 * alias, so the brief shows both ("Ivan Petrov, also Иван Петров").
 */
function addTransliterations(groups: Map<string, PersonGroup>, sources: readonly EntitySource[]) {
  for (const source of sources) {
    for (const sentence of source.sentences) {
      const body = source.text.slice(sentence.start, sentence.end);
      if (!NON_LATIN.test(body) || !body.includes('(')) continue;
      for (const pattern of [NATIVE_THEN_LATIN, LATIN_THEN_NATIVE]) {
        for (const m of body.matchAll(pattern)) {
          const [first = '', second = ''] = [m[1], m[2]];
          const [latin, written] =
            pattern === NATIVE_THEN_LATIN ? [second, first] : [first, second];
          const native = personalName(written);
          if (!NON_LATIN.test(native) || NON_LATIN.test(latin) || !isPersonLike(latin)) continue;
          const key = personKey(latin);
          const group = groups.get(key) ?? {
            spellings: new Map([[latin, 0]]),
            roles: [],
            mentions: [],
          };
          group.spellings.set(latin, group.spellings.get(latin) ?? 0);
          // The native spelling never names the entity: it sorts after every Latin one.
          group.spellings.set(native, -1);
          const at = sentence.start + m.index;
          group.mentions.push({ docId: source.docId, start: at, end: at + m[0].length, sentence });
          groups.set(key, group);
        }
      }
    }
  }
}

/**
 * A Cyrillic name of three words is first name, patronymic and surname only when the middle
 * one is a patronymic ("Сергей Викторович Лавров"); otherwise the first word belongs to the
 * sentence ("России Сергей Лавров").
 */
function personalName(written: string): string {
  const words = written.split(' ');
  if (words.length === 3 && !/(?:вич|вна|ична)$/u.test(words[1] ?? ''))
    return words.slice(1).join(' ');
  return written;
}

/** Two to four capitalised words that name no country and end in no organisation word. */
function isPersonLike(name: string): boolean {
  const last = name.split(/[ -]/).at(-1)?.toLowerCase() ?? '';
  return !isPlaceName(name) && !isOrganisationWord(last);
}

/**
 * "Schmidt said", "Ivanova added": a surname alone is the person whose full name ends with it,
 * when exactly one known person does ("Park" alone stays unresolved when several people share it).
 */
function addSurnameMentions(
  groups: Map<string, PersonGroup>,
  sources: readonly EntitySource[],
): void {
  const bySurname = new Map<string, PersonGroup[]>();
  for (const group of groups.values()) {
    for (const spelling of group.spellings.keys()) {
      const words = spelling.split(' ');
      for (const word of [words.at(-1), words[0]]) {
        if (!word) continue;
        const list = bySurname.get(word) ?? [];
        if (!list.includes(group)) list.push(group);
        bySurname.set(word, list);
      }
    }
  }
  const unique = new Map<string, PersonGroup>();
  for (const [surname, candidates] of bySurname) {
    const [group] = candidates;
    // Two-letter words ("Un" of Park Min Jun) are given names more often than surnames.
    if (candidates.length !== 1 || !group || surname.length < 4 || !isLastWordOf(group, surname))
      continue;
    unique.set(surname, group);
  }
  const occurrences = findWords(sources, unique);
  for (const [surname, group] of unique) {
    const covered = coveredPositions(group.mentions);
    for (const mention of occurrences.get(surname) ?? []) {
      if (covered.get(mention.docId)?.has(mention.start)) continue;
      group.mentions.push(mention);
      group.spellings.set(surname, (group.spellings.get(surname) ?? 0) + 0);
    }
  }
}

/** A word as a name is written: letters and hyphens ("Min-jun"), nothing around it. */
const NAME_RUN = /[\p{L}-]+/gu;

/**
 * Where each of `words` stands alone in the sentences, in one pass over the text (a pattern per
 * word would read the corpus once for every person in it).
 */
function findWords(
  sources: readonly EntitySource[],
  words: ReadonlyMap<string, unknown>,
): Map<string, EntityMention[]> {
  const found = new Map<string, EntityMention[]>();
  for (const source of sources) {
    for (const sentence of source.sentences) {
      for (const match of source.text.slice(sentence.start, sentence.end).matchAll(NAME_RUN)) {
        if (!words.has(match[0])) continue;
        const start = sentence.start + match.index;
        const list = found.get(match[0]) ?? [];
        list.push({ docId: source.docId, start, end: start + match[0].length, sentence });
        found.set(match[0], list);
      }
    }
  }
  return found;
}

/** Every character offset inside a mention, per document. */
function coveredPositions(mentions: readonly EntityMention[]): Map<string, Set<number>> {
  const covered = new Map<string, Set<number>>();
  for (const m of mentions) {
    const set = covered.get(m.docId) ?? new Set<number>();
    for (let i = m.start; i < m.end; i++) set.add(i);
    covered.set(m.docId, set);
  }
  return covered;
}

function isLastWordOf(group: PersonGroup, word: string): boolean {
  return [...group.spellings.keys()].some(
    (s) => s.split(' ').length > 1 && s.split(' ').at(-1) === word,
  );
}

function toPerson(group: PersonGroup): CollectedEntity {
  const spellings = [...group.spellings].filter(([s]) => s.includes(' '));
  // The most used full spelling; on a tie, the unhyphenated one ("Park Min Jun").
  spellings.sort(
    (a, b) =>
      b[1] - a[1] ||
      Number(a[0].includes('-')) - Number(b[0].includes('-')) ||
      a[0].localeCompare(b[0]),
  );
  const name = spellings[0]?.[0] ?? [...group.spellings.keys()][0] ?? '';
  const role = mostCommon(group.roles);
  return {
    kind: 'person',
    name,
    aliases: [...group.spellings.keys()].filter((s) => s !== name).sort(),
    ...(role ? { role } : {}),
    mentions: group.mentions,
  };
}

interface AcronymMention {
  acronym: string;
  mention: EntityMention;
}

function collectOrganisations(sources: readonly EntitySource[]): CollectedEntity[] {
  const byName = new Map<string, CollectedEntity>();
  const acronyms: AcronymMention[] = [];
  for (const source of sources) {
    for (const org of extractOrganisations(source.text, source.sentences)) {
      const mention = {
        docId: source.docId,
        start: org.start,
        end: org.end,
        sentence: org.sentence,
      };
      if (org.name === org.acronym) {
        acronyms.push({ acronym: org.name, mention });
        continue;
      }
      const key = org.name.toLowerCase();
      const entity = byName.get(key) ?? {
        kind: 'organisation' as const,
        name: org.name,
        aliases: [],
        mentions: [],
      };
      if (org.acronym) entity.acronym = org.acronym;
      entity.mentions.push(mention);
      byName.set(key, entity);
    }
  }
  mergeQualifiedNames(byName);
  addAcronymMentions(byName, acronyms);
  return [...byName.values()];
}

/**
 * "NIS" alone is the organisation spelled out with that acronym (or with those initials): the
 * first one named, as found through an index (searching every name for every acronym is
 * quadratic in a page of acronyms). An acronym never spelled out is an organisation of its own.
 */
function addAcronymMentions(
  byName: Map<string, CollectedEntity>,
  acronyms: readonly AcronymMention[],
): void {
  const index = new Map<string, CollectedEntity>();
  const addToIndex = (acronym: string, entity: CollectedEntity) => {
    if (!index.has(acronym)) index.set(acronym, entity);
  };
  for (const entity of byName.values()) {
    if (entity.acronym) addToIndex(entity.acronym, entity);
    addToIndex(initials(entity.name), entity);
  }
  for (const { acronym, mention } of acronyms) {
    const full = index.get(acronym);
    const entity = full ??
      byName.get(acronym.toLowerCase()) ?? {
        kind: 'organisation' as const,
        name: acronym,
        aliases: [],
        mentions: [],
      };
    if (full && !full.acronym) full.acronym = acronym;
    entity.mentions.push(mention);
    byName.set(entity.name.toLowerCase(), entity);
    addToIndex(acronym, entity);
  }
}

/**
 * "Grain Export Agency (GEA)" and "Russian Grain Export Agency (GEA)": two names with one
 * acronym, one inside the other, are one organisation. It is named by its most mentioned name
 * (on a tie the shorter, which both share); the others become aliases.
 */
function mergeQualifiedNames(byName: Map<string, CollectedEntity>): void {
  const key = (acronym: string, name: string) => `${acronym}\n${name.toLowerCase()}`;
  const withAcronym = new Map<string, CollectedEntity>();
  for (const entity of byName.values())
    if (entity.acronym) withAcronym.set(key(entity.acronym, entity.name), entity);
  // Shorter names first: a name's group is settled before any longer name that contains it.
  const root = new Map<CollectedEntity, CollectedEntity>();
  const groups = new Map<CollectedEntity, CollectedEntity[]>();
  for (const entity of [...withAcronym.values()].sort((a, b) => a.name.length - b.name.length)) {
    const inner = innerPhrases(entity.name)
      .map((phrase) => withAcronym.get(key(entity.acronym ?? '', phrase)))
      .find((e) => e !== undefined);
    const top = inner ? (root.get(inner) ?? inner) : entity;
    root.set(entity, top);
    groups.set(top, [...(groups.get(top) ?? []), entity]);
  }
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const [named] = [...members].sort(
      (a, b) => b.mentions.length - a.mentions.length || a.name.length - b.name.length,
    );
    if (!named) continue;
    for (const other of members) {
      if (other === named) continue;
      named.mentions.push(...other.mentions);
      named.aliases.push(other.name, ...other.aliases);
      byName.delete(other.name.toLowerCase());
    }
    named.aliases.sort();
  }
}

/** Every run of whole words of `name` shorter than the name itself, longest first. */
function innerPhrases(name: string): string[] {
  const words = name.split(' ');
  const phrases: string[] = [];
  for (let length = words.length - 1; length >= 1; length--)
    for (let i = 0; i + length <= words.length; i++)
      phrases.push(words.slice(i, i + length).join(' '));
  return phrases;
}

/** Country names in every known language by ISO code, so "Россия" and "Russia" are one place. */
const countryCodes = new Map<string, string>(
  COUNTRY_NAME_LANGUAGES.flatMap((language) =>
    countryNames(language).map(([code, name]): [string, string] => [name, code]),
  ),
);

interface PlaceGroup {
  spellings: Map<string, number>;
  mentions: EntityMention[];
}

function collectPlaces(sources: readonly EntitySource[]): CollectedEntity[] {
  const byKey = new Map<string, PlaceGroup>();
  for (const source of sources) {
    for (const place of extractPlaces(source.text, source.sentences)) {
      const key =
        countryCodes.get(place.name) ??
        FORMER_COUNTRIES.get(place.name) ??
        place.name.toLowerCase();
      const group: PlaceGroup = byKey.get(key) ?? { spellings: new Map(), mentions: [] };
      group.spellings.set(place.name, (group.spellings.get(place.name) ?? 0) + 1);
      group.mentions.push({
        docId: source.docId,
        start: place.start,
        end: place.end,
        sentence: place.sentence,
      });
      byKey.set(key, group);
    }
  }
  return [...byKey.values()].map((group) => {
    const name =
      [...group.spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
    return {
      kind: 'place' as const,
      name,
      aliases: [...group.spellings.keys()].filter((s) => s !== name).sort(),
      mentions: group.mentions,
    };
  });
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0];
}
