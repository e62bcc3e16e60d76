import { listTemplates, loadTemplate } from '../../render/index.js';
import type { Command } from '../context.js';
import { parseFlags } from '../parseFlags.js';

const USAGE = 'brief templates [--json]';

export const templatesCommand: Command = {
  name: 'templates',
  usage: USAGE,
  async run(args, context) {
    const { values } = parseFlags(args, { json: { type: 'boolean', default: false } }, USAGE);
    const templates = await Promise.all(
      (await listTemplates(context.cwd)).map((name) => loadTemplate(name, context.cwd)),
    );
    if (values.json) {
      const rows = templates.map((t) => ({
        name: t.name,
        description: t.description,
        folder: t.dir,
        blocks: t.blocks,
      }));
      context.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      return 0;
    }
    const width = Math.max(...templates.map((t) => t.name.length));
    for (const t of templates)
      context.stdout.write(
        `${t.name.padEnd(width)}  ${t.description}\n${' '.repeat(width + 2)}${t.dir}\n`,
      );
    return 0;
  },
};
