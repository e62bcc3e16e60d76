import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BriefError } from '../shared/errors.js';
import { closestMatch } from '../shared/suggest.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict flag parsing: an unknown flag or a missing value is a usage error with a suggestion. */
export function parseFlags<T extends Options>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    const flags = Object.keys(options).map((name) => `--${name}`);
    const close = unknown ? closestMatch(unknown, flags) : undefined;
    throw new BriefError(
      'USAGE',
      unknown ? `unknown option ${unknown}` : (message.split('.')[0] ?? message),
      {
        hint: `${close ? `did you mean ${close}? ` : ''}usage: ${usage}`,
      },
    );
  }
}
