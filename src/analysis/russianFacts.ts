/**
 * Figures as Russian writes them: a decimal comma and spaces between thousands ("9,5",
 * "10 000"), scale words in any case ("9,5 миллиардов рублей", "1,2 млрд долларов"),
 * "процента" for per cent, and dates with genitive months ("19 июня 2024 года").
 */

export interface RussianFact {
  kind: 'money' | 'percent' | 'quantity' | 'date';
  text: string;
  index: number;
  amount?: number;
  currency?: string;
  unit?: string;
  date?: string;
}

/** "9,5", "10 000", "1 250,75": thousands by (non-breaking) spaces, decimals by a comma. */
const NUMBER = String.raw`\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const SCALES: [RegExp, number][] = [
  [/^(?:тыс|тысяч)/u, 1e3],
  [/^(?:млн|миллион)/u, 1e6],
  [/^(?:млрд|миллиард)/u, 1e9],
  [/^(?:трлн|триллион)/u, 1e12],
];
const SCALE = String.raw`(?:тыс\.?|тысяч[аиу]?|млн\.?|миллион(?:а|ов|ам|ами)?|млрд\.?|миллиард(?:а|ов|ам|ами)?|трлн\.?|триллион(?:а|ов)?)`;
const CURRENCIES: [RegExp, string][] = [
  [/^(?:руб|₽)/u, 'RUB'],
  [/^(?:доллар|долл|\$)/u, 'USD'],
  [/^евро|^€/u, 'EUR'],
  [/^юан/u, 'CNY'],
  [/^вон/u, 'KRW'],
  [/^иен/u, 'JPY'],
];
const CURRENCY = String.raw`(?:рубл(?:ь|я|ей|ям|ями|ях)|руб\.|₽|доллар(?:ов|а|ы|ам)?(?:\s+США)?|долл\.|\$|евро|€|юан(?:ь|я|ей|ям)|вон|иен)`;
const MONEY = new RegExp(
  String.raw`(?<![\p{L}\p{N},])(${NUMBER})(?:\s(${SCALE}))?\s?(${CURRENCY})(?![\p{L}])`,
  'gu',
);
const PERCENT = new RegExp(
  String.raw`(?<![\p{L}\p{N},])(${NUMBER})\s?(?:%|процент(?:а|ов|ам)?(?![\p{L}]))`,
  'gu',
);
const UNITS: [RegExp, string][] = [
  [/^баррел/u, 'barrels'],
  [/^тонн/u, 'tonnes'],
  [/^(?:рабоч|работник|трудящ)/u, 'workers'],
  [/^(?:военнослужащ|солдат|военн)/u, 'troops'],
  [/^человек/u, 'people'],
  [/^(?:км|километр)/u, 'km'],
  [/^(?:МВт|мегаватт)/u, 'MW'],
  [/^кубометр/u, 'cubic metres'],
  [/^снаряд/u, 'shells'],
  [/^ракет/u, 'missiles'],
  [/^турист/u, 'tourists'],
  [/^контейнер/u, 'containers'],
  [/^(?:судов|суд(?:а|но))/u, 'vessels'],
];
const UNIT = String.raw`(?:баррел(?:ь|я|ей|ям)|тонн(?:а|ы|у)?|рабочи(?:х|е|м)|работник(?:а|ов|и)|трудящихся|военнослужащи(?:х|е)|солдат|военных|человек|км|километр(?:а|ов)?|МВт|мегаватт|кубометр(?:а|ов)?|снаряд(?:а|ов|ы)?|ракет[аы]?|турист(?:а|ов|ы)?|контейнер(?:а|ов|ы)?|судов|судна)`;
const QUANTITY = new RegExp(
  String.raw`(?<![\p{L}\p{N},])(${NUMBER})(?:\s(${SCALE}))?\s(${UNIT})(?![\p{L}])`,
  'gu',
);
const MONTHS = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'ма[йяе]',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
];
const MONTH = String.raw`(?:январ|феврал|марта?|апрел|ма[йяе]|июн|июл|августа?|сентябр|октябр|ноябр|декабр)[\p{L}]*`;
/** "19 июня 2024 года", "19 июня 2024 г.", "в июне 2024 года", "июнь 2024" */
const DATE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(\d{1,2})\s(${MONTH})\s(\d{4})|(${MONTH})\s(\d{4}))(?:\s(?:года|году|год|г\.))?(?![\p{L}\p{N}])`,
  'giu',
);

const CYRILLIC = /[\u0400-\u04ff]/u;

/** The Russian figures of one sentence, with their offsets in it. */
export function russianFacts(sentence: string): RussianFact[] {
  if (!CYRILLIC.test(sentence)) return [];
  const facts: RussianFact[] = [];
  for (const m of sentence.matchAll(MONEY)) {
    const amount = scaled(m[1], m[2]);
    const currency = lookup(CURRENCIES, m[3]) ?? 'RUB';
    facts.push({ kind: 'money', text: m[0], index: m.index, amount, currency });
  }
  for (const m of sentence.matchAll(PERCENT))
    facts.push({ kind: 'percent', text: m[0], index: m.index, amount: parse(m[1]) });
  for (const m of sentence.matchAll(QUANTITY)) {
    const unit = lookup(UNITS, m[3]);
    if (unit)
      facts.push({
        kind: 'quantity',
        text: m[0],
        index: m.index,
        amount: scaled(m[1], m[2]),
        unit,
      });
  }
  for (const m of sentence.matchAll(DATE)) {
    const date = isoDate(m);
    if (date) facts.push({ kind: 'date', text: m[0], index: m.index, date });
  }
  return facts;
}

function parse(number: string | undefined): number {
  return Number((number ?? '').replace(/[\u00a0\u202f ]/gu, '').replace(',', '.'));
}

function scaled(number: string | undefined, scale: string | undefined): number {
  return parse(number) * (lookup(SCALES, scale) ?? 1);
}

function lookup<T>(table: readonly [RegExp, T][], word: string | undefined): T | undefined {
  if (word === undefined) return undefined;
  return table.find(([pattern]) => pattern.test(word))?.[1];
}

function isoDate(m: RegExpMatchArray): string | undefined {
  const [day, month, year] = m[1] ? [m[1], m[2], m[3]] : [undefined, m[4], m[5]];
  const index = MONTHS.findIndex((stem) => new RegExp(`^${stem}`, 'iu').test(month ?? ''));
  if (index < 0 || !year) return undefined;
  const mm = String(index + 1).padStart(2, '0');
  if (!day) return `${year}-${mm}`;
  if (Number(day) < 1 || Number(day) > 31) return undefined;
  return `${year}-${mm}-${day.padStart(2, '0')}`;
}
