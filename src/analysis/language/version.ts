import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A fingerprint of how match keys are made: this folder's code, the script ranges
 * (src/shared/scripts.ts) and the stemmer packages. The
 * full-text index holds keys made at ingest and briefs make theirs when they run; when the
 * fingerprint changes, the store re-analyses every document so the two are made alike.
 */
export const MATCH_KEYS_VERSION: string = (() => {
  const hash = createHash('sha256');
  const here = dirname(fileURLToPath(import.meta.url));
  for (const name of readdirSync(here)
    .filter((n) => /\.(?:js|ts)$/.test(n))
    .sort())
    hash.update(readFileSync(join(here, name)));
  const require = createRequire(import.meta.url);
  // @orama/stemmers does not export its package.json: read it beside one of its stemmers.
  const orama = join(dirname(require.resolve('@orama/stemmers/russian')), '..', 'package.json');
  for (const pkg of [orama, require.resolve('stemmer/package.json')])
    hash.update((JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version);
  return hash.digest('hex').slice(0, 12);
})();
