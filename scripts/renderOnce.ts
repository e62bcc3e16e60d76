/**
 * One render in a fresh process, for the bench's "cold" figure: `node renderOnce.js MODEL.json
 * [TEMPLATE]` prints `{ "ms": …, "pages": … }` for the first render in the process (the
 * modules already imported, as in `brief build`, where importing happens before assembly).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { BriefModel } from '../src/model/index.js';
import { loadTemplate, renderPdf } from '../src/render/index.js';

const [modelFile, templateName = 'analyst'] = process.argv.slice(2);
const model = JSON.parse(readFileSync(modelFile ?? '', 'utf8')) as BriefModel;
const template = await loadTemplate(templateName);
const start = performance.now();
const pdf = await renderPdf(model, template);
const ms = performance.now() - start;
const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
process.stdout.write(JSON.stringify({ ms, pages }) + '\n');
