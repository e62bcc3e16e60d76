import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';

/**
 * Every string a gold file labels (markers, passages, facts, names), at least `min` characters
 * long. The larger sets label common words too ("President", "ANALYSIS"), so for them only
 * phrases count.
 */
function labelledStrings(file: string, min = 8): string[] {
  const strings: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  const gold = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  visit([gold.boilerplate_markers, gold.body_markers, gold.themes, gold.facts, gold.never_facts]);
  return strings.filter((s) => s.length >= min);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('the gold labels are a reference, not a lookup table', () => {
  it('no string from a gold file appears in src/', () => {
    const labels = [
      ...labelledStrings(join(ROOT, 'test', 'fixtures', 'seeds-gold.yaml')),
      ...labelledStrings(join(ROOT, 'test', 'fixtures', 'devset', 'devset-gold.yaml')),
      ...labelledStrings(join(ROOT, 'test', 'fixtures', 'heldout', 'heldout-gold.yaml'), 20),
      ...labelledStrings(join(ROOT, 'eval', 'real', 'real-gold.yaml'), 20),
    ];
    expect(labels.length).toBeGreaterThan(100);
    const leaks = sourceFiles(join(ROOT, 'src')).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return labels.filter((label) => text.includes(label)).map((label) => `${file}: ${label}`);
    });
    expect(leaks).toEqual([]);
  });
});
