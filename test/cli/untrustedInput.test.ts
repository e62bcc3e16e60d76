import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBrief } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/tempDirs.js';

const tempDir = useTempDirs('briefgen-untrusted-cli-');
const CORPUS = join(ROOT, 'corpus');
const ENERGY = join(ROOT, 'briefs', 'energy-and-resources.yaml');

/** A project folder holding briefs/<name> with `content`. */
async function projectWith(name: string, content: string | Buffer): Promise<string> {
  const project = await tempDir();
  await mkdir(join(project, 'briefs'));
  await writeFile(join(project, 'briefs', name), content);
  return project;
}

const build = (cwd: string, ...args: string[]) =>
  runBrief(['build', ...args, '--corpus', CORPUS, '--as-of', '2026-11-22'], { cwd });

function expectInputError(result: { code: number | null; stderr: string }, message: RegExp) {
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
}

describe('paths stay where they belong (exit 2, located)', () => {
  it('a brief file named "...yaml" is refused; nothing is written beside --out', async () => {
    const project = await projectWith('...yaml', 'title: T\nthemes: [diplomacy]\n');
    const validate = await runBrief(['validate', 'briefs/...yaml'], { cwd: project });
    const build = await runBrief(['build', 'briefs/...yaml', '--out', 'out/inner'], {
      cwd: project,
    });
    for (const result of [validate, build])
      expectInputError(
        result,
        /briefs\/\.\.\.yaml:1:1: error: the file name "\.\." is not a brief id/,
      );
    expect(await readdir(project)).toEqual(['briefs']);
  });
  it('--template ../../x is refused before any work', async () => {
    const project = await tempDir();
    const result = await build(project, ENERGY, '--template', '../../x', '--out', 'out');
    expectInputError(result, /error: --template: "\.\.\/\.\.\/x" is not a template name/);
    expect(existsSync(join(project, 'out'))).toBe(false);
  });
  it("a template's text file outside its folder is refused at its key in template.yaml", async () => {
    const project = await tempDir();
    const dir = join(project, 'templates', 'leaky');
    await cp(join(ROOT, 'templates', 'analyst'), dir, { recursive: true });
    const yaml = await readFile(join(dir, 'template.yaml'), 'utf8');
    await writeFile(
      join(dir, 'template.yaml'),
      yaml.replace('cover: cover.hbs', 'cover: ../../../../../../../etc/passwd'),
    );
    const result = await build(project, ENERGY, '--template', 'leaky', '--out', 'out');
    expectInputError(
      result,
      /leaky\/template\.yaml:\d+:\d+: error: "[./]+etc\/passwd" is outside the template folder/,
    );
    expect(result.stderr).not.toContain('root:');
  });
  it("a brief's taxonomy: /etc/passwd is refused at its key", async () => {
    const project = await projectWith(
      'b.yaml',
      'title: T\nthemes: [diplomacy]\ntaxonomy: ../../../../../../../etc/passwd\n',
    );
    const result = await runBrief(['validate', 'briefs/b.yaml'], { cwd: project });
    expectInputError(result, /b\.yaml:3:11: error: theme file ".*" is not a \.yaml or \.yml file/);
  });
});

describe('input errors exit 2, not 1', () => {
  it('window: last-99999999999999999999-days is refused by validate and build', async () => {
    const project = await projectWith(
      'b.yaml',
      'title: T\nthemes: [diplomacy]\nwindow: last-99999999999999999999-days\n',
    );
    for (const command of ['validate', 'build']) {
      const result = await runBrief([command, 'briefs/b.yaml'], { cwd: project });
      expectInputError(result, /b\.yaml:3:9: error: last-N-days counts from 1 to 36500 days/);
    }
  });
  it('--out naming a file, a device or a kernel folder is refused before any work', async () => {
    const project = await tempDir();
    await writeFile(join(project, 'a-file'), 'x');
    const cases: [string, RegExp][] = [
      ['a-file', /a-file: error: --out is not a folder/],
      ['a-file/sub', /a-file\/sub: error: --out cannot be created: .*a-file is not a folder/],
      ['/dev/full', /\/dev\/full: error: --out is not a folder/],
      ['/proc/self', /\/proc\/self: error: --out is inside \/proc, a system folder/],
    ];
    for (const [out, message] of cases) {
      const started = Date.now();
      const result = await build(project, ENERGY, '--out', out);
      expectInputError(result, message);
      expect(result.stdout).toBe('');
      expect(Date.now() - started, out).toBeLessThan(10_000);
    }
  });
  it('a Latin-1 brief is refused at the line and column of its first non-UTF-8 byte', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('title: Caf'),
      Buffer.from([0xe9]),
      Buffer.from('\nthemes: [diplomacy]\n'),
    ]);
    const project = await projectWith('b.yaml', latin1);
    const result = await build(project, 'briefs/b.yaml', '--out', 'out');
    expectInputError(result, /b\.yaml:1:11: error: the file is not UTF-8 text \(byte 0xE9\)/);
    expect(existsSync(join(project, 'out'))).toBe(false);
  });
  it('a brief over 1 MB is refused at once', async () => {
    const project = await projectWith(
      'b.yaml',
      `title: T\nthemes: [diplomacy]\n# ${'x'.repeat(2 * 1024 * 1024)}\n`,
    );
    const result = await runBrief(['validate', 'briefs/b.yaml'], { cwd: project });
    expectInputError(result, /b\.yaml: error: the file is 2\.0 MB; .* at most 1 MB/);
  });
});

describe('library messages', () => {
  it("a template's {{log}} reaches stderr as a warning naming the .hbs file and the brief", async () => {
    const project = await tempDir();
    const dir = join(project, 'templates', 'chatty');
    await cp(join(ROOT, 'templates', 'digest'), dir, { recursive: true });
    await writeFile(
      join(dir, 'intro.hbs'),
      '{{log "intro for" brief.id}}Intro{{brief.toString}}.\n',
    );
    const result = await build(project, ENERGY, '--template', 'chatty', '--out', 'out');
    expect(result.code).toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^brief: warning: .*chatty\/intro\.hbs: \{\{log\}\}: intro for energy-and-resources \(brief energy-and-resources, text "cover"\)$/,
      ),
      expect.stringMatching(
        /^brief: warning: .*chatty\/intro\.hbs: the template reads "toString", which is not a field of the brief model/,
      ),
    ]);
  });
});
