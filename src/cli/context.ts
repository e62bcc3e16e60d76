/** What a command may touch. Tests pass their own streams, folder and clock. */
export interface CliContext {
  cwd: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Records for `brief ingest -`; default: the process's stdin. */
  stdin?: NodeJS.ReadableStream;
  now: () => Date;
  /** Whether stderr is a terminal (progress lines are shown only then). */
  interactive: boolean;
}

export interface Command {
  name: string;
  usage: string;
  run(args: string[], context: CliContext): Promise<number>;
}

/**
 * What `brief --help` needs to know of a command, without loading it: importing the
 * renderer costs ~0.3 s, which `brief --version` should not pay.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}
