import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTaxonomy } from '../../src/analysis/index.js';
import { assembleBrief, loadBrief } from '../../src/brief/index.js';
import { loadCorpus } from '../../src/store/index.js';
import { listTemplates, loadTemplate, renderPdf } from '../../src/render/index.js';
import { BriefError } from '../../src/shared/errors.js';
import { ROOT } from '../helpers/cli.js';
import { readPdf } from '../helpers/readPdf.js';
import { useTempDirs } from '../helpers/tempDirs.js';

const tempDir = useTempDirs('briefgen-template-files-');
const corpus = await loadCorpus(join(ROOT, 'corpus'));
const spec = await loadBrief(join(ROOT, 'briefs', 'energy-and-resources.yaml'), {
  taxonomy: await loadTaxonomy(),
  templates: await listTemplates(ROOT),
});
const model = assembleBrief(spec, corpus, { asOf: '2026-11-23' });

/** A project with templates/custom, a copy of a shipped template changed by `change`. */
async function projectWith(from: string, change: (dir: string) => Promise<void>) {
  const root = await tempDir();
  const dir = join(root, 'templates', 'custom');
  await cp(join(ROOT, 'templates', from), dir, { recursive: true });
  await change(dir);
  return root;
}
const setKey = (dir: string, from: string | RegExp, to: string) =>
  readFile(join(dir, 'template.yaml'), 'utf8').then((yaml) =>
    writeFile(join(dir, 'template.yaml'), yaml.replace(from, to)),
  );
async function loadError(root: string): Promise<BriefError> {
  const error: unknown = await loadTemplate('custom', root).then(
    () => new Error('expected the template to be rejected'),
    (e: unknown) => e,
  );
  if (error instanceof BriefError) return error;
  throw error;
}
const lineOf = async (root: string, text: string) =>
  (await readFile(join(root, 'templates', 'custom', 'template.yaml'), 'utf8'))
    .split('\n')
    .findIndex((line) => line.includes(text)) + 1;

describe('a template only uses files inside its own folder', () => {
  it('text: {cover: ../../../etc/passwd} is an error at the key, and the file is never printed', async () => {
    const root = await projectWith('analyst', (dir) =>
      setKey(dir, 'cover: cover.hbs', 'cover: ../../../../../../../../etc/passwd'),
    );
    const error = await loadError(root);
    expect(error).toMatchObject({
      code: 'TEMPLATE_INVALID',
      file: expect.stringContaining('template.yaml') as string,
      line: await lineOf(root, 'etc/passwd'),
    });
    expect(error.message).toContain('is outside the template folder');
  });
  it('a .hbs file that is a symbolic link to a file elsewhere is refused', async () => {
    const outside = await tempDir();
    await writeFile(join(outside, 'secret.txt'), 'SECRET\n');
    const root = await projectWith('analyst', async (dir) => {
      await writeFile(join(dir, 'cover.hbs'), '');
      await symlink(join(outside, 'secret.txt'), join(dir, 'linked.hbs'));
      await setKey(dir, 'cover: cover.hbs', 'cover: linked.hbs');
    });
    const error = await loadError(root);
    expect(error.message).toMatch(/"linked\.hbs" is outside the template folder \(it leads to/);
  });
  it('a logo outside the template folder is refused, not embedded', async () => {
    const outside = await tempDir();
    await cp(
      join(ROOT, 'test', 'fixtures', 'render', 'digest-weekly-page1.png'),
      join(outside, 'x.png'),
    );
    const root = await projectWith('digest', (dir) =>
      setKey(
        dir,
        'blocks:',
        `logo: ${join('..', '..', '..', outside.split('/').pop() ?? '', 'x.png')}\nblocks:`,
      ),
    );
    const error = await loadError(root);
    expect(error).toMatchObject({ code: 'TEMPLATE_INVALID', line: await lineOf(root, 'logo:') });
    expect(error.message).toContain('is outside the template folder');
  });
  it('a logo inside the folder is accepted', async () => {
    const root = await projectWith('digest', async (dir) => {
      await cp(
        join(ROOT, 'test', 'fixtures', 'render', 'digest-weekly-page1.png'),
        join(dir, 'logo.png'),
      );
      await setKey(dir, 'blocks:', 'logo: logo.png\nblocks:');
    });
    expect((await loadTemplate('custom', root)).logo).toMatch(/custom\/logo\.png$/);
  });
});

describe('template names', () => {
  it('"../../x" is not a template name, wherever it comes from', async () => {
    await expect(loadTemplate('../../x', ROOT)).rejects.toMatchObject({
      code: 'UNKNOWN_TEMPLATE',
      message: '"../../x" is not a template name',
    });
  });
  it('folders whose names are not ids are not listed as templates', async () => {
    const root = await projectWith('digest', async () => undefined);
    await mkdir(join(root, 'templates', 'Bad Name'));
    await cp(join(root, 'templates', 'custom'), join(root, 'templates', 'Bad Name'), {
      recursive: true,
    });
    expect(await listTemplates(root)).not.toContain('Bad Name');
  });
});

describe('every text a template defines is printed or reported', () => {
  it('a disclaimer in a template without a cover is printed after the last block', async () => {
    const root = await projectWith('executive', async (dir) => {
      await writeFile(join(dir, 'legal.hbs'), 'Not for onward distribution without consent.\n');
      await setKey(dir, 'footer: footer.hbs', 'footer: footer.hbs\n  disclaimer: legal.hbs');
    });
    const template = await loadTemplate('custom', root);
    expect(template.warnings).toEqual([]);
    const pdf = await readPdf(await renderPdf(model, template));
    expect(pdf.pages.at(-1)).toContain('Not for onward distribution without consent.');
  });
  it('cover words without a cover or masthead block are a warning at the text key', async () => {
    const root = await projectWith('executive', (dir) =>
      setKey(dir, 'blocks: [masthead, ', 'blocks: ['),
    );
    const warnings: string[] = [];
    await renderPdf(model, await loadTemplate('custom', root), {
      warn: (file, message) => warnings.push(`${file}: ${message}`),
    });
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `template\\.yaml:${await lineOf(root, 'cover: summary.hbs')}:\\d+: text "cover" is never printed: it needs a cover or masthead block`,
        ),
      ),
    ]);
  });
});

