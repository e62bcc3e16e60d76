import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BriefModel } from '../model/index.js';
import { BriefError } from '../shared/errors.js';
import { packagePath } from '../shared/packageInfo.js';
import type { Template } from './loadTemplate.js';
import { renderPdf, type RenderWarnings } from './renderPdf.js';
import { templateFolder, type RenderResult, type RenderTask } from './renderWorker.js';

export interface RenderJob {
  model: BriefModel;
  template: Template;
}

export interface RenderPdfsOptions {
  /** Worker threads; default one per core, at most one per brief. */
  threads?: number;
}

/**
 * Several briefs' PDFs, in the order given: rendered side by side in worker threads, one per
 * core, since layout is CPU-bound and a `build FOLDER` call renders briefs that do not depend on
 * each other. One brief, or one core, renders in this thread: a worker's start (importing
 * React-PDF, parsing fonts, a first unoptimised render) costs about a second, more than it
 * saves. Warnings reach `report` in the order of the briefs, whichever finishes first.
 */
export async function renderPdfs(
  jobs: readonly RenderJob[],
  report: RenderWarnings = { warn: () => undefined },
  options: RenderPdfsOptions = {},
): Promise<Buffer[]> {
  const threads = Math.min(options.threads ?? availableParallelism(), jobs.length);
  const worker = compiledWorker();
  if (threads < 2 || worker === undefined) {
    const pdfs: Buffer[] = [];
    for (const { model, template } of jobs) pdfs.push(await renderPdf(model, template, report));
    return pdfs;
  }
  // Loaded only for a pool: most builds render one brief, in this thread.
  const { Piscina } = await import('piscina');
  const pool = new Piscina<RenderTask, RenderResult>({
    filename: worker,
    minThreads: threads,
    maxThreads: threads,
  });
  try {
    // Every brief is waited for, so none is cut off mid-render when the pool closes.
    const results = await Promise.allSettled(
      jobs.map(({ model, template }) => pool.run({ model, template: templateFolder(template) })),
    );
    const pdfs: Buffer[] = [];
    for (const settled of results) {
      if (settled.status === 'rejected') {
        const cause = settled.reason as Error;
        throw new BriefError('RENDER_FAILED', `could not lay out the PDF: ${cause.message}`, {
          cause,
        });
      }
      const result = settled.value;
      for (const warning of result.warnings) report.warn(warning.file, warning.message);
      if ('error' in result) {
        const { code, message, ...located } = result.error;
        throw new BriefError(code, message, located);
      }
      pdfs.push(Buffer.from(result.pdf.buffer, result.pdf.byteOffset, result.pdf.byteLength));
    }
    return pdfs;
  } finally {
    await pool.destroy();
  }
}

/**
 * The compiled worker: beside this module when running from dist/, else (tests running the
 * TypeScript sources) the build's copy, if there is one; without one, briefs render in-thread.
 */
function compiledWorker(): string | undefined {
  const candidates = [
    fileURLToPath(new URL('./renderWorker.js', import.meta.url)),
    packagePath('dist', 'src', 'render', 'renderWorker.js'),
  ];
  return candidates.find((file) => existsSync(file));
}
