import { existsSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { BriefError, type Warning } from '../shared/errors.js';
import { isInside } from '../shared/files.js';
import { ID_RULE, isId } from '../shared/ids.js';
import { packagePath } from '../shared/packageInfo.js';
import { closestMatch } from '../shared/suggest.js';
import { readYamlFile, validateYaml, type LocatedYaml } from '../shared/yamlFile.js';
import { TemplateFile, type Block } from './templateFile.js';
import { compileTextTemplate, type TextTemplate } from './textTemplates.js';

export interface Template {
  name: string;
  description: string;
  dir: string;
  /** template.yaml, as messages name it. */
  file: string;
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
    changes?: TextTemplate;
  };
  /** Texts the template defines but its blocks never print. */
  warnings: Warning[];
}

/** Folders searched for templates: the current project's templates/ first, then briefgen's own. */
export function templateRoots(cwd = process.cwd()): string[] {
  const roots = [resolve(cwd, 'templates'), packagePath('templates')];
  return [...new Set(roots)].filter((root) => existsSync(root));
}

/** Template folders whose names can be used (a name is a path segment: see ids.ts). */
export async function listTemplates(cwd = process.cwd()): Promise<string[]> {
  const names = new Set<string>();
  for (const root of templateRoots(cwd)) {
    for (const entry of await readdir(root, { withFileTypes: true })) {
      if (
        entry.isDirectory() &&
        isId(entry.name) &&
        existsSync(join(root, entry.name, 'template.yaml'))
      )
        names.add(entry.name);
    }
  }
  return [...names].sort();
}

export async function loadTemplate(name: string, cwd = process.cwd()): Promise<Template> {
  const dir = await findTemplate(name, cwd);
  const file = join(dir, 'template.yaml');
  const yaml = await readYamlFile(file, 'TEMPLATE_INVALID');
  const spec = validateYaml(yaml, TemplateFile, 'TEMPLATE_INVALID');
  const text = async (key: keyof TemplateFile['text']) => {
    const path = spec.text[key];
    if (path === undefined) return undefined;
    return compileTextTemplate(await templateFilePath(yaml, dir, ['text', key], path));
  };
  const [cover, sectionIntro, disclaimer, footer, changes] = await Promise.all([
    text('cover'),
    text('section_intro'),
    text('disclaimer'),
    text('footer'),
    text('changes'),
  ]);
  return {
    name: spec.name,
    description: spec.description,
    dir,
    file,
    page: spec.page,
    fonts: spec.fonts,
    sections: spec.sections,
    colors: spec.colors,
    ...(spec.logo ? { logo: await checkLogo(yaml, dir, spec.logo) } : {}),
    blocks: spec.blocks,
    limits: spec.limits,
    text: {
      ...(cover ? { cover } : {}),
      ...(sectionIntro ? { sectionIntro } : {}),
      ...(disclaimer ? { disclaimer } : {}),
      ...(footer ? { footer } : {}),
      ...(changes ? { changes } : {}),
    },
    warnings: unusedTexts(yaml, spec),
  };
}

/** A template name is a folder name under a template root, never a path. */
async function findTemplate(name: string, cwd: string): Promise<string> {
  if (!isId(name)) {
    const known = await listTemplates(cwd);
    throw new BriefError('UNKNOWN_TEMPLATE', `"${name}" is not a template name`, {
      hint: `a template name is a folder under templates/, named with ${ID_RULE}; templates: ${known.join(', ')}`,
    });
  }
  const dir = templateRoots(cwd)
    .map((root) => join(root, name))
    .find((candidate) => existsSync(join(candidate, 'template.yaml')));
  if (dir !== undefined) return dir;
  const known = await listTemplates(cwd);
  const close = closestMatch(name, known);
  throw new BriefError('UNKNOWN_TEMPLATE', `unknown template "${name}"`, {
    hint: `${close ? `did you mean "${close}"? ` : ''}templates: ${known.join(', ')}`,
  });
}

/**
 * A file that template.yaml names (a text or the logo). It must be a file inside the template's
 * folder once symbolic links are resolved: a template is shared and copied around, and must not
 * be able to print /etc/passwd on a cover or embed an image from elsewhere on the machine.
 */
async function templateFilePath(
  yaml: LocatedYaml,
  dir: string,
  key: (string | number)[],
  name: string,
): Promise<string> {
  const path = resolve(dir, name);
  const problem = (message: string, hint: string) =>
    new BriefError('TEMPLATE_INVALID', message, { file: yaml.file, ...yaml.locate(key), hint });
  const [realDir, real] = await Promise.all([realpath(dir), realpath(path).catch(() => undefined)]);
  if (real === undefined) {
    throw problem(
      `"${name}" does not exist in the template folder`,
      `create ${path}, or point "${key.join('.')}" at an existing file`,
    );
  }
  if (!isInside(realDir, real)) {
    const leads = real === path ? '' : ` (it leads to ${real})`;
    throw problem(
      `"${name}" is outside the template folder${leads}`,
      `a template may only use files inside ${dir} (symbolic links are followed); copy the file there`,
    );
  }
  if (!(await stat(real)).isFile()) {
    throw problem(`"${name}" is not a file`, `point "${key.join('.')}" at a file in ${dir}`);
  }
  return path;
}

async function checkLogo(yaml: LocatedYaml, dir: string, logo: string): Promise<string> {
  if (!/\.(?:png|jpe?g)$/i.test(extname(logo))) {
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
  return templateFilePath(yaml, dir, ['logo'], logo);
}

/**
 * Every text a template defines must reach the page. The disclaimer always does (on the cover,
 * or after the last block when there is no cover); the cover words need a cover or masthead
 * block and the section intros a sections block, so a template without them is told so.
 */
function unusedTexts(yaml: LocatedYaml, spec: TemplateFile): Warning[] {
  const has = (...blocks: Block[]) => blocks.some((block) => spec.blocks.includes(block));
  const unused: [keyof TemplateFile['text'], string][] = [];
  if (spec.text.cover !== undefined && !has('cover', 'masthead'))
    unused.push(['cover', 'a cover or masthead block']);
  if (spec.text.section_intro !== undefined && !has('sections'))
    unused.push(['section_intro', 'a sections block (the digest block prints no intros)']);
  if (spec.text.changes !== undefined && !has('changes'))
    unused.push(['changes', 'a changes block']);
  return unused.map(([key, needs]) => {
    const at = yaml.locate(['text', key]);
    return {
      file: `${yaml.file}:${at.line}:${at.column}`,
      message: `text "${key}" is never printed: it needs ${needs}; add one to "blocks" or remove the text`,
    };
  });
}
