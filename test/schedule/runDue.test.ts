import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  readState,
  runDue,
  statePaths,
  tryLock,
  type BuildRequest,
  type ScheduledBrief,
} from '../../src/schedule/index.js';

const weekly: ScheduledBrief = {
  id: 'weekly',
  schedule: { cron: '0 7 * * MON', timezone: 'Europe/London', catchup: 'latest', onEmpty: 'note' },
};
const daily: ScheduledBrief = {
  id: 'daily',
  schedule: { cron: '0 6 * * *', timezone: 'UTC', catchup: 'latest', onEmpty: 'note' },
};

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'briefgen-due-'));
  const built: { id: string; request: BuildRequest }[] = [];
  const lines: string[] = [];
  let clock = new Date('2026-11-23T07:05:00Z');
  const failing = new Set<string>();
  const options = {
    paths: statePaths(dir),
    now: () => clock,
    log: (line: string) => lines.push(line),
    build: async (brief: ScheduledBrief, request: BuildRequest) => {
      if (failing.has(brief.id)) throw new Error('render failed');
      built.push({ id: brief.id, request });
      return { output: `${brief.id}-${request.asOf}.pdf` };
    },
  };
  return {
    dir,
    built,
    lines,
    failing,
    options,
    setClock: (iso: string) => (clock = new Date(iso)),
  };
}

describe('runDue', () => {
  it('builds a due brief once, dated by its scheduled time, and nothing on an immediate second call', async () => {
    const t = await setup();
    const first = await runDue([weekly], t.options);
    expect(first.built).toEqual([
      { id: 'weekly', asOf: '2026-11-23', output: 'weekly-2026-11-23.pdf' },
    ]);
    expect((await readState(t.options.paths)).briefs.weekly?.lastRun).toBe(
      '2026-11-23T07:00:00.000Z',
    );
    const second = await runDue([weekly], t.options);
    expect(second.built).toEqual([]);
    expect(t.built).toHaveLength(1);
  });
  it('passes the previous run to the build, for since-last-run windows', async () => {
    const t = await setup();
    await runDue([weekly], t.options);
    t.setClock('2026-11-30T08:00:00Z');
    await runDue([weekly], t.options);
    expect(t.built[1]?.request.since?.toISOString()).toBe('2026-11-23T07:00:00.000Z');
  });
  it('a failing brief keeps its state, does not stop the others, and is retried next call', async () => {
    const t = await setup();
    t.failing.add('weekly');
    const result = await runDue([weekly, daily], t.options);
    expect(result.failed.map((f) => f.id)).toEqual(['weekly']);
    expect(result.built.map((b) => b.id)).toEqual(['daily']);
    expect((await readState(t.options.paths)).briefs.weekly).toBeUndefined();
    t.failing.clear();
    expect((await runDue([weekly, daily], t.options)).built.map((b) => b.id)).toEqual(['weekly']);
  });
  it('skips a brief another live process is building', async () => {
    const t = await setup();
    const release = await tryLock(t.options.paths.briefLock('weekly'), t.options.now());
    const result = await runDue([weekly], t.options);
    expect(result.busy).toEqual(['weekly']);
    expect(t.built).toEqual([]);
    await release?.();
  });
  it('takes over a lock left by a process that died', async () => {
    const t = await setup();
    const lock = t.options.paths.briefLock('weekly');
    await mkdir(join(lock, '..'), { recursive: true });
    await writeFile(
      lock,
      JSON.stringify({ pid: 2 ** 22 + 12345, acquiredAt: '2026-11-23T07:00:00Z' }),
    );
    expect((await runDue([weekly], t.options)).built).toHaveLength(1);
  });
  it('writes the state file as documented', async () => {
    const t = await setup();
    await runDue([weekly], t.options);
    expect(JSON.parse(await readFile(t.options.paths.file, 'utf8'))).toEqual({
      version: 1,
      briefs: {
        weekly: {
          lastRun: '2026-11-23T07:00:00.000Z',
          finishedAt: '2026-11-23T07:05:00.000Z',
          output: 'weekly-2026-11-23.pdf',
        },
      },
    });
  });
});
