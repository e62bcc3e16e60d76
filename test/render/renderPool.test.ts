import { cp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/analysis/index.js';
import { assembleBrief, loadBrief } from '../../src/brief/index.js';
import type { BriefModel } from '../../src/model/index.js';
import { listTemplates, loadTemplate, renderPdf, renderPdfs } from '../../src/render/index.js';
import { BriefError } from '../../src/shared/errors.js';
import { loadCorpus } from '../../src/store/index.js';
import { ROOT } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/tempDirs.js';

const tempDir = useTempDirs('briefgen-render-pool-');
const corpus = await loadCorpus(join(ROOT, 'corpus'));
const taxonomy = await loadTaxonomy();
const templates = await listTemplates(ROOT);
async function model(brief: string): Promise<BriefModel> {
  const spec = await loadBrief(join(ROOT, 'briefs', `${brief}.yaml`), { taxonomy, templates });
  return assembleBrief(spec, corpus, { asOf: '2026-11-23' });
}

/** A project whose templates/logged is the analyst template with a cover that logs the title. */
async function loggingTemplate() {
  const root = await tempDir();
  const dir = join(root, 'templates', 'logged');
  await cp(join(ROOT, 'templates', 'analyst'), dir, { recursive: true });
  await writeFile(join(dir, 'cover.hbs'), '{{log "cover of" brief.title}}Cover words.');
  return { root, dir, template: await loadTemplate('logged', root) };
}

describe('renderPdfs: several briefs in worker threads', () => {
  it('gives each brief the same bytes as rendering it alone, in the order given', async () => {
    const models = await Promise.all(
      ['energy-and-resources', 'labour-and-sanctions', 'weekly-overview'].map(model),
    );
    const analyst = await loadTemplate('analyst', ROOT);
    const digest = await loadTemplate('digest', ROOT);
    const jobs = models.map((m, i) => ({ model: m, template: i === 1 ? digest : analyst }));
    const pooled = await renderPdfs(jobs, undefined, { threads: 2 });
    expect(pooled).toHaveLength(3);
    for (const [i, job] of jobs.entries()) {
      const alone = await renderPdf(job.model, job.template);
      expect(Buffer.compare(pooled[i]!, alone)).toBe(0);
    }
  });
  it("reports each brief's warnings, naming the template file, in the order of the briefs", async () => {
    const { template } = await loggingTemplate();
    const models = await Promise.all(['labour-and-sanctions', 'energy-and-resources'].map(model));
    const warnings: string[] = [];
    await renderPdfs(
      models.map((m) => ({ model: m, template })),
      { warn: (file, message) => warnings.push(`${file.split('/').at(-1)}: ${message}`) },
      { threads: 2 },
    );
    expect(warnings.filter((w) => w.includes('cover of'))).toEqual(
      models.map((m) => expect.stringContaining(`cover.hbs: {{log}}: cover of ${m.brief.title}`)),
    );
  });
  it('fails with the located error of the brief that could not be rendered', async () => {
    const { root, template } = await loggingTemplate();
    await rm(join(root, 'templates'), { recursive: true });
    const models = await Promise.all(['labour-and-sanctions', 'energy-and-resources'].map(model));
    const error: unknown = await renderPdfs(
      models.map((m) => ({ model: m, template })),
      undefined,
      { threads: 2 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefError);
    expect((error as BriefError).code).toBe('UNKNOWN_TEMPLATE');
    expect((error as BriefError).message).toContain('logged');
  });
});
