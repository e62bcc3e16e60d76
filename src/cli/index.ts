import { version } from '../shared/packageInfo.js';
import { BriefError } from '../shared/errors.js';
import { closestMatch } from '../shared/suggest.js';
import { formatCommandHelp } from './commandHelp.js';
import { COMMANDS } from './commands/index.js';
import type { CliContext } from './context.js';
import { exitCodeFor, formatError } from './printError.js';

export { COMMANDS };

async function help(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map((c) => c.load()));
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `brief ${version}: turn a corpus of news articles into cited briefing PDFs`,
    '',
    'Usage: brief <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    ...commands.map((c) => `  ${c.usage}`),
    '',
    'Options: --help, --version. Exit codes: 0 done, 1 run failure, 2 usage or input error.',
    'brief <command> --help describes a command: its flags, an example and its exit codes.',
    'New here? brief init writes a starter brief, a template to edit and a corpus folder.',
    'See README.md for the brief YAML reference.',
    '',
  ].join('\n');
}

export async function main(argv: string[], context: CliContext): Promise<number> {
  const [first, ...afterFirst] = argv;
  // `brief help build` is `brief build --help`.
  const [name, ...rest] =
    first === 'help' && afterFirst.length > 0 ? [afterFirst[0], '--help'] : [first, ...afterFirst];
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      context.stdout.write(await help());
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      context.stdout.write(`${version}\n`);
      return 0;
    }
    const entry = COMMANDS.find((c) => c.name === name);
    if (entry === undefined) {
      const close = closestMatch(
        name,
        COMMANDS.map((c) => c.name),
      );
      throw new BriefError('USAGE', `unknown command "${name}"`, {
        hint: `${close ? `did you mean "${close}"? ` : ''}commands: ${COMMANDS.map((c) => c.name).join(', ')}`,
      });
    }
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      context.stdout.write(formatCommandHelp(entry.name, entry.summary, command.usage));
      return 0;
    }
    return await command.run(rest, context);
  } catch (error) {
    context.stderr.write(formatError(error, /\bbrief\b/.test(process.env.DEBUG ?? '')));
    return exitCodeFor(error);
  }
}

export type { CliContext, Command, CommandEntry } from './context.js';
