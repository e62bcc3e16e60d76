import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/analysis/index.js';
import { assembleBrief, loadBrief } from '../../src/brief/index.js';
import { loadCorpus } from '../../src/store/index.js';
import type { BriefModel } from '../../src/model/index.js';
import { listTemplates, loadTemplate, renderPdf } from '../../src/render/index.js';
import { ROOT } from '../helpers/cli.js';
import { readPdf } from '../helpers/readPdf.js';
import { useTempDirs } from '../helpers/tempDirs.js';

const tempDir = useTempDirs('briefgen-template-');

const BRIEFS = ['energy-and-resources', 'labour-and-sanctions', 'weekly-overview'];
const corpus = await loadCorpus(join(ROOT, 'corpus'));
const taxonomy = await loadTaxonomy();
const templates = await listTemplates(ROOT);
const models = new Map<string, BriefModel>();
for (const id of BRIEFS) {
  const spec = await loadBrief(join(ROOT, 'briefs', `${id}.yaml`), { taxonomy, templates });
  models.set(id, assembleBrief(spec, corpus, { asOf: '2026-11-23' }));
}

describe('every template renders every example brief', () => {
  it('ships the analyst, executive and digest templates', () => {
    expect(templates).toEqual(['analyst', 'digest', 'executive']);
  });
  for (const name of ['analyst', 'executive', 'digest']) {
    for (const id of BRIEFS) {
      it(`${name} × ${id}: title, metadata, marking and "Page X of Y" on every page`, async () => {
        const model = models.get(id) as BriefModel;
        const pdf = await readPdf(await renderPdf(model, await loadTemplate(name, ROOT)));
        expect(pdf.info.Title).toBe(model.brief.title);
        expect(pdf.info.Creator).toMatch(/^briefgen \d+\.\d+\.\d+$/);
        expect(pdf.text).toContain(model.brief.title);
        pdf.pages.forEach((text, i) => {
          expect(text).toContain(`Page ${i + 1} of ${pdf.numPages}`);
          if (model.brief.marking)
            expect(
              text.split(model.brief.marking).length - 1,
              `page ${i + 1}`,
            ).toBeGreaterThanOrEqual(2);
        });
        if (name === 'executive') expect(pdf.numPages).toBeLessThanOrEqual(2);
      });
    }
  }
});

describe('the analyst template', async () => {
  const model = models.get('weekly-overview') as BriefModel;
  const pdf = await readPdf(await renderPdf(model, await loadTemplate('analyst', ROOT)));

  it('has an outline entry for every section', () => {
    for (const [i, section] of model.sections.entries())
      expect(pdf.outline).toContain(`${i + 1}. ${section.label}`);
  });
  it('has a table of contents whose links and page numbers land on their sections', () => {
    const tocPage = pdf.pages.findIndex((text) => text.includes('Contents'));
    const tocLinks = pdf.links.filter((link) => link.page === tocPage);
    expect(tocLinks.length).toBeGreaterThanOrEqual(model.sections.length);
    for (const [i, section] of model.sections.entries()) {
      const listed = new RegExp(`${i + 1}\\. ${section.label} (\\d+)`).exec(
        pdf.pages[tocPage] ?? '',
      );
      const page = Number(listed?.[1]);
      expect(pdf.pages[page - 1], section.label).toContain(section.label);
    }
    for (const link of tocLinks) expect(link.target).toBeGreaterThanOrEqual(tocPage);
  });
});

describe('template errors', () => {
  const lineOf = async (text: string) =>
    (await readFile(join(ROOT, 'templates', 'analyst', 'template.yaml'), 'utf8'))
      .split('\n')
      .findIndex((l) => l.includes(text)) + 1;
  async function templateWith(change: (dir: string) => Promise<void>) {
    const root = await tempDir();
    const dir = join(root, 'templates', 'custom');
    await cp(join(ROOT, 'templates', 'analyst'), dir, { recursive: true });
    await change(dir);
    return root;
  }
  const edit = (dir: string, from: string, to: string) => async () => {
    const file = join(dir, 'template.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(from, to));
  };
  it('an unknown block names the template file and line', async () => {
    const root = await templateWith(async (dir) =>
      edit(dir, 'blocks: [cover,', 'blocks: [cover, charts,')(),
    );
    const line = await lineOf('blocks:');
    await expect(loadTemplate('custom', root)).rejects.toMatchObject({
      code: 'TEMPLATE_INVALID',
      line,
      file: expect.stringContaining('template.yaml') as string,
    });
  });
  it('a bad colour names the template file and line', async () => {
    const root = await templateWith(async (dir) =>
      edit(dir, "accent: '#1f3a5f'", "accent: 'navy'")(),
    );
    const line = await lineOf('accent:');
    await expect(loadTemplate('custom', root)).rejects.toMatchObject({
      code: 'TEMPLATE_INVALID',
      line,
    });
  });
  it('a missing .hbs file is named, at its line in template.yaml', async () => {
    const root = await templateWith(async (dir) =>
      edit(dir, 'cover: cover.hbs', 'cover: missing.hbs')(),
    );
    await expect(loadTemplate('custom', root)).rejects.toMatchObject({
      code: 'TEMPLATE_INVALID',
      message: expect.stringContaining('"missing.hbs" does not exist') as string,
      file: expect.stringContaining('template.yaml') as string,
      line: await lineOf('cover: cover.hbs'),
    });
  });
  it('a Handlebars syntax error names the .hbs file and line', async () => {
    const root = await templateWith(async (dir) =>
      writeFile(join(dir, 'cover.hbs'), 'One\n{{#if brief.title}}unclosed\n'),
    );
    await expect(loadTemplate('custom', root)).rejects.toMatchObject({
      code: 'TEMPLATE_INVALID',
      file: expect.stringContaining('cover.hbs') as string,
      line: 3, // Handlebars notices the unclosed block where the file ends
    });
  });
  it('changing a .hbs file alone changes the words of the PDF', async () => {
    const root = await templateWith(async (dir) =>
      writeFile(join(dir, 'cover.hbs'), 'Prepared for the Minister, {{date brief.asOf}}.\n'),
    );
    const pdf = await readPdf(
      await renderPdf(
        models.get('energy-and-resources') as BriefModel,
        await loadTemplate('custom', root),
      ),
    );
    expect(pdf.text).toContain('Prepared for the Minister, 23 November 2026.');
  });
});
