import { isBodyLike, lineFeatures, words } from './lineFeatures.js';
import { dateLineDate } from './readDates.js';

const STOP = new Set(
  'the a an and or of to in on for with by from at as is are was were be has have had it its this that their his her'.split(' '),
);

function contentWords(text: string): Set<string> {
  return new Set(
    words(text.toLowerCase()).filter((w) => w.length > 2 && !STOP.has(w)),
  );
}

const LEAD_MIN_WORDS = 20;
/** Navigation, captions and taglines above a headline rarely run past this many lines. */
const HEADER_MAX_LINES = 12;

/**
 * Index of the headline among `lines`. Scraped pages often put navigation or a photo caption
 * above the headline, so instead of trusting the first line we take, among the short lines
 * before the body starts, the one whose words the body repeats most.
 */
export function findTitle(lines: readonly string[]): number {
  // A site's tagline ("All the news from our region, every day.") is a short sentence
  // above the headline; a story's first paragraph is longer.
  const bodyLike = (line: string, minWords: number) => {
    const features = lineFeatures(line);
    return isBodyLike(features) && !features.credit && !features.shape && features.words >= minWords;
  };
  const firstLong = lines.findIndex((line) => bodyLike(line, LEAD_MIN_WORDS));
  const firstAny = lines.findIndex((line) => bodyLike(line, 0));
  const firstBody = firstLong === -1 || firstLong > HEADER_MAX_LINES ? firstAny : firstLong;
  const headerEnd = firstBody === -1 ? Math.min(lines.length, 6) : firstBody;
  const bodyWords = contentWords(lines.slice(headerEnd).join(' '));
  let best = { index: -1, score: -1 };
  for (let i = 0; i < headerEnd; i++) {
    const line = lines[i] ?? '';
    const features = lineFeatures(line);
    if (features.words < 3 || features.words > 25 || features.contact || features.bullet) continue;
    if (features.credit || features.menu || features.furniture || features.shape) continue;
    if (dateLineDate(line) !== undefined) continue;
    if (/[.]["”’]?$/u.test(features.text)) continue; // a caption or sentence, not a headline
    const own = contentWords(line);
    const shared = [...own].filter((w) => bodyWords.has(w)).length;
    const score = own.size === 0 ? 0 : shared / own.size;
    if (score > best.score + 0.15) best = { index: i, score };
  }
  if (best.index >= 0) return best.index;
  // A page that opens with a paragraph of prose has no headline line; it is all body.
  const first = lines.findIndex(
    (line) => line.trim() !== '' && !lineFeatures(line).bullet && dateLineDate(line) === undefined,
  );
  return first === -1 || bodyLike(lines[first] ?? '', 0) ? -1 : first;
}
