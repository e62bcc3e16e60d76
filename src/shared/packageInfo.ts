import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding briefgen's package.json, whether running from src/ (tests) or dist/src/. */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('briefgen: cannot find its package.json');
    dir = parent;
  }
  return dir;
}

export const packageRoot: string = findPackageRoot();

const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
  version: string;
};

export const version: string = manifest.version;

/** A file shipped with briefgen (taxonomy, templates), by path from the package root. */
export function packagePath(...parts: string[]): string {
  return join(packageRoot, ...parts);
}
