import { BriefError, BriefErrors } from '../shared/errors.js';

/**
 * The one place errors become text. A user mistake prints one message with its location and a
 * hint, never a stack; anything else is a bug in briefgen and says so.
 */
export function formatError(error: unknown, debug = false): string {
  if (error instanceof BriefErrors) return error.errors.map((e) => formatError(e, debug)).join('');
  if (error instanceof BriefError) {
    const where = error.location ? `${error.location}: ` : '';
    const lines = [`brief: ${where}error: ${error.message}`];
    if (error.hint) lines.push(`  hint: ${error.hint}`);
    if (debug && error.cause instanceof Error && error.cause.stack) lines.push(error.cause.stack);
    return lines.join('\n') + '\n';
  }
  const message = error instanceof Error ? error.message : String(error);
  const lines = [
    `brief: internal error: ${message}`,
    '  this is a bug in briefgen; please report it with the command you ran (set DEBUG=brief for details)',
  ];
  if (debug && error instanceof Error && error.stack) lines.push(error.stack);
  return lines.join('\n') + '\n';
}

export function exitCodeFor(error: unknown): number {
  return error instanceof BriefError && error.isInputError ? 2 : 1;
}
