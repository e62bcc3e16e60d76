import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/analysis/index.js';
import { loadBrief } from '../../src/brief/index.js';
import { BriefError } from '../../src/shared/errors.js';
import { useTempDirs } from '../helpers/tempDirs.js';

const taxonomy = await loadTaxonomy();
const tempDir = useTempDirs('briefgen-untrusted-');

/** Load `name` written with `content` in a fresh project folder (briefs/ inside it). */
async function load(
  name: string,
  content: string | Buffer,
  setup?: (project: string) => Promise<void>,
) {
  const project = await tempDir();
  await mkdir(join(project, 'briefs'));
  await writeFile(join(project, 'briefs', name), content);
  await setup?.(project);
  return loadBrief(join('briefs', name), { taxonomy, templates: ['analyst'], cwd: project });
}

async function errorFrom(...args: Parameters<typeof load>): Promise<BriefError> {
  const error: unknown = await load(...args).then(
    () => new Error('expected the brief to be rejected'),
    (e: unknown) => e,
  );
  if (error instanceof BriefError) return error;
  throw error;
}

const BRIEF = 'title: T\nthemes: [diplomacy]\n';

describe('a brief id taken from the file name', () => {
  it('is the file name when that is a valid id', async () => {
    expect((await load('weekly-1.yaml', BRIEF)).id).toBe('weekly-1');
  });
  it('"...yaml" (id "..") is rejected, not turned into a path out of --out', async () => {
    const error = await errorFrom('...yaml', BRIEF);
    expect(error).toMatchObject({ code: 'BRIEF_INVALID', file: 'briefs/...yaml', line: 1 });
    expect(error.message).toBe('the file name ".." is not a brief id');
    expect(error.hint).toContain('add "id: ');
  });
  it('a file name with capitals or spaces is rejected with an id to use instead', async () => {
    const error = await errorFrom('Weekly Brief.yaml', BRIEF);
    expect(error.hint).toContain('"id: weekly-brief"');
  });
  it('an explicit id: wins over an unusable file name', async () => {
    expect((await load('Weekly Brief.yaml', `${BRIEF}id: weekly\n`)).id).toBe('weekly');
  });
});

describe('window: last-N-days', () => {
  it('a huge N is a located error, not "Invalid time value" at build time', async () => {
    const error = await errorFrom('b.yaml', `${BRIEF}window: last-99999999999999999999-days\n`);
    expect(error).toMatchObject({ code: 'BRIEF_INVALID', line: 3, column: 9 });
    expect(error.message).toContain('from 1 to 36500 days');
  });
  it('N = 0 is rejected and N = 36500 accepted', async () => {
    expect((await errorFrom('b.yaml', `${BRIEF}window: last-0-days\n`)).line).toBe(3);
    expect((await load('b.yaml', `${BRIEF}window: last-36500-days\n`)).window).toBe(
      'last-36500-days',
    );
  });
});

describe('taxonomy: a theme file', () => {
  it('that is not .yaml or .yml (e.g. /etc/passwd) is rejected at the key, unread', async () => {
    const error = await errorFrom('b.yaml', `${BRIEF}taxonomy: ../../../../../../etc/passwd\n`);
    expect(error).toMatchObject({ code: 'BRIEF_INVALID', line: 3, column: 11 });
    expect(error.message).toContain('is not a .yaml or .yml file');
  });
  it('outside the brief folder and the project is rejected, symbolic links followed', async () => {
    const outside = await tempDir();
    await writeFile(join(outside, 'themes.yaml'), 'themes: []\n');
    const error = await errorFrom('b.yaml', `${BRIEF}taxonomy: themes.yaml\n`, (project) =>
      symlink(join(outside, 'themes.yaml'), join(project, 'briefs', 'themes.yaml')),
    );
    expect(error).toMatchObject({ code: 'BRIEF_INVALID', line: 3, column: 11 });
    expect(error.message).toContain('outside the brief');
  });
  it('in the project, beside or above the brief, is read', async () => {
    const themes = 'version: 1\nthemes:\n  - {id: rail, label: Railways, terms: [railway]}\n';
    const brief = await load(
      'b.yaml',
      'title: T\nthemes: [rail]\ntaxonomy: ../themes.yaml\n',
      (p) => writeFile(join(p, 'themes.yaml'), themes),
    );
    expect(brief.themes.map((t) => t.id)).toEqual(['rail']);
  });
});

describe('the brief file itself', () => {
  it('Latin-1 bytes are an error at the line and column of the first bad byte', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('title: Caf'),
      Buffer.from([0xe9]), // é in Latin-1
      Buffer.from(' briefing\nthemes: [diplomacy]\n'),
    ]);
    const error = await errorFrom('b.yaml', latin1);
    expect(error).toMatchObject({ code: 'FILE_NOT_UTF8', line: 1, column: 11 });
    expect(error.message).toContain('0xE9');
  });
  it('a bad byte after real non-ASCII text is located in characters', async () => {
    const bytes = Buffer.concat([
      Buffer.from('title: Россия\nsubtitle: ок '),
      Buffer.from([0xff]),
      Buffer.from('\nthemes: [diplomacy]\n'),
    ]);
    expect(await errorFrom('b.yaml', bytes)).toMatchObject({ line: 2, column: 14 });
  });
  it('larger than 1 MB is refused before it is parsed', async () => {
    const big = `${BRIEF}# ${'x'.repeat(1024 * 1024)}\n`;
    const started = Date.now();
    const error = await errorFrom('b.yaml', big);
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.message).toMatch(/the file is 1\.0 MB; .* at most 1 MB/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
