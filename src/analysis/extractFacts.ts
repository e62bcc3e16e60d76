import type { Span } from '../corpus/index.js';
import { russianFacts, type RussianFact } from './russianFacts.js';

export type FactKind = 'money' | 'percent' | 'quantity' | 'date' | 'year';

export interface ExtractedFact {
  kind: FactKind;
  /** Normalised: "USD 1,090,000,000", "90%", "2014". */
  value: string;
  /** The figure as written. */
  text: string;
  start: number;
  end: number;
  sentence: Span;
  amount?: number;
  currency?: string;
  /** Unit of a quantity: "barrels per day", "tonnes", "workers". */
  unit?: string;
  /** ISO date (YYYY-MM-DD, YYYY-MM or YYYY) for date and year facts. */
  date?: string;
}

/** Extra knowledge a document gives for resolving dates: its publication date, if any. */
export interface FactContext {
  /** YYYY-MM-DD */
  published?: string;
}

const SCALE: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  mln: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  trn: 1e12,
};

const SYMBOL_CURRENCY: Record<string, string> = {
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₩': 'KRW',
  '₽': 'RUB',
};
const PREFIX_CURRENCY: Record<string, string> = {
  us: 'USD',
  'u.s.': 'USD',
  a: 'AUD',
  c: 'CAD',
  nz: 'NZD',
  hk: 'HKD',
};
const WORD_CURRENCY: Record<string, string> = {
  dollar: 'USD',
  euro: 'EUR',
  pound: 'GBP',
  yen: 'JPY',
  won: 'KRW',
  yuan: 'CNY',
  renminbi: 'CNY',
  rouble: 'RUB',
  ruble: 'RUB',
  usd: 'USD',
  eur: 'EUR',
  gbp: 'GBP',
  rub: 'RUB',
  krw: 'KRW',
  cny: 'CNY',
  jpy: 'JPY',
};

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE_WORD = String.raw`[Tt]rillion|[Bb]illion|[Mm]illion|[Tt]housand|bn|mn|mln|tn|trn|m|b|k`;
/** "US $10 billion", "A$5m", "$1.09bn", "€5m" (A, C, NZ, HK only written against the $) */
const MONEY_SYMBOL = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(US|U\.S\.)\s?|(A|C|NZ|HK)(?=\$))?([$€£¥₩₽])\s?(${NUMBER})(?:\s?(${SCALE_WORD})(?![\p{L}]))?`,
  'gu',
);
/** "USD 5 million", "5 billion dollars", "300 million roubles" */
const MONEY_WORD = new RegExp(
  String.raw`(?<![\p{L}\p{N}$€£¥₩₽])(?:(USD|EUR|GBP|RUB|KRW|CNY|JPY)\s?(${NUMBER})(?:\s?(${SCALE_WORD})(?![\p{L}]))?|(${NUMBER})(?:\s?(${SCALE_WORD}))?\s(?:US\s)?(dollar|euro|pound|yen|won|yuan|renminbi|rouble|ruble)s?)(?![\p{L}])`,
  'giu',
);
const PERCENT = new RegExp(String.raw`(?<![\p{L}\p{N}.])(${NUMBER})\s?(%|per\s?cent\b)`, 'giu');
const YEAR =
  /(?<![\p{L}\p{N}$€£¥₩₽.,-])(1[89]\d\d|20\d\d)(?![\p{N}%]|,\d|\.\d)(?!\s?(?:per\s?cent|percent))/gu;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
/** "13 September 2023", "September 13, 2023", "Dec. 3, 2024", "March 2021" */
const DATE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(\d{1,2})\s(${MONTH})\s(\d{4})|(${MONTH})\s(\d{1,2}),?\s(\d{4})|(${MONTH})\s(\d{4}))(?![\p{N}])`,
  'gu',
);
/** "on Oct. 3", "said on June 9", "March 4-6", "9 June": a day without its year. */
const DAY_OF_MONTH = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(${MONTH})\s(\d{1,2})(?![\p{N}]|,?\s\d{4}|\s\d)|(\d{1,2})\s(${MONTH})(?![\p{L}]|\s\d))`,
  'gu',
);
/** A day more than this far after the publication date was last year's ("on Dec. 30" in January). */
const FUTURE_DAYS = 120;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** "on Tuesday": resolved against the document's publication date when it has one. */
const WEEKDAY =
  /(?<![\p{L}])on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![\p{L}])/gu;
const UNITS = String.raw`barrels? (?:per|a) day|barrels|tonnes|tons|metric tons|workers|labourers|laborers|troops|soldiers|people|km|kilometres|kilometers|miles|megawatts|MW|gigawatts|GW|cubic metres|cubic meters|bcm|hectares|vehicles|artillery rounds|rounds|shells|missiles|containers|passengers|tourists|work permits|permits|visas|vessels|ships|tankers|companies|officers|products`;
/** "three", "Six", "a" (only before a scale: "a million barrels"). */
const NUMBER_WORD = String.raw`[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|[Ff]ifteen|[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|[Hh]undreds|[Tt]housands`;
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
};
/**
 * Words between a number and its unit: "2,000 new Polish workers", "4 million
 * 155-millimetre shells", "12 ageing cargo vessels". Not function words or verbs, which would
 * join a number to a unit in another clause ("5,000 of them were workers").
 */
const MODIFIER = String.raw`(?!(?:the|a|an|of|in|to|for|from|by|with|at|on|and|or|but|per|than|that|which|who|were|was|are|is|be|been|have|has|had|will|would|could|may|said|says|each|every|some|about|over|under|into|its|their|his|her)\s)(?:\p{Lu}[\p{L}’'.]*|[\p{L}\p{N}]{1,20}-[\p{L}\p{N}]{1,20}(?:-[\p{L}\p{N}]{1,20})?|\p{Ll}+(?<!ed|ing|ly))`;
/** "60,000 barrels per day", "2.5 million tonnes", "some 240km" */
const QUANTITY = new RegExp(
  String.raw`(?<![\p{L}\p{N}$€£¥₩₽.])(${NUMBER}|(?:${NUMBER_WORD})(?![\p{L}\p{N}]))(?:[\s-](hundred|thousand|million|billion))?\s?((?:${MODIFIER}\s){0,3}?)(${UNITS})(?![\p{L}])`,
  'gu',
);

/** "the 500,000-barrel annual cap", "a 54-km line": a quantity used as an adjective. */
const QUANTITY_ADJECTIVE = new RegExp(
  String.raw`(?<![\p{L}\p{N}$€£¥₩₽.])(${NUMBER})(?:[\s-](million|thousand|billion))?-(barrel|tonne|ton|km|kilometre|kilometer|mile|megawatt|MW|gigawatt|GW|hectare|worker|vessel|container|shell|missile)(?![\p{L}])`,
  'gu',
);

/**
 * Money, percentages, quantities with units, dates and years in the given sentences of a
 * cleaned text, with offsets. A figure is taken once: money before quantities before years.
 */
export function extractFacts(
  text: string,
  sentences: readonly Span[],
  context: FactContext = {},
): ExtractedFact[] {
  const facts: ExtractedFact[] = [];
  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end);
    // Characters already claimed by a fact: a mask, not a list of spans, so that a sentence of
    // 60,000 figures is not checked against every figure before it.
    const taken = new Uint8Array(body.length);
    const add = (fact: Omit<ExtractedFact, 'start' | 'end' | 'sentence'>, index: number) => {
      const stop = index + fact.text.length;
      if (taken.subarray(index, stop).includes(1)) return;
      taken.fill(1, index, stop);
      facts.push({ ...fact, start: sentence.start + index, end: sentence.start + stop, sentence });
    };
    // Russian figures first: "33,7%" must not also read as an English "7%".
    for (const fact of russianFacts(body)) add(normalised(fact), fact.index);
    for (const m of body.matchAll(MONEY_SYMBOL)) {
      const prefix = m[1] ?? m[2];
      const symbol = m[3] ?? '$';
      const currency =
        (prefix && symbol === '$' && PREFIX_CURRENCY[prefix.toLowerCase()]) ||
        SYMBOL_CURRENCY[symbol] ||
        'USD';
      add(money(m[0], currency, m[4] ?? '', m[5]), m.index);
    }
    for (const m of body.matchAll(MONEY_WORD)) {
      const code = m[1] ? m[1].toUpperCase() : (WORD_CURRENCY[(m[6] ?? '').toLowerCase()] ?? 'USD');
      add(money(m[0], code, m[2] ?? m[4] ?? '', m[3] ?? m[5]), m.index);
    }
    for (const m of body.matchAll(PERCENT)) {
      const amount = parseNumber(m[1] ?? '');
      add({ kind: 'percent', value: `${formatNumber(amount)}%`, text: m[0], amount }, m.index);
    }
    for (const m of body.matchAll(QUANTITY)) {
      const count = quantityNumber(m[1] ?? '', m[2], m[3] ?? '');
      if (count === undefined) continue;
      const amount = count * (m[2] ? (SCALE[m[2]] ?? 1) : 1);
      const unit = (m[4] ?? '').replace(/^barrel (per|a) day$/, 'barrels $1 day');
      add(
        { kind: 'quantity', value: `${formatNumber(amount)} ${unit}`, text: m[0], amount, unit },
        m.index,
      );
    }
    for (const m of body.matchAll(QUANTITY_ADJECTIVE)) {
      const amount = parseNumber(m[1] ?? '') * (m[2] ? (SCALE[m[2]] ?? 1) : 1);
      const unit = /^(?:km|MW|GW)$/.test(m[3] ?? '') ? (m[3] ?? '') : `${m[3] ?? ''}s`;
      add(
        { kind: 'quantity', value: `${formatNumber(amount)} ${unit}`, text: m[0], amount, unit },
        m.index,
      );
    }
    for (const m of body.matchAll(DATE)) {
      const date = isoDate(m);
      if (date) add({ kind: 'date', value: date, text: m[0], date }, m.index);
    }
    if (context.published) {
      for (const m of body.matchAll(DAY_OF_MONTH)) {
        const date = dayInYearOf(context.published, m[1] ?? m[4], m[2] ?? m[3]);
        if (date) add({ kind: 'date', value: date, text: m[0], date }, m.index);
      }
    }
    for (const m of body.matchAll(WEEKDAY)) {
      const date = context.published
        ? lastWeekday(context.published, (m[1] ?? '').toLowerCase())
        : undefined;
      if (date) add({ kind: 'date', value: date, text: m[0].slice(3), date }, m.index + 3);
    }
    for (const m of body.matchAll(YEAR)) {
      add({ kind: 'year', value: m[0], text: m[0], date: m[0] }, m.index);
    }
  }
  return facts.sort((a, b) => a.start - b.start);
}

/**
 * The number of a quantity, or undefined when the match is no quantity: "a" without a scale,
 * or a year before the words of a unit ("in 2019 Russian workers").
 */
function quantityNumber(
  number: string,
  scale: string | undefined,
  modifiers: string,
): number | undefined {
  const word = NUMBER_WORDS[number.toLowerCase()];
  if (/^[Aa]$/.test(number) && !scale) return undefined;
  if (/^(?:hundreds|thousands)$/i.test(number)) return undefined;
  if (word !== undefined) return word;
  if (/^(?:1[89]|20)\d\d$/.test(number) && !scale && modifiers !== '') return undefined;
  return parseNumber(number);
}

/** A Russian figure in the form every fact takes ("RUB 9,500,000,000", "33.7%"). */
function normalised({ kind, text, amount = 0, currency, unit, date }: RussianFact) {
  const figure = formatNumber(amount);
  if (kind === 'money') return { kind, text, amount, currency, value: `${currency} ${figure}` };
  if (kind === 'percent') return { kind, text, amount, value: `${figure}%` };
  if (kind === 'quantity') return { kind, text, amount, unit, value: `${figure} ${unit}` };
  return { kind, text, date, value: date ?? text };
}

function money(text: string, currency: string, number: string, scale: string | undefined) {
  const amount = parseNumber(number) * (scale ? (SCALE[scale.toLowerCase()] ?? 1) : 1);
  return {
    kind: 'money' as const,
    value: `${currency} ${formatNumber(amount)}`,
    text: text.trimEnd(),
    amount,
    currency,
  };
}

function monthNumber(name: string | undefined): string | undefined {
  const index = MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase());
  return index < 0 ? undefined : String(index + 1).padStart(2, '0');
}

function isoDate(m: RegExpMatchArray): string | undefined {
  const [day, month, year] = m[1]
    ? [m[1], m[2], m[3]]
    : m[4]
      ? [m[5], m[4], m[6]]
      : [undefined, m[7], m[8]];
  const mm = monthNumber(month);
  if (!mm || !year) return undefined;
  return day ? `${year}-${mm}-${day.padStart(2, '0')}` : `${year}-${mm}`;
}

/** The day `month` `day` nearest before (or a little after) the publication date. */
function dayInYearOf(
  published: string,
  month: string | undefined,
  day: string | undefined,
): string | undefined {
  const mm = monthNumber(month);
  const year = Number(published.slice(0, 4));
  if (!mm || !day || Number(day) < 1 || Number(day) > 31 || !Number.isInteger(year))
    return undefined;
  const sameYear = `${year}-${mm}-${day.padStart(2, '0')}`;
  const ahead = (Date.parse(sameYear) - Date.parse(published)) / 86_400_000;
  return ahead > FUTURE_DAYS ? `${year - 1}-${mm}-${day.padStart(2, '0')}` : sameYear;
}

/** The latest `weekday` on or before `date` (news says "on Tuesday" of the past week). */
function lastWeekday(date: string, weekday: string): string | undefined {
  const day = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(day.getTime())) return undefined;
  const back = (day.getUTCDay() - WEEKDAYS.indexOf(weekday) + 7) % 7;
  return new Date(day.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

function parseNumber(value: string): number {
  return Number(value.replace(/,/g, ''));
}

/** One formatter for all figures: toLocaleString builds a new one per call (20 µs each). */
const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function formatNumber(value: number): string {
  return NUMBER_FORMAT.format(Math.round(value * 100) / 100);
}
