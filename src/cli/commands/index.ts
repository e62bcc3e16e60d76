import type { CommandEntry } from '../context.js';

/** Every command, in the order `brief --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'build',
    summary: 'Build briefs into PDFs (or print their BriefModel as JSON)',
    load: async () => (await import('./build.js')).buildCommand,
  },
  {
    name: 'validate',
    summary: 'Check briefs (YAML, keys, themes, template) without building them',
    load: async () => (await import('./validate.js')).validateCommand,
  },
];
