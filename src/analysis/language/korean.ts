/**
 * Korean writes particles and verb endings onto the word they follow (다리가 "the bridge" +
 * subject marker, 러시아와 "with Russia"): a word's match key is the word without them. There
 * is no Snowball stemmer for Korean; this is the usual light approach of search engines that
 * have no morphological dictionary: strip one known ending, longest first, then a plural 들.
 *
 * A noun that itself ends like a particle (국가 "state" ends in 가) loses that syllable when
 * it stands bare, so a theme term matches both its bare key and the term as written
 * (see `termKeys` in ../tokens.ts).
 */

/** Particles (josa), alone and in their common stacks, and the endings of 하다/되다 verbs. */
const ENDINGS = [
  // verb endings of noun + 하다 / 되다 ("지원했다" = supported): what remains is the noun
  '했습니다',
  '하겠다고',
  '하겠다',
  '했으며',
  '하면서',
  '합니다',
  '됩니다',
  '되었다',
  '했다고',
  '한다고',
  '했다',
  '한다',
  '하는',
  '하고',
  '하며',
  '하여',
  '했고',
  '하기',
  '된다',
  '됐다',
  '되는',
  '되어',
  '되고',
  // stacked particles
  '에서부터',
  '으로부터',
  '으로서는',
  '에게서',
  '한테서',
  '로부터',
  '에서는',
  '에서도',
  '에서의',
  '에게는',
  '에게도',
  '으로는',
  '으로도',
  '으로의',
  '으로서',
  '으로써',
  '이라는',
  '이라고',
  '까지는',
  '까지도',
  '부터는',
  '보다는',
  '과의',
  '와의',
  '로는',
  '로도',
  '로의',
  '로서',
  '로써',
  '에는',
  '에도',
  '에의',
  '라는',
  '라고',
  '이나',
  '이며',
  '이고',
  '이다',
  '이었다',
  '였다',
  '입니다',
  // single particles
  '에서',
  '에게',
  '한테',
  '께서',
  '으로',
  '까지',
  '부터',
  '보다',
  '처럼',
  '만큼',
  '마다',
  '조차',
  '마저',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '로',
  '와',
  '과',
  '도',
  '만',
].sort((a, b) => b.length - a.length);

const PLURAL = '들';

/** The word without its particle or verb ending (at least one syllable is kept). */
export function stripKoreanEnding(word: string): string {
  let stem = word;
  for (const ending of ENDINGS) {
    if (stem.length > ending.length && stem.endsWith(ending)) {
      stem = stem.slice(0, -ending.length);
      break;
    }
  }
  if (stem.length > 1 && stem.endsWith(PLURAL)) stem = stem.slice(0, -1);
  return stem;
}
