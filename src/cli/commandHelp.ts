/**
 * `brief <command> --help`: each flag with what it does, an example and the exit codes. Kept
 * apart from the commands so that help and completion load no command (test/cli/help.test.ts
 * checks that every flag a command's usage names is described here).
 */
export interface FlagHelp {
  /** `--out DIR`, `-q, --quiet` */
  flag: string;
  description: string;
}

export interface CommandHelp {
  flags: FlagHelp[];
  examples: string[];
  exitCodes: string[];
  /** What the positional arguments are, for shell completion. */
  arguments: 'briefs' | 'brief' | 'files' | 'none' | 'words';
  /** Words completed as arguments (`themes explain`, `completion bash`). */
  words?: string[];
}

const INPUT_ERROR = '2  a usage or input error (bad flag, invalid brief, missing or empty corpus)';
const CORPUS = { flag: '--corpus DIR', description: 'the corpus folder (default ./corpus)' };
const STORE = {
  flag: '--store FILE|URL',
  description:
    'the store: a file, or postgres://… for team mode (default: $BRIEFGEN_DATABASE_URL, $BRIEFGEN_STORE, else one file per corpus folder)',
};
const JSON_OUT = { flag: '--json', description: 'print JSON for scripts' };
const QUIET = { flag: '-q, --quiet', description: 'print nothing but errors' };
const OUT = { flag: '--out DIR', description: 'the output folder (default output)' };
const NOW = {
  flag: '--now ISO',
  description: 'pretend the time is this (ISO 8601 with a zone), to try a schedule',
};

