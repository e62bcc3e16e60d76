import { BriefErrors } from '../../shared/errors.js';
import { expandBriefPaths, loadBriefs } from '../briefInputs.js';
import type { Command } from '../context.js';
import { parseFlags } from '../parseFlags.js';

const USAGE = 'brief validate <brief.yaml | folder>... [--quiet]';

export const validateCommand: Command = {
  name: 'validate',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseFlags(
      args,
      { quiet: { type: 'boolean', short: 'q', default: false } },
      USAGE,
    );
    const { briefs, errors } = await loadBriefs(
      await expandBriefPaths(positionals, context),
      context,
    );
    if (!values.quiet) {
      for (const brief of briefs) {
        const themes = brief.themes.map((t) => t.id).join(', ');
        context.stdout.write(
          `ok ${brief.file}  (${brief.id}: ${themes}; template ${brief.audience})\n`,
        );
      }
    }
    if (errors.length > 0) throw BriefErrors.of(errors);
    return 0;
  },
};
