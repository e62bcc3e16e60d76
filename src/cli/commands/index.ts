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
  {
    name: 'ingest',
    summary: 'Add articles to the corpus store: files, folders, or JSON Lines records on stdin',
    load: async () => (await import('./ingest.js')).ingestCommand,
  },
  {
    name: 'corpus',
    summary: 'Show how the corpus was ingested: titles, duplicates, truncation, removed lines',
    load: async () => (await import('./corpus.js')).corpusCommand,
  },
  {
    name: 'explain',
    summary: 'Show, for one brief, why each candidate passage was or was not quoted',
    load: async () => (await import('./explain.js')).explainCommand,
  },
  {
    name: 'themes',
    summary: 'List themes, or explain which passages a theme matches and why',
    load: async () => (await import('./themes.js')).themesCommand,
  },
  {
    name: 'templates',
    summary: 'List the templates (audiences) a brief can be built with',
    load: async () => (await import('./templates.js')).templatesCommand,
  },
  {
    name: 'schedule',
    summary: 'List scheduled briefs with their last and next runs',
    load: async () => (await import('./schedule.js')).scheduleCommand,
  },
  {
    name: 'run',
    summary: 'Build every scheduled brief that is due (for cron, systemd timers and CI)',
    load: async () => (await import('./run.js')).runCommand,
  },
  {
    name: 'daemon',
    summary: 'Run as a long-lived scheduler that builds briefs when they are due',
    load: async () => (await import('./daemon.js')).daemonCommand,
  },
  {
    name: 'init',
    summary: 'Start a project: a starter brief, a template to edit and a corpus folder',
    load: async () => (await import('./init.js')).initCommand,
  },
  {
    name: 'completion',
    summary: 'Print a shell completion script (bash or zsh)',
    load: async () => (await import('./completion.js')).completionCommand,
  },
];
