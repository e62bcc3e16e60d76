/**
 * Every failure a user can cause is a BriefError with a permanent code. Stages throw them;
 * only the CLI turns them into text and an exit code (see src/cli/printError.ts).
 */
export type ErrorCode =
  | 'USAGE'
  | 'FILE_NOT_FOUND'
  | 'YAML_SYNTAX'
  | 'BRIEF_INVALID'
  | 'BRIEF_UNKNOWN_KEY'
  | 'UNKNOWN_THEME'
  | 'UNKNOWN_TEMPLATE'
  | 'TEMPLATE_INVALID'
  | 'CORPUS_NOT_FOUND'
  | 'CORPUS_EMPTY'
  | 'TAXONOMY_INVALID'
  | 'STORE_INVALID'
  | 'STORE_UNAVAILABLE'
  | 'CLAIM_LOST'
  | 'FILE_NOT_UTF8'
  | 'FILE_TOO_LARGE'
  | 'OUTPUT_INVALID'
  | 'RENDER_FAILED'
  | 'STATE_LOCKED'
  | 'DELIVERY_FAILED';

/** Codes that mean "the user's input is wrong" (exit 2) rather than "the run failed" (exit 1). */
const INPUT_ERRORS: ReadonlySet<ErrorCode> = new Set([
  'USAGE',
  'FILE_NOT_FOUND',
  'YAML_SYNTAX',
  'BRIEF_INVALID',
  'BRIEF_UNKNOWN_KEY',
  'UNKNOWN_THEME',
  'UNKNOWN_TEMPLATE',
  'TEMPLATE_INVALID',
  'CORPUS_NOT_FOUND',
  'CORPUS_EMPTY',
  'TAXONOMY_INVALID',
  'STORE_INVALID',
  'FILE_NOT_UTF8',
  'FILE_TOO_LARGE',
  'OUTPUT_INVALID',
]);

export interface SourceLocation {
  file: string;
  /** 1-based */
  line?: number;
  /** 1-based */
  column?: number;
}

export interface BriefErrorOptions extends Partial<SourceLocation> {
  hint?: string;
  cause?: unknown;
}

export class BriefError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: BriefErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BriefError';
    this.code = code;
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
    this.hint = options.hint;
  }

  get isInputError(): boolean {
    return INPUT_ERRORS.has(this.code);
  }

  /** `briefs/x.yaml:3:12`, or just the file, or undefined. */
  get location(): string | undefined {
    if (this.file === undefined) return undefined;
    if (this.line === undefined) return this.file;
    return `${this.file}:${this.line}:${this.column ?? 1}`;
  }
}

/** A problem that does not stop the run (a skipped corpus file, say). */
export interface Warning {
  file: string;
  message: string;
}

/** Several independent input errors (one per invalid brief, say), reported together. */
export class BriefErrors extends BriefError {
  readonly errors: BriefError[];

  private constructor(errors: BriefError[]) {
    super(errors[0]?.code ?? 'BRIEF_INVALID', `${errors.length} inputs are invalid`);
    this.errors = errors;
  }

  static of(errors: BriefError[]): BriefError {
    return errors.length === 1 && errors[0] ? errors[0] : new BriefErrors(errors);
  }
}
