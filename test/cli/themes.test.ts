import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBrief } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/tempDirs.js';

const tempDir = useTempDirs('briefgen-themes-');

describe('brief themes', () => {
  it('lists the shipped themes with their descriptions', async () => {
    const result = await runBrief(['themes']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^energy-and-resources\s+Energy and resources$/m);
    expect(result.stdout.match(/^[a-z-]+ {2,}/gm)).toHaveLength(9);
  });
  it('explains a theme: top passages with their terms, scores and document context', async () => {
    const result = await runBrief(['themes', 'explain', 'labour and sanctions', '--top', '3']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Labour and sanctions (labour-and-sanctions): top 3 passages');
    expect(result.stdout).toMatch(
      / 1\. \d+\.\d\d {2}002_85a348c2a617bf01\.txt {2}\[sentence \d+\.\d\d, document context \d+%\]/,
    );
    expect(result.stdout).toMatch(/terms: .*worker \+\d\.\d\d/);
  });
  it('explains as JSON, with each term’s contribution', async () => {
    const result = await runBrief([
      'themes',
      'explain',
      'energy-and-resources',
      '--json',
      '--top',
      '2',
    ]);
    const explanation = JSON.parse(result.stdout) as {
      passages: { score: number; terms: { term: string; value: number }[] }[];
    };
    expect(explanation.passages).toHaveLength(2);
    expect(explanation.passages.flatMap((p) => p.terms.map((t) => t.term))).toContain(
      'natural gas',
    );
  });
  it('suggests the closest theme for a misspelt one', async () => {
    const result = await runBrief(['themes', 'explain', 'energy and resource']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/did you mean "energy.and.resources"\?/);
  });
  it('lays a user taxonomy file over the shipped one', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'mine.yaml'),
      'version: 1\nthemes:\n  - {id: rail, label: Railways, terms: [railway, Khasan]}\n',
    );
    const result = await runBrief(['themes', '--taxonomy', join(dir, 'mine.yaml')]);
    expect(result.stdout).toMatch(/^rail\s+Railways$/m);
    expect(result.stdout.match(/^[a-z-]+ {2,}/gm)).toHaveLength(10);
  });
});
