/**
 * Part of `npm run build`: writes the place names of compromise's lexicon to
 * dist/place-names.json, so a `brief build` does not load compromise to read them.
 */
import { writeFileAtomic } from '../src/shared/files.js';
import { PLACE_NAMES_FILE, placeNamesFromLexicon } from '../src/analysis/entities/placeNames.js';

await writeFileAtomic(PLACE_NAMES_FILE, `${JSON.stringify(placeNamesFromLexicon())}\n`);
