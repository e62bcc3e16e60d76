import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBrief } from '../helpers/cli.js';

const tmp = () => mkdtemp(join(tmpdir(), 'briefgen-run-'));
const pdfs = async (dir: string) =>
  existsSync(dir) ? (await readdir(dir)).filter((f) => f.endsWith('.pdf')).sort() : [];

describe('brief run --due', () => {
  it('builds the weekly overview once for its slot, nothing on a repeat, one brief after missed weeks', async () => {
    const out = await tmp();
    const run = (now: string) => runBrief(['run', '--due', '--now', now, '--out', out]);
    const first = await run('2026-11-23T07:05:00Z');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('weekly-overview: built');
    expect(await pdfs(join(out, 'weekly-overview'))).toEqual(['weekly-overview-2026-11-23.pdf']);
    expect(await pdfs(join(out, 'energy-and-resources'))).toEqual([]);

    const again = await run('2026-11-23T07:05:00Z');
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toBe('nothing due');

    const later = await run('2026-12-14T07:05:00Z');
    expect(later.code).toBe(0);
    expect(await pdfs(join(out, 'weekly-overview'))).toEqual([
      'weekly-overview-2026-11-23.pdf',
      'weekly-overview-2026-12-14.pdf',
    ]);
  });

  it('builds each due brief exactly once when two processes start together', async () => {
    const out = await tmp();
    const args = ['run', '--due', '--now', '2026-11-23T07:05:00Z', '--out', out];
    const [a, b] = await Promise.all([runBrief(args), runBrief(args)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const builtLines = `${a.stdout}\n${b.stdout}`.split('\n').filter((l) => l.includes(': built'));
    expect(builtLines).toHaveLength(1);
    expect(await pdfs(join(out, 'weekly-overview'))).toEqual(['weekly-overview-2026-11-23.pdf']);
  });

  it('a brief that fails keeps its state, the others build, and the run exits 1', async () => {
    const dir = await tmp();
    await mkdir(join(dir, 'briefs'));
    await mkdir(join(dir, 'templates'));
    await cp(join(ROOT, 'templates', 'analyst'), join(dir, 'templates', 'broken'), {
      recursive: true,
    });
    await writeFile(join(dir, 'templates', 'broken', 'cover.hbs'), '{{brief.nonexistent}}\n');
    const brief = (audience: string) =>
      `title: T\nthemes: [diplomacy]\naudience: ${audience}\ncorpus: ${join(ROOT, 'corpus')}\nschedule: {cron: "0 6 * * *", timezone: UTC}\n`;
    await writeFile(join(dir, 'briefs', 'good.yaml'), brief('analyst'));
    await writeFile(join(dir, 'briefs', 'bad.yaml'), brief('broken'));
    const result = await runBrief(
      ['run', '--due', '--now', '2026-11-23T06:30:00Z', '--out', 'out'],
      { cwd: dir },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad \(as of 2026-11-23\) failed/);
    expect(result.stderr).toMatch(/cover\.hbs:1:\d+: error/);
    expect(await pdfs(join(dir, 'out', 'good'))).toEqual(['good-2026-11-23.pdf']);
    const state = JSON.parse(
      await readFile(join(dir, 'out', '.briefgen', 'schedule-state.json'), 'utf8'),
    ) as { briefs: object };
    expect(Object.keys(state.briefs)).toEqual(['good']);
  });

  it('on_empty: skip writes no PDF for a brief whose themes matched nothing, and advances its state', async () => {
    const dir = await tmp();
    await writeFile(
      join(dir, 'quiet.yaml'),
      [
        'title: Volcanoes',
        'themes: [{id: volcanoes, label: Volcanoes, terms: [volcano, lava]}]',
        `corpus: ${join(ROOT, 'corpus')}`,
        'schedule: {cron: "0 6 * * *", timezone: UTC, on_empty: skip}',
        '',
      ].join('\n'),
    );
    const result = await runBrief(
      ['run', '--due', 'quiet.yaml', '--now', '2026-11-23T06:30:00Z', '--out', 'out'],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('quiet: nothing to report for 2026-11-23, no PDF');
    expect(existsSync(join(dir, 'out', 'quiet'))).toBe(false);
    const again = await runBrief(
      ['run', '--due', 'quiet.yaml', '--now', '2026-11-23T06:40:00Z', '--out', 'out'],
      { cwd: dir },
    );
    expect(again.stdout.trim()).toBe('nothing due');
  });

  it('refuses to run without --due', async () => {
    const result = await runBrief(['run']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('needs --due');
  });
});

describe('brief schedule', () => {
  it('lists scheduled briefs with a description, last and next run', async () => {
    const result = await runBrief([
      'schedule',
      '--json',
      '--now',
      '2026-11-23T07:05:00Z',
      '--out',
      await tmp(),
    ]);
    expect(result.code).toBe(0);
    const listing = JSON.parse(result.stdout) as { briefs: Record<string, unknown>[] };
    expect(listing.briefs).toEqual([
      expect.objectContaining({
        id: 'weekly-overview',
        cron: '0 7 * * MON',
        timezone: 'Europe/London',
        description: 'At 07:00, only on Monday (Europe/London)',
        lastRun: null,
        nextRun: '2026-11-30T07:00:00.000Z',
        due: true,
      }),
    ]);
  });
  it('reports an impossible cron expression at its line and column', async () => {
    const dir = await tmp();
    await writeFile(
      join(dir, 'b.yaml'),
      'title: T\nthemes: [diplomacy]\nschedule:\n  cron: "0 25 * * MON"\n  timezone: UTC\n',
    );
    const result = await runBrief(['validate', 'b.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/b\.yaml:4:9: error: invalid cron expression/);
  });
  it('reports an unknown time zone with a hint', async () => {
    const dir = await tmp();
    await writeFile(
      join(dir, 'b.yaml'),
      'title: T\nthemes: [diplomacy]\nschedule: {cron: "0 7 * * MON", timezone: Europe/Londn}\n',
    );
    const result = await runBrief(['validate', 'b.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /b\.yaml:3:\d+: error: unknown time zone "Europe\/Londn"[\s\S]*IANA/,
    );
  });
});

describe('brief daemon', () => {
  it('builds what is due, then stops cleanly on SIGTERM with exit 0', async () => {
    const dir = await tmp();
    await mkdir(join(dir, 'briefs'));
    await writeFile(
      join(dir, 'briefs', 'minutely.yaml'),
      `title: T\nthemes: [diplomacy]\ncorpus: ${join(ROOT, 'corpus')}\nschedule: "* * * * *"\n`,
    );
    const child = spawn(
      process.execPath,
      [join(ROOT, 'dist', 'src', 'cli', 'main.js'), 'daemon', '--out', 'out'],
      { cwd: dir },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`daemon built nothing: ${stdout}`)), 30_000);
      child.stdout.on('data', () => {
        if (stdout.includes('minutely: built')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stdout).toMatch(/stopped\n$/);
    expect((await pdfs(join(dir, 'out', 'minutely'))).length).toBe(1);
  });
});
