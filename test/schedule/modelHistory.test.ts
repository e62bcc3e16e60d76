import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BriefModel } from '../../src/model/index.js';
import { fileModelHistory, MODELS_KEPT, statePaths } from '../../src/schedule/index.js';
import { useTempDirs } from './tempDirs.js';

const tempDir = useTempDirs('briefgen-history-');

function model(id: string, asOf: string, title = `Story of ${asOf}`): BriefModel {
  return {
    schemaVersion: '1.1',
    generator: 'briefgen test',
    brief: {
      id,
      title: 'Weekly',
      audience: 'analyst',
      asOf,
      window: 'all documents',
      themes: [],
    },
    corpus: { documents: 1, quotable: 1, duplicates: 0, skippedFiles: 0 },
    keyPoints: [],
    sections: [],
    facts: [],
    entities: [],
    timeline: [],
    sources: [
      { citation: 1, docId: 'a', file: 'a.md', title, truncated: false, alsoReportedBy: [] },
    ],
    changes: { newStories: [], continuingStories: [], changedFigures: [] },
  };
}

async function setup(limit?: number) {
  const out = await tempDir();
  const warnings: string[] = [];
  const dir = statePaths(out).dir;
  const history = fileModelHistory(dir, {
    ...(limit !== undefined ? { limit } : {}),
    warn: (file, problem) => warnings.push(`${file}: ${problem}`),
  });
  return { out, dir, history, warnings, folder: join(dir, 'models', 'weekly') };
}

describe('fileModelHistory', () => {
  it('keeps each model at <out>/.briefgen/models/<id>/<as-of>.json', async () => {
    const { history, folder } = await setup();
    await history.keep(model('weekly', '2026-11-09'));
    expect(await readdir(folder)).toEqual(['2026-11-09.json']);
  });

  it('has no previous brief before the first one is kept', async () => {
    const { history } = await setup();
    expect(await history.previous('weekly', '2026-11-23')).toBeUndefined();
  });

  it('finds the latest brief of the same id with an earlier as-of date', async () => {
    const { history } = await setup();
    for (const asOf of ['2026-11-02', '2026-11-16', '2026-11-09', '2026-11-30'])
      await history.keep(model('weekly', asOf));
    await history.keep(model('daily', '2026-11-22'));
    const previous = await history.previous('weekly', '2026-11-23');
    expect(previous?.brief.asOf).toBe('2026-11-16');
    expect(previous?.sources[0]?.title).toBe('Story of 2026-11-16');
  });

  it('never compares a rebuild of the same as-of date with itself', async () => {
    const { history, folder } = await setup();
    await history.keep(model('weekly', '2026-11-09'));
    await history.keep(model('weekly', '2026-11-23', 'first build'));
    await history.keep(model('weekly', '2026-11-23', 'rebuilt'));
    expect((await history.previous('weekly', '2026-11-23'))?.brief.asOf).toBe('2026-11-09');
    expect(await readdir(folder)).toEqual(['2026-11-09.json', '2026-11-23.json']);
  });

  it(`keeps the last ${MODELS_KEPT} briefs of each id and removes older ones`, async () => {
    const { history, folder } = await setup();
    const dates = Array.from({ length: MODELS_KEPT + 3 }, (_, i) =>
      new Date(Date.UTC(2026, 0, 5 + 7 * i)).toISOString().slice(0, 10),
    );
    for (const asOf of dates) await history.keep(model('weekly', asOf));
    expect(await readdir(folder)).toEqual(dates.slice(3).map((d) => `${d}.json`));
  });

  it('passes over a damaged kept file, says so, and compares with the brief before it', async () => {
    const { history, folder, warnings } = await setup();
    await history.keep(model('weekly', '2026-11-02'));
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, '2026-11-09.json'), '{"schemaVersion": "1.1", "brie');
    await writeFile(join(folder, '2026-11-16.json'), JSON.stringify({ schemaVersion: '2.0' }));
    expect((await history.previous('weekly', '2026-11-23'))?.brief.asOf).toBe('2026-11-02');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/2026-11-16\.json: not a kept brief \(not a 1\.x BriefModel\)/);
    expect(warnings[1]).toMatch(/2026-11-09\.json: not a kept brief/);
  });
});
