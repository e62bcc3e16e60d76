import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/analysis/index.js';
import { loadBrief } from '../../src/brief/index.js';
import { BriefError } from '../../src/shared/errors.js';
import { useTempDirs } from '../helpers/tempDirs.js';

const taxonomy = await loadTaxonomy();
const dir = await useTempDirs('briefgen-brief-')();

async function briefFrom(yaml: string) {
  const file = join(dir, `b${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, yaml);
  return loadBrief(file, { taxonomy, templates: ['analyst', 'executive'] });
}

async function errorFrom(yaml: string): Promise<BriefError> {
  try {
    await briefFrom(yaml);
  } catch (error) {
    if (error instanceof BriefError) return error;
    throw error;
  }
  throw new Error('expected the brief to be rejected');
}

describe('loadBrief', () => {
  it('resolves themes by id or by label as people write them', async () => {
    const brief = await briefFrom(
      'title: T\nthemes: [Labour and sanctions, energy-and-resources, "Food & agriculture"]\n',
    );
    expect(brief.themes.map((t) => t.id)).toEqual([
      'labour-and-sanctions',
      'energy-and-resources',
      'food-and-agriculture',
    ]);
    expect(brief.audience).toBe('analyst');
    expect(brief.limits.excerpts_per_theme).toBe(5);
  });
  it('accepts a theme written inline', async () => {
    const brief = await briefFrom(
      'title: T\nthemes:\n  - {id: rail, label: Railways and ports, terms: [railway, port, Khasan]}\n',
    );
    expect(brief.themes[0]).toMatchObject({ id: 'rail', label: 'Railways and ports' });
  });
  it('suggests the closest theme for a misspelt one, at its line and column', async () => {
    const error = await errorFrom('title: T\nthemes:\n  - diplomacy\n  - energy and resource\n');
    expect(error).toMatchObject({ code: 'UNKNOWN_THEME', line: 4, column: 5 });
    expect(error.hint).toContain('did you mean "energy and resources"?');
  });
  it('names an unknown key where it stands, with the keys that are valid', async () => {
    const error = await errorFrom('title: T\nthemes: [diplomacy]\ntheme: oops\n');
    expect(error).toMatchObject({ code: 'BRIEF_UNKNOWN_KEY', line: 3, column: 1 });
    expect(error.hint).toContain('did you mean "themes"?');
  });
  it('locates a YAML syntax error', async () => {
    const error = await errorFrom('title: "unclosed\nthemes: [diplomacy]\n');
    expect(error.code).toBe('YAML_SYNTAX');
    expect(error.line).toBeGreaterThanOrEqual(1);
  });
  it('rejects an unknown audience template with a suggestion', async () => {
    const error = await errorFrom('title: T\nthemes: [diplomacy]\naudience: executiv\n');
    expect(error).toMatchObject({ code: 'UNKNOWN_TEMPLATE', line: 3, column: 11 });
    expect(error.hint).toContain('did you mean "executive"?');
  });
  it('rejects a marking that is not TLP 2.0', async () => {
    const error = await errorFrom('title: T\nthemes: [diplomacy]\nmarking: TLP:WHITE\n');
    expect(error).toMatchObject({ code: 'BRIEF_INVALID', line: 3, column: 10 });
    expect(error.hint).toContain('TLP:CLEAR');
  });
  it('rejects a corpus folder that does not exist, at the corpus key', async () => {
    const error = await errorFrom('title: T\nthemes: [diplomacy]\ncorpus: ./no-such-folder\n');
    expect(error).toMatchObject({ code: 'CORPUS_NOT_FOUND', line: 3, column: 9 });
  });
  it('requires at least one theme', async () => {
    const error = await errorFrom('title: T\nthemes: []\n');
    expect(error.message).toContain('at least one theme');
  });
  it('says an empty brief is empty', async () => {
    const error = await errorFrom('# nothing yet\n');
    expect(error).toMatchObject({ code: 'BRIEF_INVALID', message: 'the file is empty', line: 1 });
  });
  it('explains what is wrong inside an inline theme, not just "invalid input"', async () => {
    const error = await errorFrom(
      'title: T\nthemes: [{id: Rail, label: Railways, terms: [rail]}]\n',
    );
    expect(error.message).toContain('lower-case letters');
    expect(error.message).toContain('themes.0.id');
  });
  it('rejects a window date that is not in the calendar, or a window that ends before it starts', async () => {
    expect(
      (
        await errorFrom(
          'title: T\nthemes: [diplomacy]\nwindow: {from: 2024-01-01, to: 2024-13-01}\n',
        )
      ).message,
    ).toContain('not a calendar date');
    expect(
      (
        await errorFrom(
          'title: T\nthemes: [diplomacy]\nwindow: {from: 2024-03-01, to: 2024-01-01}\n',
        )
      ).message,
    ).toContain('ends before it starts');
  });
  it('names a missing theme file at the taxonomy key', async () => {
    const error = await errorFrom('title: T\nthemes: [diplomacy]\ntaxonomy: no-such-themes.yaml\n');
    expect(error).toMatchObject({ code: 'FILE_NOT_FOUND', line: 3, column: 11 });
  });
});
