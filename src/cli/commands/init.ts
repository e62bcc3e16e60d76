import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { BriefError } from '../../shared/errors.js';
import { packagePath } from '../../shared/packageInfo.js';
import type { Command } from '../context.js';
import { parseFlags } from '../parseFlags.js';

export const INIT_USAGE = 'brief init [DIR]';

const STARTER_BRIEF = `# A starter brief written by \`brief init\`. Edit it, then:
#   brief validate briefs/my-brief.yaml   check it
#   brief build briefs/my-brief.yaml      write output/my-brief/my-brief-<date>.pdf from corpus/
#   brief explain briefs/my-brief.yaml    see why each passage was or was not quoted
# Every key is described in briefgen's README ("Writing a brief"); \`brief themes\` lists themes.
title: My first brief
subtitle: What the corpus says about energy and resources
audience: analyst # or my-template, the copy in templates/ that you can edit
themes:
  - energy and resources # a shipped theme (brief themes lists them all)
  # a theme of your own, written inline:
  # - { id: rail, label: Railways and ports, terms: [railway*, port, Khasan] }
window: all # all | last-N-days | since-last-run | {from: 2024-01-01, to: 2024-03-31}
marking: TLP:CLEAR
limits:
  excerpts_per_theme: 5
`;

const TEMPLATE_NOTE = `# my-template: a copy of briefgen's analyst template, written by \`brief init\`.
# Change the layout here and the words in the .hbs files beside this file; use it with
# "audience: my-template" in a brief or "brief build --template my-template".
# The blocks, fields and helpers are described in briefgen's docs/template-context.md.
`;

const CORPUS_NOTE =
  'Put the articles your briefs quote in this folder (.txt, .md, .html, .json, .jsonl; sub-folders too). Files starting with a dot, like this one, are not read.\n';

/** A starter file: where it goes (relative to the project) and what it holds. */
interface StarterFile {
  path: string;
  content: string | Buffer;
}

/**
 * Start a project: a starter brief, an editable template and a corpus folder. Existing files
 * are never overwritten; each one is reported as skipped.
 */
export const initCommand: Command = {
  name: 'init',
  usage: INIT_USAGE,
  async run(args, context) {
    const { positionals } = parseFlags(args, {}, INIT_USAGE);
    if (positionals.length > 1) {
      throw new BriefError('USAGE', `unexpected arguments: ${positionals.slice(1).join(' ')}`, {
        hint: `usage: ${INIT_USAGE}`,
      });
    }
    const root = resolve(context.cwd, positionals[0] ?? '.');
    await checkFolder(root, positionals[0] ?? '.');
    const shown = (path: string) => {
      const rel = relative(context.cwd, join(root, path));
      return rel.startsWith('..') ? join(root, path) : rel || '.';
    };
    const files = [...(await starterFiles()), { path: 'corpus/.README', content: CORPUS_NOTE }];
    let skipped = 0;
    for (const file of files) {
      const problem = await createFile(join(root, file.path), file.content);
      if (problem !== undefined) skipped++;
      context.stdout.write(
        problem === undefined
          ? `created ${shown(file.path)}\n`
          : `skipped ${shown(file.path)} (${problem})\n`,
      );
    }
    const where = shown('.') === '.' ? '' : ` from ${shown('.')}`;
    context.stdout.write(
      [
        `${files.length - skipped} files created, ${skipped} skipped (existing files are never overwritten)`,
        '',
        `Next: put articles in ${shown('corpus')}/, then${where}:`,
        '  brief validate briefs/my-brief.yaml',
        '  brief build briefs/my-brief.yaml',
        '',
      ].join('\n'),
    );
    return 0;
  },
};

async function checkFolder(root: string, given: string): Promise<void> {
  const info = await stat(root).catch(() => undefined);
  if (info !== undefined && !info.isDirectory()) {
    throw new BriefError('USAGE', `${given} is a file, not a folder`, {
      file: given,
      hint: 'name a new or existing folder for the project, or leave it out for the current one',
    });
  }
}

/** The starter brief and a copy of the analyst template named my-template. */
async function starterFiles(): Promise<StarterFile[]> {
  const analyst = packagePath('templates', 'analyst');
  const names = (await readdir(analyst)).sort();
  const template = await Promise.all(
    names.map(async (name): Promise<StarterFile> => {
      const content = await readFile(join(analyst, name));
      if (name !== 'template.yaml') return { path: `templates/my-template/${name}`, content };
      const yaml = content
        .toString('utf8')
        .replace(/^#.*\n/, '')
        .replace(/^name: analyst$/m, 'name: my-template');
      return { path: 'templates/my-template/template.yaml', content: TEMPLATE_NOTE + yaml };
    }),
  );
  return [{ path: 'briefs/my-brief.yaml', content: STARTER_BRIEF }, ...template];
}

/** Write a new file; why not, when something is already in the way (it is left alone). */
async function createFile(path: string, content: string | Buffer): Promise<string | undefined> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content, { flag: 'wx' });
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      // mkdir says EEXIST too when a file stands where a folder of the path should be.
      const there = await stat(path).catch(() => undefined);
      return there ? 'it exists' : 'a file stands where its folder should be';
    }
    throw new BriefError('OUTPUT_INVALID', `cannot write ${path}`, {
      file: path,
      hint: `check the folder's permissions (${code ?? String(error)})`,
    });
  }
}
