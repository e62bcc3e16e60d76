import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { loadTaxonomy } from '../analysis/index.js';
import { loadBrief, type BriefSpec } from '../brief/index.js';
import { listTemplates } from '../render/index.js';
import { BriefError } from '../shared/errors.js';
import type { CliContext } from './context.js';

const YAML = new Set(['.yaml', '.yml']);

/** Brief files named on the command line; a folder stands for the briefs inside it. */
export async function expandBriefPaths(
  inputs: string[],
  context: CliContext,
  fallback?: string,
): Promise<string[]> {
  if (inputs.length === 0 && fallback !== undefined) inputs = [fallback];
  if (inputs.length === 0) {
    throw new BriefError('USAGE', 'no brief given', {
      hint: 'name a brief file or a folder of briefs, e.g. briefs/',
    });
  }
  const files: string[] = [];
  for (const input of inputs) {
    const path = resolve(context.cwd, input);
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) {
      throw new BriefError('FILE_NOT_FOUND', `no such brief file or folder: ${input}`, {
        file: input,
        hint: 'check the path; it is resolved from the current folder',
      });
    }
    if (info.isDirectory()) {
      const entries = (await readdir(path)).filter((name) => YAML.has(extname(name))).sort();
      if (entries.length === 0) {
        throw new BriefError('FILE_NOT_FOUND', `no .yaml briefs in ${input}`, { file: input });
      }
      files.push(...entries.map((name) => join(path, name)));
    } else {
      files.push(path);
    }
  }
  // Name files as the user would: relative to the current folder when inside it.
  return files.map((file) => {
    const shown = relative(context.cwd, file);
    return shown === '' || shown.startsWith('..') ? file : shown;
  });
}

/** Load and validate every brief; all problems are collected so one run reports them all. */
export async function loadBriefs(
  files: string[],
  context: CliContext,
): Promise<{ briefs: BriefSpec[]; errors: BriefError[] }> {
  const taxonomy = await loadTaxonomy();
  const templates = await listTemplates(context.cwd);
  const briefs: BriefSpec[] = [];
  const errors: BriefError[] = [];
  for (const file of files) {
    try {
      briefs.push(await loadBrief(file, { taxonomy, templates, cwd: context.cwd }));
    } catch (error) {
      if (!(error instanceof BriefError)) throw error;
      errors.push(error);
    }
  }
  return { briefs, errors };
}
