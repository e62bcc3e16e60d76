import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A fingerprint of the ingestion code itself: when briefgen's cleaning or parsing changes, a
 * stored analysis made by the old code is redone rather than served.
 */
export const ANALYSER_VERSION: string = (() => {
  const hash = createHash('sha256');
  const here = dirname(fileURLToPath(import.meta.url));
  const files = readdirSync(here, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(?:js|ts)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
})();
