import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../../src/analysis/index.js';
import { assembleBrief, loadBrief } from '../../src/brief/index.js';
import { loadCorpus } from '../../src/store/index.js';
import { listTemplates, loadTemplate, renderPdf } from '../../src/render/index.js';
import { ROOT } from '../helpers/cli.js';
import { rasterisePage } from '../helpers/rasterise.js';

/**
 * Pages rasterised (pdf.js on a canvas, see test/helpers/rasterise.ts) and compared with
 * reviewed reference images, pixel by pixel with a tolerance. After a deliberate change of
 * layout, look at the `.actual.png` files a failure leaves beside the references, then run
 * `UPDATE_REFERENCES=1 npx vitest run test/render/raster.test.ts` and look at the new ones.
 */
const REFERENCES = join(ROOT, 'test', 'fixtures', 'render');
const DPI = 36;
/** Share of pixels allowed to differ: anti-aliasing, not layout. */
const TOLERANCE = 0.001;

const cases = [
  { name: 'analyst-energy-cover', brief: 'energy-and-resources', template: 'analyst', page: 1 },
  { name: 'analyst-weekly-contents', brief: 'weekly-overview', template: 'analyst', page: 2 },
  { name: 'executive-weekly-page1', brief: 'weekly-overview', template: 'executive', page: 1 },
  { name: 'digest-weekly-page1', brief: 'weekly-overview', template: 'digest', page: 1 },
];

async function pagePng(brief: string, template: string, page: number): Promise<PNG> {
  const corpus = await loadCorpus(join(ROOT, 'corpus'));
  const spec = await loadBrief(join(ROOT, 'briefs', `${brief}.yaml`), {
    taxonomy: await loadTaxonomy(),
    templates: await listTemplates(ROOT),
  });
  const pdf = await renderPdf(
    assembleBrief(spec, corpus, { asOf: '2026-11-23' }),
    await loadTemplate(template, ROOT),
  );
  return PNG.sync.read(await rasterisePage(pdf, page, DPI));
}

describe('pages look as reviewed', () => {
  for (const c of cases) {
    it(`${c.name} matches its reference image`, async () => {
      const actual = await pagePng(c.brief, c.template, c.page);
      const file = join(REFERENCES, `${c.name}.png`);
      if (process.env.UPDATE_REFERENCES || !existsSync(file))
        writeFileSync(file, PNG.sync.write(actual));
      const expected = PNG.sync.read(readFileSync(file));
      expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
      const diff = pixelmatch(expected.data, actual.data, undefined, actual.width, actual.height, {
        threshold: 0.2,
      });
      if (diff / (actual.width * actual.height) > TOLERANCE)
        writeFileSync(file.replace(/\.png$/, '.actual.png'), PNG.sync.write(actual));
      expect(diff / (actual.width * actual.height)).toBeLessThanOrEqual(TOLERANCE);
    });
  }
});