export const COMMAND_HELP: Record<string, CommandHelp> = {
  build: {
    arguments: 'briefs',
    flags: [
      OUT,
      {
        flag: '--format pdf|json|html',
        description: 'write PDFs (default), print the BriefModel, or write the HTML edition',
      },
      {
        flag: '--as-of YYYY-MM-DD',
        description: 'the date the brief speaks for (default today, UTC)',
      },
      { flag: '--corpus DIR', description: "the corpus folder (overrides the brief's corpus:)" },
      STORE,
      { flag: '--template NAME', description: "a template to use instead of the brief's audience" },
      {
        flag: '-w, --watch',
        description: 'rebuild when a brief, a template or the corpus changes',
      },
      { flag: '--deliver', description: "send each PDF as the brief's delivery: says" },
      QUIET,
    ],
    examples: ['brief build briefs/', 'brief build briefs/weekly-overview.yaml --as-of 2026-11-23'],
    exitCodes: ['0  every brief was built', '1  a build failed', INPUT_ERROR],
  },
  validate: {
    arguments: 'briefs',
    flags: [{ flag: '-q, --quiet', description: 'print only the problems' }],
    examples: ['brief validate briefs/'],
    exitCodes: ['0  every brief is valid', '2  a brief is invalid (each problem is printed)'],
  },
  ingest: {
    arguments: 'files',
    flags: [
      {
        flag: '--corpus DIR',
        description: 'the corpus whose store receives the articles (default ./corpus)',
      },
      STORE,
      QUIET,
    ],
    examples: ['brief ingest ~/archive/2025', 'my-scraper | brief ingest -'],
    exitCodes: ['0  the articles were added', '1  the store could not be written', INPUT_ERROR],
  },
  corpus: {
    arguments: 'words',
    words: ['show'],
    flags: [CORPUS, STORE, JSON_OUT],
    examples: ['brief corpus', 'brief corpus show 003_5f1d78346f57acda'],
    exitCodes: ['0  done', INPUT_ERROR],
  },
  explain: {
    arguments: 'brief',
    flags: [
      { flag: '--corpus DIR', description: "the corpus folder (overrides the brief's corpus:)" },
      STORE,
      {
        flag: '--as-of YYYY-MM-DD',
        description: 'the date the brief speaks for (default today, UTC)',
      },
      { flag: '--top N', description: 'candidate passages listed per theme (default 5)' },
      JSON_OUT,
    ],
    examples: [
      'brief explain briefs/energy-and-resources.yaml',
      'brief explain briefs/weekly-overview.yaml diplomacy --top 10',
    ],
    exitCodes: ['0  done', '1  the store could not be read', INPUT_ERROR],
  },
  themes: {
    arguments: 'words',
    words: ['explain'],
    flags: [
      { flag: '--taxonomy FILE', description: 'a theme file laid over the shipped themes' },
      JSON_OUT,
      { flag: '--corpus DIR', description: 'explain: the corpus folder (default ./corpus)' },
      { flag: '--store FILE', description: 'explain: the store file' },
      { flag: '--top N', description: 'explain: passages listed (default 10)' },
    ],
    examples: ['brief themes', 'brief themes explain "labour and sanctions" --top 5'],
    exitCodes: ['0  done', INPUT_ERROR],
  },
  templates: {
    arguments: 'none',
    flags: [JSON_OUT],
    examples: ['brief templates'],
    exitCodes: ['0  done', '2  a template is invalid'],
  },
  schedule: {
    arguments: 'briefs',
    flags: [
      JSON_OUT,
      NOW,
      { flag: '--out DIR', description: 'the output folder whose state is read (default output)' },
      {
        flag: '--store URL',
        description:
          'team mode: the PostgreSQL database holding the schedule state (default $BRIEFGEN_DATABASE_URL)',
      },
      {
        flag: '--reset BRIEF',
        description: "forget a brief's runs (its id or file), so it is due again",
      },
    ],
    examples: ['brief schedule', 'brief schedule --reset weekly-overview'],
    exitCodes: ['0  done', '2  a brief is invalid (the others are still listed), or a usage error'],
  },
  run: {
    arguments: 'briefs',
    flags: [
      { flag: '--due', description: 'build every scheduled brief that is due (required)' },
      NOW,
      { flag: '--dry-run', description: 'say what would be built; write no PDF and no state' },
      OUT,
      { flag: '--corpus DIR', description: "the corpus folder (overrides each brief's corpus:)" },
      STORE,
      QUIET,
    ],
    examples: ['brief run --due', 'brief run --due --dry-run --now 2026-11-23T07:05:00Z'],
    exitCodes: [
      '0  every due brief was built (or none was due)',
      '1  a brief failed (the others were still built), or the team database could not be reached',
      '2  a brief file is invalid (the others were still built), or a usage error',
    ],
  },
  daemon: {
    arguments: 'briefs',
    flags: [
      OUT,
      { flag: '--corpus DIR', description: "the corpus folder (overrides each brief's corpus:)" },
      STORE,
    ],
    examples: ['brief daemon briefs/'],
    exitCodes: ['0  stopped by SIGINT or SIGTERM', '2  a usage error'],
  },
  init: {
    arguments: 'files',
    flags: [],
    examples: ['brief init', 'brief init my-project'],
    exitCodes: ['0  done (existing files are skipped, never overwritten)', '2  DIR is a file'],
  },
  completion: {
    arguments: 'words',
    words: ['bash', 'zsh'],
    flags: [],
    examples: ['source <(brief completion bash)', 'brief completion zsh > ~/.zfunc/_brief'],
    exitCodes: ['0  done', '2  an unknown shell'],
  },
};

/** The `--help` page of one command. */
export function formatCommandHelp(name: string, summary: string, usage: string): string {
  const help = COMMAND_HELP[name];
  const lines = [summary, '', `Usage: ${usage}`];
  if (!help) return [...lines, ''].join('\n');
  const flags = [...help.flags, { flag: '-h, --help', description: 'show this help' }];
  const width = Math.max(...flags.map((f) => f.flag.length));
  lines.push('', 'Flags:', ...flags.map((f) => `  ${f.flag.padEnd(width)}  ${f.description}`));
  lines.push('', 'Examples:', ...help.examples.map((e) => `  ${e}`));
  lines.push('', 'Exit codes:', ...help.exitCodes.map((e) => `  ${e}`), '');
  return lines.join('\n');
}

/** `--out` from `--out DIR`, `--quiet` from `-q, --quiet`. */
export function longFlag(flag: FlagHelp): string {
  return /--[a-z-]+/.exec(flag.flag)?.[0] ?? flag.flag;
}
