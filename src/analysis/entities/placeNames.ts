import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { packagePath } from '../../shared/packageInfo.js';

const require = createRequire(import.meta.url);

/**
 * Where `npm run build` writes the place names (scripts/placeNames.ts): loading compromise
 * to read them costs about 0.3 s of CPU, a tenth of a whole `brief build`.
 */
export const PLACE_NAMES_FILE = packagePath('dist', 'place-names.json');

/**
 * Cities and regions of the world, lower-cased ("pyongyang", "new jersey", "siberia"), from the
 * lexicon of compromise (a maintained English NLP library). Its tagger reads places well but
 * costs a millisecond and a half a sentence, too slow for a large store; its place names are
 * what our own patterns lacked.
 */
export function placeNamesFromLexicon(): string[] {
  const nlp = require('compromise/two') as {
    model(): { one: { lexicon: Record<string, unknown> } };
  };
  return Object.entries(nlp.model().one.lexicon)
    .filter(([name, tag]) => {
      const tags = String(tag);
      return (tags === 'City' || tags.startsWith('Region')) && name.length >= 4;
    })
    .map(([name]) => name)
    .sort();
}

/** The place names as built, or read from the lexicon when running without a build (tests from sources). */
export function loadPlaceNames(): string[] {
  try {
    const names = JSON.parse(readFileSync(PLACE_NAMES_FILE, 'utf8')) as unknown;
    if (Array.isArray(names) && names.every((n) => typeof n === 'string')) return names;
  } catch {
    // Not built: fall back to the lexicon.
  }
  return placeNamesFromLexicon();
}
