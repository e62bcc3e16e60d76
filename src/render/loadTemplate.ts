import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { BriefError } from '../shared/errors.js';
import { packagePath } from '../shared/packageInfo.js';
import { closestMatch } from '../shared/suggest.js';
import { readYamlFile, validateYaml, type LocatedYaml } from '../shared/yamlFile.js';
import { TemplateFile, type Block } from './templateFile.js';
import { compileTextTemplate, type TextTemplate } from './textTemplates.js';

export interface Template {
  name: string;
  description: string;
  dir: string;
  page: TemplateFile['page'];
  fonts: TemplateFile['fonts'];
  sections: TemplateFile['sections'];
  colors: TemplateFile['colors'];
  /** Absolute path of the logo image, if any. */
  logo?: string;
  blocks: Block[];
  limits: TemplateFile['limits'];
  text: {
    cover?: TextTemplate;
    sectionIntro?: TextTemplate;
    disclaimer?: TextTemplate;
    footer?: TextTemplate;
  };
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
  const yaml = await readYamlFile(file, 'TEMPLATE_INVALID');
  const spec = validateYaml(yaml, TemplateFile, 'TEMPLATE_INVALID');
  const text = async (key: keyof TemplateFile['text']) => {
    const path = spec.text[key];
    return path === undefined ? undefined : compileTextTemplate(join(dir, path));
  };
  const [cover, sectionIntro, disclaimer, footer] = await Promise.all([
    text('cover'),
    text('section_intro'),
    text('disclaimer'),
    text('footer'),
  ]);
  return {
    name: spec.name,
    description: spec.description,
    dir,
    page: spec.page,
    fonts: spec.fonts,
    sections: spec.sections,
    colors: spec.colors,
    ...(spec.logo ? { logo: checkLogo(yaml, dir, spec.logo) } : {}),
    blocks: spec.blocks,
    limits: spec.limits,
    text: {
      ...(cover ? { cover } : {}),
      ...(sectionIntro ? { sectionIntro } : {}),
      ...(disclaimer ? { disclaimer } : {}),
      ...(footer ? { footer } : {}),
    },
  };
}

function checkLogo(yaml: LocatedYaml, dir: string, logo: string): string {
  const path = join(dir, logo);
  if (!/\.(?:png|jpe?g)$/i.test(extname(logo)) || !existsSync(path)) {
    throw new BriefError(
      'TEMPLATE_INVALID',
      `logo "${logo}" is not a PNG or JPEG file in the template folder`,
      {
        file: yaml.file,
        ...yaml.locate(['logo']),
        hint: `put the image in ${dir} and name it here, or remove "logo:"`,
      },
    );
  }
  return path;
}
