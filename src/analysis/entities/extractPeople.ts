import type { Span } from '../../corpus/index.js';
import {
  COUNTRY_NAMES,
  FUNCTION_WORDS,
  isOrganisationWord,
  isRoleWord,
  NOT_NAME_WORDS,
} from './vocabulary.js';

export interface PersonMention {
  /** As written: "Lee Su-min" */
  name: string;
  /** Role as written in the sentence, when one is stated. */
  role?: string;
  /** Offsets of the name in the text. */
  start: number;
  end: number;
  sentence: Span;
}

/** "Park", "Min-jun", "Ivanova": a capitalised word that may be part of a personal name. */
const NAME_WORD = String.raw`\p{Lu}[\p{Ll}]+(?:-[\p{L}][\p{Ll}]+)?`;
/**
 * A whole run of capitalised words ("Deputy Fisheries Minister Ro Chang Il"): the name is
 * what follows its last title word. A run cut at a fixed length would cut the name too.
 */
const FULL_NAME = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${NAME_WORD})(?:\s(?:${NAME_WORD}))+(?![\p{L}])`,
  'gu',
);
/** What follows a name to make an appositive: ", Norway’s ambassador to Chile," */
const ROLE_AFTER =
  /^,\s(?:the\s)?([^,;.()“”"]{3,120}?)(?=[,;.]|\s(?:said|told|says|met|and\s(?:the\s)?[\p{Ll}]+\s(?!of)))/u;
/** What precedes a name as an appositive: "Chilean Minister of Foreign Trade, " */
const ROLE_BEFORE = /(?:^|[,;:(]\s|\band\s|\bby\s|\bwith\s)((?:the\s)?[^,;.()“”"]{3,100}),\s$/u;
const WORD = /[\p{L}’'-]+/gu;
/**
 * How much text on each side of a name a role is looked for in. Longer than any role the
 * patterns accept (120 characters and its punctuation), so nothing is lost; reading the whole
 * sentence for each name would make a sentence of many names quadratic.
 */
const ROLE_CONTEXT = 300;

/**
 * People and the roles the text gives them, from three shapes of English news prose:
 * "Name, the Role, ..." / "Role, Name, ..." / "Role Name" ("French President Angela Schmidt").
 */
export function extractPeople(text: string, sentences: readonly Span[]): PersonMention[] {
  const people: PersonMention[] = [];
  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end);
    for (const match of body.matchAll(FULL_NAME)) {
      const name = trimName(match[0]);
      if (name === undefined) continue;
      const at = match.index + match[0].length - name.length;
      // "Minister of Natural Resources", "Ministry of Foreign Affairs": a name after "of" is a thing.
      if (/\bof\s$/.test(body.slice(Math.max(0, at - 3), at))) continue;
      const end = at + name.length;
      const role =
        roleAfter(body.slice(end, end + ROLE_CONTEXT)) ??
        roleBefore(body.slice(Math.max(0, at - ROLE_CONTEXT), at)) ??
        rolePrefix(body, at);
      people.push({
        name,
        ...(role ? { role } : {}),
        start: sentence.start + at,
        end: sentence.start + at + name.length,
        sentence,
      });
    }
  }
  return people;
}

/** Drop leading words that cannot be part of a name ("Minister Ivanova" → "Ivanova"); undefined if too little is left. */
function trimName(candidate: string): string | undefined {
  const all = candidate.split(/\s/);
  // The name is what follows the last word that cannot be part of one: "Deputy Energy
  // Minister Tomas Berg" → "Tomas Berg" (the title before it becomes the role).
  const notName = (w: string) => NOT_NAME_WORDS.has(w) || isRoleWord(w) || isOrganisationWord(w);
  const lastNonName = all.map(notName).lastIndexOf(true);
  const words = all.slice(lastNonName + 1);
  if (words.length < 2 || words.length > 4) return undefined;
  const name = words.join(' ');
  return COUNTRY_NAMES.has(name) ? undefined : name;
}

function hasRoleWord(phrase: string): boolean {
  return (phrase.match(WORD) ?? []).some(isRoleWord);
}

function roleAfter(rest: string): string | undefined {
  const role = ROLE_AFTER.exec(rest)?.[1]?.trim();
  return role && hasRoleWord(role) ? role : undefined;
}

function roleBefore(before: string): string | undefined {
  const role = ROLE_BEFORE.exec(before)?.[1]
    ?.trim()
    .replace(/^the\s/, '');
  if (!role || !hasRoleWord(role) || role.split(/\s+/).length > 14) return undefined;
  return role;
}

/** "French President ", "Chilean president ", "Foreign Minister ": a title just before the name at `at`. */
function rolePrefix(body: string, at: number): string | undefined {
  const from = Math.max(0, at - ROLE_CONTEXT);
  const before = body.slice(from, at);
  const words = before.trimEnd().split(/\s+/);
  if (from > 0) words.shift(); // cut by the window: not a whole word
  if (before !== before.trimEnd() + ' ') return undefined;
  // "Minister for Trade ", "Commissioner of Police ": the role word may come before its "of" phrase.
  let head = words.length - 1;
  while (head > words.length - 4 && head > 0 && !isRoleWord(words[head] ?? '')) {
    const word = words[head] ?? '';
    if (!/^\p{Lu}/u.test(word) && !/^(?:of|for)$/.test(word)) return undefined;
    head--;
  }
  if (!isRoleWord(words[head] ?? '') || /^(?:of|for)$/.test(words.at(-1) ?? '')) return undefined;
  const role = words.slice(head);
  for (let i = head - 1; i >= 0 && role.length < 6; i--) {
    const word = words[i] ?? '';
    if (!/^\p{Lu}/u.test(word) && !isRoleWord(word)) break;
    // "U.S." is part of the role; a full stop or comma ending any other word ends it.
    if ((/[,;:.]$/.test(word) && !/^(?:\p{Lu}\.)+$/u.test(word)) || FUNCTION_WORDS.has(word)) break;
    role.unshift(word);
  }
  return role.join(' ');
}
