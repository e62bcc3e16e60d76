import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBrief } from '../helpers/cli.js';
import { useTempDirs } from '../schedule/tempDirs.js';

// Every --now below is in the past of the wall clock: a state entry later than the clock is
// not trusted (see 'a future --now').
const tmp = useTempDirs('briefgen-run-');
const pdfs = async (dir: string) =>
  existsSync(dir) ? (await readdir(dir)).filter((f) => f.endsWith('.pdf')).sort() : [];

describe('brief run --due', () => {
  it('builds the weekly overview once for its slot, nothing on a repeat, one brief after missed weeks', async () => {
    const out = await tmp();
    const run = (now: string) => runBrief(['run', '--due', '--now', now, '--out', out]);
    const first = await run('2026-10-26T07:05:00Z');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('weekly-overview: built');
    expect(await pdfs(join(out, 'weekly-overview'))).toEqual(['weekly-overview-2026-10-26.pdf']);
    expect(await pdfs(join(out, 'energy-and-resources'))).toEqual([]);

    const again = await run('2026-10-26T07:05:00Z');
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toBe('nothing due');

    const later = await run('2026-11-16T07:05:00Z');
    expect(later.code).toBe(0);
    expect(await pdfs(join(out, 'weekly-overview'))).toEqual([
      'weekly-overview-2026-10-26.pdf',
      'weekly-overview-2026-11-16.pdf',
    ]);
  });

  it('builds each due brief exactly once when two processes start together', async () => {
    const out = await tmp();
    const args = ['run', '--due', '--now', '2026-11-16T07:05:00Z', '--out', out];
    const [a, b] = await Promise.all([runBrief(args), runBrief(args)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const builtLines = `${a.stdout}\n${b.stdout}`.split('\n').filter((l) => l.includes(': built'));
    expect(builtLines).toHaveLength(1);
    expect(await pdfs(join(out, 'weekly-overview'))).toEqual(['weekly-overview-2026-11-16.pdf']);
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
      ['run', '--due', '--now', '2026-11-16T06:30:00Z', '--out', 'out'],
      { cwd: dir },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad \(as of 2026-11-16\) failed/);
    expect(result.stderr).toMatch(/cover\.hbs:1:\d+: error/);
    expect(await pdfs(join(dir, 'out', 'good'))).toEqual(['good-2026-11-16.pdf']);
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
      ['run', '--due', 'quiet.yaml', '--now', '2026-11-16T06:30:00Z', '--out', 'out'],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('quiet: nothing to report for 2026-11-16, no PDF');
    expect(existsSync(join(dir, 'out', 'quiet'))).toBe(false);
    const again = await runBrief(
      ['run', '--due', 'quiet.yaml', '--now', '2026-11-16T06:40:00Z', '--out', 'out'],
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

/** A folder with briefs/ holding the given files, to run `brief` in. */
async function project(files: Record<string, string>): Promise<string> {
  const dir = await tmp();
  await mkdir(join(dir, 'briefs'));
  for (const [name, text] of Object.entries(files)) {
    await writeFile(join(dir, 'briefs', name), text);
  }
  return dir;
}
const dailyBrief = (onEmpty = 'note') =>
  `title: T\nthemes: [diplomacy]\ncorpus: ${join(ROOT, 'corpus')}\nschedule: {cron: "0 6 * * *", timezone: UTC, on_empty: ${onEmpty}}\n`;
/** Matches nothing in the sample corpus and skips: quick to "build", still records state. */
const quietBrief = `title: Volcanoes\nthemes: [{id: volcanoes, label: Volcanoes, terms: [volcano]}]\ncorpus: ${join(ROOT, 'corpus')}\nschedule: {cron: "0 6 * * *", timezone: UTC, on_empty: skip}\n`;
const themeFile =
  'version: 1\nthemes:\n  - id: rail\n    label: Railways and ports\n    terms: {railway: 3, port: 2}\n';
const aliasBomb = [
  'title: Bomb',
  'themes: [diplomacy]',
  'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  ...['b', 'c', 'd', 'e', 'f', 'g', 'h'].map(
    (name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`,
  ),
  '',
].join('\n');
const stateFile = (dir: string) => join(dir, 'output', '.briefgen', 'schedule-state.json');
const readStateFile = async (dir: string) =>
  JSON.parse(await readFile(stateFile(dir), 'utf8')) as {
    briefs: Record<string, { lastRun: string }>;
  };

describe('trying a time with --now', () => {
  it('--dry-run (the README example) says what would be built and writes nothing, so a real run still builds', async () => {
    const dir = await project({ 'weekly.yaml': dailyBrief() });
    const dry = await runBrief(['run', '--due', '--dry-run', '--now', '2026-11-16T06:05:00Z'], {
      cwd: dir,
    });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      'weekly: would build output/weekly/weekly-2026-11-16.pdf (scheduled 2026-11-16T06:00:00.000Z)',
    );
    expect(dry.stdout).toContain('dry run: nothing written');
    expect(existsSync(join(dir, 'output'))).toBe(false);
    const real = await runBrief(['run', '--due', '--now', '2026-11-16T06:05:00Z'], { cwd: dir });
    expect(real.stdout).toContain('weekly: built output/weekly/weekly-2026-11-16.pdf');
  });

  it('every README example that sets --now is a dry run, so trying it changes no later run', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const examples = readme.match(/brief run --due[^`\n]*--now \d{4}-[^`\n]*/g) ?? [];
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.filter((example) => !example.includes('--dry-run'))).toEqual([]);
  });

  it('a future --now warns; the last run it records is then reported and ignored, not trusted', async () => {
    const dir = await project({ 'quiet.yaml': quietBrief });
    const future = await runBrief(['run', '--due', '--now', '2099-01-05T06:30:00Z'], { cwd: dir });
    expect(future.code).toBe(0);
    expect(future.stderr).toContain('--now 2099-01-05T06:30:00.000Z is later than the clock');
    const listing = await runBrief(['schedule'], { cwd: dir });
    expect(listing.code).toBe(0);
    expect(listing.stderr).toMatch(
      /warning: output\/\.briefgen\/schedule-state\.json: quiet: last run 2099-01-05T06:00:00\.000Z is later than the clock .*; ignored, so its latest slot is due/,
    );
    expect(listing.stdout).toMatch(/quiet {2}\(due now\)\n[\s\S]*last run {2}never/);
    const real = await runBrief(['run', '--due'], { cwd: dir });
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/quiet: nothing to report for \d{4}-\d{2}-\d{2}/);
    expect((await readStateFile(dir)).briefs.quiet?.lastRun).toMatch(/^20[0-8]\d-/);
  });

  it('brief schedule --reset forgets a brief, by id or by file, so its latest slot is due again', async () => {
    const dir = await project({ 'quiet.yaml': quietBrief });
    const run = () => runBrief(['run', '--due', '--now', '2026-11-16T06:05:00Z'], { cwd: dir });
    await run();
    expect((await run()).stdout.trim()).toBe('nothing due');
    const reset = await runBrief(['schedule', '--reset', 'quiet'], { cwd: dir });
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain('quiet: schedule state cleared');
    expect((await readStateFile(dir)).briefs).toEqual({});
    expect((await run()).stdout).toContain('quiet: nothing to report for 2026-11-16');
    const byFile = await runBrief(['schedule', '--reset', 'briefs/quiet.yaml'], { cwd: dir });
    expect(byFile.stdout).toContain('quiet: schedule state cleared');
  });

  it.each([
    ['2026-02-30T07:05:00Z', 'is not a calendar date: February 2026 has 28 days'],
    ['2026-11-23T25:05:00Z', 'is not a time of day'],
    ['2026-11-23T07:05:00', 'has no time zone'],
    ['2026-11-23 07:05', 'is not an ISO 8601 date and time'],
  ])('rejects --now %s with a usage error, building nothing', async (now, message) => {
    const dir = await project({ 'weekly.yaml': dailyBrief() });
    const result = await runBrief(['run', '--due', '--now', now], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`brief: error: --now "${now}" ${message}`);
    expect(result.stderr).toContain('hint: write a real date and time in ISO 8601');
    expect(existsSync(join(dir, 'output'))).toBe(false);
  });
});

describe('one bad file among the briefs', () => {
  it('a theme file kept in briefs/ is skipped with a note by schedule, validate and run --due', async () => {
    const dir = await project({ 'quiet.yaml': quietBrief, 'my-themes.yaml': themeFile });
    const note = 'brief: note: briefs/my-themes.yaml: not a brief (a theme file';
    const listing = await runBrief(['schedule'], { cwd: dir });
    expect([listing.code, listing.stdout]).toEqual([0, expect.stringMatching(/^quiet/)]);
    expect(listing.stderr).toContain(note);
    const validate = await runBrief(['validate', 'briefs'], { cwd: dir });
    expect(validate.code).toBe(0);
    expect(validate.stderr).toContain(note);
    const run = await runBrief(['run', '--due', '--now', '2026-11-16T06:05:00Z'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('quiet: nothing to report');
    const named = await runBrief(['validate', 'briefs/my-themes.yaml'], { cwd: dir });
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('briefs/my-themes.yaml: error: not a brief: a theme file');
  });

  it('a brief with a misspelt title is still a brief with an error, not skipped as another file', async () => {
    const dir = await project({
      'my-themes.yaml': themeFile,
      'typo.yaml': 'titel: T\nthemes: [{id: rail, label: Rail, terms: [railway]}]\n',
    });
    const validate = await runBrief(['validate', 'briefs'], { cwd: dir });
    expect(validate.code).toBe(2);
    expect(validate.stderr).toMatch(/briefs\/typo\.yaml:1:1: error: .*title/);
    expect(validate.stderr).toContain('note: briefs/my-themes.yaml: not a brief');
  });

  it('an alias bomb and a broken brief are located errors; the other briefs are listed and built', async () => {
    const dir = await project({
      'bomb.yaml': aliasBomb,
      'quiet.yaml': quietBrief,
      'typo.yaml': 'title: T\nthemes: [diplomacyy]\nschedule: "0 6 * * *"\n',
    });
    const run = await runBrief(['run', '--due', '--now', '2026-11-16T06:05:00Z'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('quiet: nothing to report');
    expect(run.stderr).toMatch(/briefs\/bomb\.yaml:4:\d+: error: YAML aliases expand too far/);
    expect(run.stderr).toMatch(/briefs\/typo\.yaml:2:\d+: error: .*diplomacyy/);
    expect(run.stderr).not.toContain('internal error');
    const listing = await runBrief(['schedule'], { cwd: dir });
    expect(listing.code).toBe(2);
    expect(listing.stdout).toMatch(/^quiet/);
    const validate = await runBrief(['validate', 'briefs'], { cwd: dir });
    expect(validate.code).toBe(2);
    expect(validate.stderr).toMatch(/bomb\.yaml:4:\d+: error[\s\S]*typo\.yaml:2:\d+: error/);
    expect(validate.stdout).toContain('ok briefs/quiet.yaml');
  });
});

describe('a damaged schedule state', () => {
  it.each([
    ['invalid JSON', '{"version": 1, "briefs": {', 'it is not JSON'],
    ['empty', '', 'it is empty'],
    ['{"briefs": null}', '{"briefs": null}', 'it is not {"version": 1'],
    ['a folder', undefined, 'it is a folder'],
  ])('that is %s is reported, set aside as a backup and rebuilt', async (_, content, reason) => {
    const dir = await project({ 'quiet.yaml': quietBrief });
    await mkdir(join(dir, 'output', '.briefgen'), { recursive: true });
    if (content === undefined) await mkdir(stateFile(dir));
    else await writeFile(stateFile(dir), content);
    const listing = await runBrief(['schedule'], { cwd: dir });
    expect(listing.code).toBe(0);
    expect(listing.stderr).toContain(
      `warning: output/.briefgen/schedule-state.json: damaged (${reason}`,
    );
    expect(listing.stdout).toMatch(/^quiet {2}\(due now\)/);
    const run = await runBrief(['run', '--due', '--now', '2026-11-16T06:05:00Z'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/set aside as schedule-state\.json\.damaged-\d{8}T\d{6}Z/);
    expect(run.stdout).toContain('quiet: nothing to report');
    const files = await readdir(join(dir, 'output', '.briefgen'));
    expect(files.filter((f) => f.startsWith('schedule-state.json.damaged-'))).toHaveLength(1);
    expect((await readStateFile(dir)).briefs.quiet?.lastRun).toBe('2026-11-16T06:00:00.000Z');
  });

  it('an entry whose lastRun is not a time is reported and ignored, and the brief builds', async () => {
    const dir = await project({ 'quiet.yaml': quietBrief });
    await mkdir(join(dir, 'output', '.briefgen'), { recursive: true });
    await writeFile(
      stateFile(dir),
      JSON.stringify({ version: 1, briefs: { quiet: { lastRun: 'garbage', finishedAt: 'x' } } }),
    );
    const run = await runBrief(['run', '--due', '--now', '2026-11-16T06:05:00Z'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('quiet: lastRun "garbage" is not a date and time; ignored');
    expect(run.stdout).toContain('quiet: nothing to report');
    const again = await runBrief(['run', '--due', '--now', '2026-11-16T06:05:00Z'], { cwd: dir });
    expect([again.stdout.trim(), again.stderr]).toEqual(['nothing due', '']);
  });

  it('a state lock held by a live process fails the run fast, before any PDF is written', async () => {
    const dir = await project({ 'weekly.yaml': dailyBrief() });
    await mkdir(join(dir, 'output', '.briefgen'), { recursive: true });
    const live = { pid: process.pid, acquiredAt: new Date().toISOString() };
    await writeFile(join(dir, 'output', '.briefgen', 'schedule-state.lock'), JSON.stringify(live));
    const started = Date.now();
    const run = await runBrief(['run', '--due', '--now', '2026-11-16T06:05:00Z'], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `output/.briefgen/schedule-state.lock: error: the schedule state is locked by process ${process.pid}`,
    );
    expect(run.stderr).not.toContain('internal error');
    expect(existsSync(join(dir, 'output', 'weekly'))).toBe(false);
  });

  it('a run with a later --now does not take over the lock of a live run', async () => {
    const dir = await project({ 'quiet.yaml': quietBrief });
    await mkdir(join(dir, 'output', '.briefgen', 'locks'), { recursive: true });
    const live = { pid: process.pid, acquiredAt: new Date().toISOString() };
    await writeFile(join(dir, 'output', '.briefgen', 'locks', 'quiet.lock'), JSON.stringify(live));
    const run = await runBrief(['run', '--due', '--now', '2099-01-05T06:30:00Z'], { cwd: dir });
    expect(run.stdout).toContain('quiet: being built by another process, skipped');
    expect(existsSync(stateFile(dir))).toBe(false);
  });
});
