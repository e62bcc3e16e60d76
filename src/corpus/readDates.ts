import * as chrono from 'chrono-node';
import { words } from './lineFeatures.js';

/**
 * Written dates are read with chrono-node, a maintained parser that knows the forms pages
 * use ("Nov. 20, 2019, 11:57 a.m.", "15/11/2026", "12 September 2026", "2024-04-02 09:47") in
 * several languages; hand-written patterns kept missing one form or another.
 */
const PARSERS = [chrono.en, chrono.de, chrono.fr, chrono.es, chrono.ru, chrono.pt, chrono.it, chrono.nl];

/** Longer lines are prose, not a date line; chrono is not run on them. */
const MAX_DATE_LINE_CHARS = 160;
/** Words a date line may carry besides its dates: "Published", "Updated", "World » Asia", a name. */
const MAX_OTHER_WORDS = 4;
/**
 * Every whole date is written with its year, so a line without a four-digit year is never
 * handed to chrono (which tries eight languages in turn on a line it cannot read).
 */
const MAY_HOLD_DATE = /(?<!\d)(?:1[89]|20)\d{2}(?!\d)/u;

interface FoundDate {
  /** YYYY-MM-DD */
  iso: string;
  /** The characters of the line that are dates or times. */
  spans: { index: number; length: number }[];
}

/** Every date and time chrono finds in `text`, in the first language that finds a whole date. */
function parseDates(text: string): FoundDate | undefined {
  for (const parser of PARSERS) {
    const results = parser.parse(text);
    const whole = results.find(
      (r) => r.start.isCertain('day') && r.start.isCertain('month') && r.start.isCertain('year'),
    );
    if (!whole) continue;
    const [y, m, d] = ['year', 'month', 'day'].map((k) => whole.start.get(k as 'year') ?? 0);
    const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    return { iso, spans: results.map((r) => ({ index: r.index, length: r.text.length })) };
  }
  return undefined;
}

/** The first whole date (day, month and year all written) in a short line, as YYYY-MM-DD. */
export function readDate(line: string): string | undefined {
  if (line.length > MAX_DATE_LINE_CHARS || !MAY_HOLD_DATE.test(line)) return undefined;
  return parseDates(line)?.iso;
}

/**
 * A line that is a date and little else: "Sun Mar 8, 2026", "Published : Mar 8, 2026 -
 * 09:15", "Posted: 2026-03-08 09:15:00", "Ann Lee, Mar. 8, 2026, 9:15 a.m.". Its date, or
 * undefined when the line says more than a date.
 */
export function dateLineDate(line: string): string | undefined {
  if (line.length > MAX_DATE_LINE_CHARS || !MAY_HOLD_DATE.test(line)) return undefined;
  const found = parseDates(line);
  if (!found) return undefined;
  let rest = '';
  let at = 0;
  for (const span of [...found.spans].sort((a, b) => a.index - b.index)) {
    rest += ` ${line.slice(at, span.index)}`;
    at = Math.max(at, span.index + span.length);
  }
  rest += ` ${line.slice(at)}`;
  // Time zones and clock words chrono leaves behind ("(EST)", "PM") are part of the date.
  const others = words(rest).filter((w) => !/^(?:\d{1,2}|[AP]M|UTC|GMT|[A-Z]{2,4}T|a\.m|p\.m)$/iu.test(w));
  return others.length <= MAX_OTHER_WORDS ? found.iso : undefined;
}
