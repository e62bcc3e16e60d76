import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { loadTaxonomy } from '../analysis/index.js';
import { BriefFile, loadBrief, type BriefSpec } from '../brief/index.js';
import { listTemplates } from '../render/index.js';
import { BriefError } from '../shared/errors.js';
import { closestMatch } from '../shared/suggest.js';
import { readYamlFile } from '../shared/yamlFile.js';
import type { CliContext } from './context.js';

const YAML = new Set(['.yaml', '.yml']);

/**
 * Brief files to load. Those found by listing a folder may turn out not to be briefs (a theme
 * file kept beside them, say): they are skipped, where a file named on its own is an error.
 */
export type BriefPaths = string[] & { foundInFolder?: ReadonlySet<string> };

/** Brief files named on the command line; a folder stands for the briefs inside it. */
export async function expandBriefPaths(
  inputs: string[],
  context: CliContext,
  fallback?: string,
): Promise<BriefPaths> {
  if (inputs.length === 0 && fallback !== undefined) inputs = [fallback];
  if (inputs.length === 0) {
    throw new BriefError('USAGE', 'no brief given', {
      hint: 'name a brief file or a folder of briefs, e.g. briefs/',
    });
  }
  const files: string[] = [];
  const foundInFolder = new Set<string>();
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
      for (const name of entries) foundInFolder.add(join(path, name));
      files.push(...entries.map((name) => join(path, name)));
    } else {
      files.push(path);
    }
  }
  // Name files as the user would: relative to the current folder when inside it.
  const shown = (file: string) => {
    const rel = relative(context.cwd, file);
    return rel === '' || rel.startsWith('..') ? file : rel;
  };
  return Object.assign(files.map(shown), {
    foundInFolder: new Set([...foundInFolder].map(shown)),
  });
}

/**
 * Load and validate every brief; all problems are collected so one run reports them all.
 * A YAML file in a brief folder that is not a brief at all is skipped with a note.
 */
export async function loadBriefs(
  files: BriefPaths,
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
      const other = isShapeError(error) ? await notABrief(file, context) : undefined;
      if (other === undefined) errors.push(error);
      else if (files.foundInFolder?.has(file)) {
        context.stderr.write(`brief: note: ${file}: not a brief (${other}), skipped\n`);
      } else {
        errors.push(
          new BriefError('BRIEF_INVALID', `not a brief: ${other}`, {
            file,
            hint: 'a brief needs a title and themes; a theme file is named by a brief with taxonomy: FILE',
          }),
        );
      }
    }
  }
  return { briefs, errors };
}

function isShapeError(error: BriefError): boolean {
  return error.code === 'BRIEF_INVALID' || error.code === 'BRIEF_UNKNOWN_KEY';
}

const BRIEF_KEYS = Object.keys(BriefFile.shape);

/**
 * Why a YAML file is something other than a brief, or undefined when it looks like a brief
 * with mistakes in it (those must be reported, not skipped). A brief without its title but
 * with other brief keys is still a brief.
 */
async function notABrief(file: string, context: CliContext): Promise<string | undefined> {
  const data = (await readYamlFile(file, 'FILE_NOT_FOUND', resolve(context.cwd, file))).data;
  if (data === null || data === undefined) return undefined;
  if (typeof data !== 'object' || Array.isArray(data)) {
    return `its top level is ${Array.isArray(data) ? 'a list' : 'a single value'}, not a mapping of brief keys`;
  }
  const record = data as Record<string, unknown>;
  if ('title' in record) return undefined;
  // A brief key, or one misspelt (`titel`), says the file meant to be a brief.
  const others = Object.keys(record).filter((key) => key !== 'themes');
  if (others.some((key) => closestMatch(key, BRIEF_KEYS) !== undefined)) return undefined;
  const themes = record.themes;
  if (Array.isArray(themes) && themes.length > 0 && themes.every(isMapping)) {
    return 'a theme file: themes lists theme definitions and there is no title';
  }
  return themes === undefined ? 'it has none of the keys of a brief' : undefined;
}

function isMapping(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
