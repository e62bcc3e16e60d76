import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FileScheduleStore,
  inspectState,
  readState,
  repairState,
  runDue,
  statePaths,
  tryLock,
  type BuildRequest,
  type ScheduledBrief,
} from '../../src/schedule/index.js';
import { useTempDirs } from './tempDirs.js';

const tempDir = useTempDirs('briefgen-due-');

const weekly: ScheduledBrief = {
  id: 'weekly',
  schedule: { cron: '0 7 * * MON', timezone: 'Europe/London', catchup: 'latest', onEmpty: 'note' },
};
const daily: ScheduledBrief = {
  id: 'daily',
  schedule: { cron: '0 6 * * *', timezone: 'UTC', catchup: 'latest', onEmpty: 'note' },
};

async function setup() {
  const dir = await tempDir();
  const built: { id: string; request: BuildRequest }[] = [];
  const lines: string[] = [];
  let clock = new Date('2026-11-23T07:05:00Z');
  let wall: Date | undefined;
  const failing = new Set<string>();
  const paths = statePaths(dir);
  const options = {
    paths,
    state: new FileScheduleStore(paths),
    now: () => clock,
    wallClock: () => wall ?? clock,
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
    setWallClock: (iso: string) => (wall = new Date(iso)),
  };
}

describe('runDue', () => {
  it('builds a due brief once, dated by its scheduled time, and nothing on an immediate second call', async () => {
    const t = await setup();
    const first = await runDue([weekly], t.options);
    expect(first.built).toEqual([
      { id: 'weekly', asOf: '2026-11-23', output: 'weekly-2026-11-23.pdf' },
    ]);
    expect((await readState(t.options.paths, t.options.wallClock())).briefs.weekly?.lastRun).toBe(
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
    expect((await readState(t.options.paths, t.options.wallClock())).briefs.weekly).toBeUndefined();
    t.failing.clear();
    expect((await runDue([weekly, daily], t.options)).built.map((b) => b.id)).toEqual(['weekly']);
  });
  it('skips a brief another live process is building', async () => {
    const t = await setup();
    const release = await tryLock(t.options.paths.briefLock('weekly'));
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
          asOf: '2026-11-23',
          worker: `${hostname()}:${process.pid}`,
          startedAt: '2026-11-23T07:05:00.000Z',
          durationMs: 0,
        },
      },
    });
  });

  it('a dry run says what is due and builds, locks and records nothing', async () => {
    const t = await setup();
    const result = await runDue([weekly, daily], { ...t.options, dryRun: true });
    expect(result.due.map(({ id, asOf }) => ({ id, asOf }))).toEqual([
      { id: 'weekly', asOf: '2026-11-23' },
      { id: 'daily', asOf: '2026-11-23' },
    ]);
    expect(t.built).toEqual([]);
    expect(existsSync(t.options.paths.dir)).toBe(false);
  });
  it('judges a lock by the wall clock, so a run with a later --now leaves a live lock alone', async () => {
    const t = await setup();
    const lock = t.options.paths.briefLock('weekly');
    await mkdir(join(lock, '..'), { recursive: true });
    const live = { pid: process.pid, acquiredAt: new Date().toISOString() };
    await writeFile(lock, JSON.stringify(live));
    t.setClock('2030-01-07T07:05:00Z');
    t.setWallClock(new Date().toISOString());
    const result = await runDue([weekly], t.options);
    expect(result.busy).toEqual(['weekly']);
    expect(t.built).toEqual([]);
  });
});

describe('the schedule state', () => {
  const write = async (paths: { file: string; dir: string }, text: string) => {
    await mkdir(paths.dir, { recursive: true });
    await writeFile(paths.file, text);
  };

  it('does not trust a last run later than the wall clock: reported, ignored, the brief builds', async () => {
    const t = await setup();
    await write(
      t.options.paths,
      JSON.stringify({
        version: 1,
        briefs: { weekly: { lastRun: '2026-11-23T07:00:00.000Z', finishedAt: 'x' } },
      }),
    );
    t.setWallClock('2026-11-23T06:40:00Z');
    t.setClock('2026-11-23T06:40:00Z');
    const reading = await inspectState(t.options.paths, t.options.wallClock());
    expect(reading.ignored).toEqual([
      { id: 'weekly', reason: expect.stringContaining('later than the clock') as string },
    ]);
    expect((await runDue([weekly], t.options)).built).toEqual([
      { id: 'weekly', asOf: '2026-11-16', output: 'weekly-2026-11-16.pdf' },
    ]);
  });
  it('treats an entry whose lastRun is not a time as damaged: reported, ignored, then replaced', async () => {
    const t = await setup();
    await write(
      t.options.paths,
      JSON.stringify({
        version: 1,
        briefs: {
          weekly: { lastRun: 'garbage', finishedAt: 'x' },
          daily: { lastRun: '2026-11-23T06:00:00.000Z', finishedAt: 'x' },
        },
      }),
    );
    const reading = await inspectState(t.options.paths, t.options.wallClock());
    expect(reading.ignored).toEqual([
      { id: 'weekly', reason: 'lastRun "garbage" is not a date and time' },
    ]);
    expect((await runDue([weekly, daily], t.options)).built.map((b) => b.id)).toEqual(['weekly']);
    const state = await readState(t.options.paths, t.options.wallClock());
    expect(state.briefs.weekly?.lastRun).toBe('2026-11-23T07:00:00.000Z');
    expect(state.briefs.daily?.lastRun).toBe('2026-11-23T06:00:00.000Z');
  });
  it.each([
    ['not JSON', '{"version": 1, "briefs": {', /not JSON/],
    ['empty', '', /empty/],
    ['briefs: null', '{"briefs": null}', /not \{"version": 1/],
    ['a folder', undefined, /a folder/],
  ])(
    'sets a damaged state file (%s) aside as a backup and starts a new one',
    async (_, text, reason) => {
      const t = await setup();
      if (text === undefined) await mkdir(t.options.paths.file, { recursive: true });
      else await write(t.options.paths, text);
      expect((await inspectState(t.options.paths, t.options.wallClock())).damaged).toMatch(reason);
      expect(await repairState(t.options.paths)).toMatch(
        /^schedule-state\.json\.damaged-\d{8}T\d{6}Z$/,
      );
      expect((await runDue([weekly], t.options)).built).toHaveLength(1);
      const files = await readdir(t.options.paths.dir);
      expect(files.filter((f) => f.startsWith('schedule-state.json.damaged-'))).toHaveLength(1);
      expect((await readState(t.options.paths, t.options.wallClock())).briefs.weekly).toBeDefined();
    },
  );
  it('fails fast with a clear error when a live process holds the state lock', async () => {
    const t = await setup();
    await mkdir(t.options.paths.dir, { recursive: true });
    const live = { pid: process.pid, acquiredAt: new Date().toISOString() };
    await writeFile(t.options.paths.stateLock, JSON.stringify(live));
    const started = Date.now();
    await expect(repairState(t.options.paths)).rejects.toMatchObject({
      code: 'STATE_LOCKED',
      message: expect.stringContaining(`locked by process ${process.pid}`) as string,
    });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
