import type { CliContext } from './context.js';

/**
 * Progress goes to stderr and only on a terminal; results go to stdout unless --quiet;
 * warnings always go to stderr.
 */
export interface Reporter {
  progress(message: string): void;
  done(message: string): void;
  warn(file: string, message: string): void;
}

export function createReporter(context: CliContext, quiet: boolean): Reporter {
  const showProgress = context.interactive && !quiet;
  return {
    progress(message: string) {
      if (showProgress) context.stderr.write(`\u001b[2K\r… ${message}`);
    },
    done(message: string) {
      if (showProgress) context.stderr.write('\u001b[2K\r');
      if (!quiet) context.stdout.write(`wrote ${message}\n`);
    },
    warn(file: string, message: string) {
      if (showProgress) context.stderr.write('\u001b[2K\r');
      context.stderr.write(`brief: warning: ${file}: ${message}\n`);
    },
  };
}
