/** What a command may touch. Tests pass their own streams, folder and clock. */
export interface CliContext {
  cwd: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  now: () => Date;
  /** Whether stderr is a terminal (progress lines are shown only then). */
  interactive: boolean;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], context: CliContext): Promise<number>;
}
