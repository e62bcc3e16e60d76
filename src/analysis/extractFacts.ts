import type { Span } from '../corpus/index.js';

export type FactKind = 'money' | 'percent' | 'year';

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
}

const SCALE: Record<string, number> = {
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

/** Money, percentages and years in the given sentences of a cleaned text, with offsets. */
export function extractFacts(text: string, sentences: readonly Span[]): ExtractedFact[] {
  const facts: ExtractedFact[] = [];
  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end);
    const taken: Span[] = [];
    const add = (fact: Omit<ExtractedFact, 'start' | 'end' | 'sentence'>, index: number) => {
      const start = sentence.start + index;
      const end = start + fact.text.length;
      if (taken.some((t) => start < t.end && end > t.start)) return;
      taken.push({ start, end });
      facts.push({ ...fact, start, end, sentence });
    };
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
    for (const m of body.matchAll(YEAR)) {
      add({ kind: 'year', value: m[0], text: m[0] }, m.index);
    }
  }
  return facts.sort((a, b) => a.start - b.start);
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

function parseNumber(value: string): number {
  return Number(value.replace(/,/g, ''));
}

function formatNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return rounded.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
