import { basename, dirname } from 'node:path';
import type { BriefModel } from '../model/index.js';
import type { BriefError, ErrorCode, Warning } from '../shared/errors.js';
import { loadTemplate, type Template } from './loadTemplate.js';
import { renderPdf } from './renderPdf.js';

/** One brief to render in a worker thread: the template travels as its folder, not its code. */
export interface RenderTask {
  model: BriefModel;
  template: TemplateFolder;
}

/**
 * Where a template was found, as loadTemplate's arguments: its folder's name (which may differ
 * from the `name` in its template.yaml) and the folder above its templates/ (or briefgen's own).
 */
export interface TemplateFolder {
  name: string;
  cwd: string;
}

export type RenderResult =
  | { pdf: Uint8Array; warnings: Warning[] }
  /** A BriefError does not survive the trip between threads as itself: it travels as data. */
  | {
      error: { code: ErrorCode; message: string; file?: string; hint?: string };
      warnings: Warning[];
    };

const templates = new Map<string, Promise<Template>>();

export function templateFolder(template: Template): TemplateFolder {
  return { name: basename(template.dir), cwd: dirname(dirname(template.dir)) };
}

/** Render one brief; warnings come back as data for the main thread to report in order. */
export default async function renderInThread(task: RenderTask): Promise<RenderResult> {
  const { name, cwd } = task.template;
  const key = `${cwd}\0${name}`;
  let template = templates.get(key);
  if (!template) templates.set(key, (template = loadTemplate(name, cwd)));
  const warnings: Warning[] = [];
  try {
    const pdf = await renderPdf(task.model, await template, {
      warn: (file, message) => warnings.push({ file, message }),
    });
    return { pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), warnings };
  } catch (error) {
    const { code = 'RENDER_FAILED', message, file, hint } = error as Partial<BriefError> & Error;
    return {
      error: {
        code,
        message,
        ...(file !== undefined ? { file } : {}),
        ...(hint !== undefined ? { hint } : {}),
      },
      warnings,
    };
  }
}