describe('the changes block is optional outside the analyst template', () => {
  it('added to the digest, it prints the default words: the first brief has nothing to compare', async () => {
    const root = await projectWith('digest', (dir) =>
      setKey(dir, 'blocks: [masthead, digest,', 'blocks: [masthead, changes, digest,'),
    );
    const pdf = await readPdf(await renderPdf(model, await loadTemplate('custom', root)));
    expect(pdf.pages[0]).toContain(
      'What changed This is the first brief of its kind: there is no earlier brief to compare it with.',
    );
  });
  it('its words come from the template when it names a changes text', async () => {
    const root = await projectWith('executive', async (dir) => {
      await writeFile(
        join(dir, 'news.hbs'),
        '{{#unless changes.previous}}Nothing to compare yet ({{brief.id}}).{{/unless}}\n',
      );
      await setKey(
        dir,
        'blocks: [masthead, key-points,',
        'blocks: [masthead, key-points, changes,',
      );
      await setKey(dir, 'footer: footer.hbs', 'footer: footer.hbs\n  changes: news.hbs');
    });
    const template = await loadTemplate('custom', root);
    expect(template.warnings).toEqual([]);
    const pdf = await readPdf(await renderPdf(model, template));
    expect(pdf.text).toContain('What changed Nothing to compare yet (energy-and-resources).');
  });
  it('changes words without a changes block are a warning at the text key', async () => {
    const root = await projectWith('analyst', (dir) =>
      setKey(dir, 'key-points, changes,', 'key-points,'),
    );
    const template = await loadTemplate('custom', root);
    expect(template.warnings.map((w) => `${w.file}: ${w.message}`)).toEqual([
      expect.stringMatching(
        new RegExp(
          `template\\.yaml:${await lineOf(root, 'changes: changes.hbs')}:\\d+: text "changes" is never printed: it needs a changes block`,
        ),
      ),
    ]);
  });
});

describe('template messages reach the reporter, not the console', () => {
  const console_ = { warn: vi.fn(), error: vi.fn(), log: vi.fn() };
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(console_.warn);
    vi.spyOn(console, 'error').mockImplementation(console_.error);
    vi.spyOn(console, 'log').mockImplementation(console_.log);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    Object.values(console_).forEach((fn) => fn.mockReset());
  });

  it('{{log}} and a denied property become warnings naming the .hbs file, brief and text', async () => {
    const root = await projectWith('digest', (dir) =>
      writeFile(join(dir, 'intro.hbs'), '{{log "checking" brief.id}}Intro{{brief.toString}}.\n'),
    );
    const warnings: string[] = [];
    const pdf = await renderPdf(model, await loadTemplate('custom', root), {
      warn: (file, message) => warnings.push(`${file}: ${message}`),
    });
    expect(warnings).toEqual([
      expect.stringMatching(
        /intro\.hbs: \{\{log\}\}: checking energy-and-resources \(brief energy-and-resources, text "cover"\)$/,
      ),
      expect.stringMatching(
        /intro\.hbs: the template reads "toString", which is not a field of the brief model/,
      ),
    ]);
    expect((await readPdf(pdf)).text).toContain('Intro.');
    expect([
      ...console_.warn.mock.calls,
      ...console_.error.mock.calls,
      ...console_.log.mock.calls,
    ]).toEqual([]);
  });
  it('a logo React-PDF cannot read becomes a warning naming template.yaml', async () => {
    const root = await projectWith('digest', async (dir) => {
      await writeFile(join(dir, 'logo.png'), 'not a PNG');
      await setKey(dir, 'blocks:', 'logo: logo.png\nblocks:');
    });
    const warnings: string[] = [];
    await renderPdf(model, await loadTemplate('custom', root), {
      warn: (file, message) => warnings.push(`${file}: ${message}`),
    });
    expect(warnings).toEqual([
      expect.stringMatching(/custom\/template\.yaml: layout: .* \(brief energy-and-resources\)$/),
    ]);
    expect(console_.warn).not.toHaveBeenCalled();
  });
});
