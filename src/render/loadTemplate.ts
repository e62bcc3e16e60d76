import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BriefError } from '../shared/errors.js';
import { packagePath } from '../shared/packageInfo.js';
import { closestMatch } from '../shared/suggest.js';
import { readYamlFile, validateYaml } from '../shared/yamlFile.js';
import { TemplateFile, type Block } from './templateFile.js';
import { compileTextTemplate, type TextTemplate } from './textTemplates.js';

export interface Template {
  name: string;
  description: string;
  dir: string;
  page: TemplateFile['page'];
  colors: TemplateFile['colors'];
  blocks: Block[];
  text: { cover: TextTemplate; sectionIntro: TextTemplate; disclaimer: TextTemplate };
}

/** Folders searched for templates: the current project's templates/ first, then briefgen's own. */
export function templateRoots(cwd = process.cwd()): string[] {
  const roots = [resolve(cwd, 'templates'), packagePath('templates')];
  return [...new Set(roots)].filter((root) => existsSync(root));
}

export async function listTemplates(cwd = process.cwd()): Promise<string[]> {
  const names = new Set<string>();
  for (const root of templateRoots(cwd)) {
    for (const entry of await readdir(root, { withFileTypes: true })) {
      if (entry.isDirectory() && existsSync(join(root, entry.name, 'template.yaml')))
        names.add(entry.name);
    }
  }
  return [...names].sort();
}

export async function loadTemplate(name: string, cwd = process.cwd()): Promise<Template> {
  const dir = templateRoots(cwd)
    .map((root) => join(root, name))
    .find((candidate) => existsSync(join(candidate, 'template.yaml')));
  if (dir === undefined) {
    const known = await listTemplates(cwd);
    const close = closestMatch(name, known);
    throw new BriefError('UNKNOWN_TEMPLATE', `unknown template "${name}"`, {
      hint: `${close ? `did you mean "${close}"? ` : ''}templates: ${known.join(', ')}`,
    });
  }
  const file = join(dir, 'template.yaml');
  const spec = validateYaml(
    await readYamlFile(file, 'TEMPLATE_INVALID'),
    TemplateFile,
    'TEMPLATE_INVALID',
  );
  return {
    name: spec.name,
    description: spec.description,
    dir,
    page: spec.page,
    colors: spec.colors,
    blocks: spec.blocks,
    text: {
      cover: await compileTextTemplate(join(dir, spec.text.cover)),
      sectionIntro: await compileTextTemplate(join(dir, spec.text.section_intro)),
      disclaimer: await compileTextTemplate(join(dir, spec.text.disclaimer)),
    },
  };
}
