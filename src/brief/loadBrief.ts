import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import {
  compileScope,
  compileTheme,
  loadTaxonomyWith,
  type Scope,
  type Theme,
} from '../analysis/index.js';
import { BriefError } from '../shared/errors.js';
import { isInside } from '../shared/files.js';
import { ID_RULE, isId, suggestId } from '../shared/ids.js';
import { closestMatch, normaliseName } from '../shared/suggest.js';
import { readYamlFile, validateYaml, type LocatedYaml } from '../shared/yamlFile.js';
import { scheduleProblem, type Schedule } from '../schedule/index.js';
import { subjectProblem } from '../deliver/subject.js';
import type { Delivery } from '../deliver/types.js';
import { BriefFile, type WindowSpec } from './briefFile.js';

/** A validated brief with its themes resolved; what assembleBrief needs. */
export interface BriefSpec {
  file: string;
  id: string;
  title: string;
  subtitle?: string;
  audience: string;
  themes: Theme[];
  window: WindowSpec;
  /** Whether undated articles count as inside a date window. */
  undated: 'exclude' | 'include';
  /** What the brief is about; an article outside it is never quoted. */
  scope?: Scope;
  /** The languages the brief quotes (ISO 639-1); absent: every language. */
  languages?: string[];
  schedule?: Schedule;
  marking?: BriefFile['marking'];
  /** Absolute path, when the brief names its corpus. */
  corpus?: string;
  limits: BriefFile['limits'];
  /** Where `run --due` and `build --deliver` send the built PDF. */
  delivery?: Delivery;
}

export interface LoadBriefOptions {
  taxonomy: readonly Theme[];
  /** Template names that exist, to check `audience`. */
  templates: readonly string[];
  /** Folder that relative paths on the command line are resolved from. */
  cwd?: string;
}

export async function loadBrief(file: string, options: LoadBriefOptions): Promise<BriefSpec> {
  const yaml = await readYamlFile(file, 'FILE_NOT_FOUND', resolve(options.cwd ?? '.', file));
  const brief = validateYaml(yaml, BriefFile, 'BRIEF_INVALID');
  checkTemplate(yaml, brief.audience, options.templates);
  const corpus =
    brief.corpus === undefined
      ? undefined
      : resolve(options.cwd ?? '.', dirname(file), brief.corpus);
  if (corpus !== undefined && !(await stat(corpus).catch(() => undefined))?.isDirectory()) {
    throw new BriefError('CORPUS_NOT_FOUND', `corpus folder "${brief.corpus}" does not exist`, {
      file: yaml.file,
      ...yaml.locate(['corpus']),
      hint: `it is resolved from the brief's folder, to ${corpus}`,
    });
  }
  const scope = compileScope(brief.scope);
  return {
    file,
    id: brief.id ?? idFromFileName(yaml),
    title: brief.title,
    ...(brief.subtitle !== undefined ? { subtitle: brief.subtitle } : {}),
    audience: brief.audience,
    themes: resolveThemes(yaml, brief.themes, await taxonomyFor(yaml, brief.taxonomy, options)),
    window: brief.window,
    undated: brief.undated,
    ...(scope !== undefined ? { scope } : {}),
    ...(brief.languages !== undefined ? { languages: brief.languages } : {}),
    ...(brief.schedule !== undefined ? { schedule: checkSchedule(yaml, brief.schedule) } : {}),
    ...(brief.marking !== undefined ? { marking: brief.marking } : {}),
    ...(corpus !== undefined ? { corpus } : {}),
    limits: brief.limits,
    ...(brief.delivery !== undefined
      ? { delivery: checkDelivery(yaml, brief.delivery, options.cwd ?? '.') }
      : {}),
  };
}

/** The delivery with its folder resolved from the brief's folder and its subject checked. */
function checkDelivery(
  yaml: LocatedYaml,
  spec: NonNullable<BriefFile['delivery']>,
  cwd: string,
): Delivery {
  const { email, webhook, folder, on_failure } = spec;
  const problem = email?.subject === undefined ? undefined : subjectProblem(email.subject);
  if (problem !== undefined) {
    throw new BriefError('BRIEF_INVALID', `the e-mail subject template: ${problem}`, {
      file: yaml.file,
      ...yaml.locate(['delivery', 'email', 'subject']),
      hint: 'it may use {{title}}, {{subtitle}}, {{id}} and {{asOf}}; the marking is put in front of it',
    });
  }
  return {
    ...(email !== undefined ? { email } : {}),
    ...(webhook !== undefined
      ? { webhook: { url: webhook.url, includePdf: webhook.include_pdf } }
      : {}),
    ...(folder !== undefined
      ? { folder: { path: resolve(cwd, dirname(yaml.file), folder.path) } }
      : {}),
    ...(on_failure !== undefined ? { onFailure: on_failure } : {}),
  };
}

/**
 * A brief without `id:` is named after its file, and the id becomes a folder and file name
 * under --out: `...yaml` must not become `..`.
 */
function idFromFileName(yaml: LocatedYaml): string {
  const name = basename(yaml.file, extname(yaml.file));
  if (isId(name)) return name;
  const suggestion = suggestId(name) ?? 'my-brief';
  throw new BriefError('BRIEF_INVALID', `the file name "${name}" is not a brief id`, {
    file: yaml.file,
    line: 1,
    column: 1,
    hint: `a brief's id (its file name unless it has "id:") is ${ID_RULE}; add "id: ${suggestion}" or rename the file to ${suggestion}${extname(yaml.file)}`,
  });
}

/** The shipped taxonomy, or the brief's own theme file laid over it. */
async function taxonomyFor(
  yaml: LocatedYaml,
  own: string | undefined,
  options: LoadBriefOptions,
): Promise<readonly Theme[]> {
  if (own === undefined) return options.taxonomy;
  const display = join(dirname(yaml.file), own);
  const path = resolve(options.cwd ?? '.', display);
  const problem = (message: string, hint: string) =>
    new BriefError('BRIEF_INVALID', message, {
      file: yaml.file,
      ...yaml.locate(['taxonomy']),
      hint,
    });
  if (!/\.ya?ml$/i.test(own)) {
    throw problem(
      `theme file "${own}" is not a .yaml or .yml file`,
      'name a YAML theme file (see docs/taxonomy.md), relative to the brief',
    );
  }
  if (!(await stat(path).catch(() => undefined))?.isFile()) {
    throw new BriefError('FILE_NOT_FOUND', `theme file "${own}" does not exist`, {
      file: yaml.file,
      ...yaml.locate(['taxonomy']),
      hint: `it is resolved from the brief's folder, to ${path}`,
    });
  }
  const cwd = resolve(options.cwd ?? '.');
  const roots = await allowedTaxonomyRoots(path, [resolve(cwd, dirname(yaml.file)), cwd]);
  if (roots.inside) return loadTaxonomyWith(path, display);
  throw problem(
    `theme file "${own}" is outside the brief's folder and the project folder`,
    `a brief may only read theme files under ${roots.names.join(' or ')} (symbolic links are followed); move the file there`,
  );
}

/**
 * Where a brief's theme file may live: beside the brief (or below it), or anywhere in the
 * project, the folder `brief` runs in, which also holds templates/ and corpus/. A brief from
 * elsewhere cannot make briefgen read arbitrary files such as /etc/passwd.
 */
async function allowedTaxonomyRoots(
  path: string,
  folders: string[],
): Promise<{ inside: boolean; names: string[] }> {
  const real = await realpath(path);
  const names = [...new Set(folders)];
  const roots = await Promise.all(names.map((dir) => realpath(dir).catch(() => dir)));
  return { inside: roots.some((root) => isInside(root, real)), names };
}

/** The schedule with defaults applied; an impossible cron or time zone is a located error. */
function checkSchedule(yaml: LocatedYaml, spec: NonNullable<BriefFile['schedule']>): Schedule {
  const schedule: Schedule =
    typeof spec === 'string'
      ? { cron: spec, timezone: 'UTC', catchup: 'latest', onEmpty: 'note' }
      : { cron: spec.cron, timezone: spec.timezone, catchup: spec.catchup, onEmpty: spec.on_empty };
  const problem = scheduleProblem(schedule);
  if (problem === undefined) return schedule;
  const path = typeof spec === 'string' ? ['schedule'] : ['schedule', problem.field];
  throw new BriefError('BRIEF_INVALID', problem.message, {
    file: yaml.file,
    ...yaml.locate(path),
    hint:
      problem.field === 'timezone'
        ? 'use an IANA time zone name such as Europe/London, America/New_York or UTC'
        : 'five fields: minute hour day-of-month month day-of-week, e.g. "0 7 * * MON" for Mondays at 07:00',
  });
}

function checkTemplate(yaml: LocatedYaml, audience: string, templates: readonly string[]): void {
  if (templates.includes(audience)) return;
  const close = closestMatch(audience, templates);
  throw new BriefError('UNKNOWN_TEMPLATE', `unknown audience template "${audience}"`, {
    file: yaml.file,
    ...yaml.locate(['audience']),
    hint: `${close ? `did you mean "${close}"? ` : ''}templates: ${templates.join(', ')}`,
  });
}

/** Themes by id or label (case and punctuation ignored), or written inline. */
export function resolveThemes(
  yaml: LocatedYaml,
  entries: BriefFile['themes'],
  taxonomy: readonly Theme[],
): Theme[] {
  const byName = new Map<string, Theme>();
  for (const theme of taxonomy) {
    byName.set(normaliseName(theme.id), theme);
    byName.set(normaliseName(theme.label), theme);
  }
  const seen = new Set<string>();
  const themes: Theme[] = [];
  entries.forEach((entry, index) => {
    const theme =
      typeof entry === 'string' ? byName.get(normaliseName(entry)) : compileTheme(entry);
    if (theme === undefined) {
      const name = String(entry);
      const labels = taxonomy.map((t) => t.label.toLowerCase());
      const close = closestMatch(name, [...labels, ...taxonomy.map((t) => t.id)]);
      throw new BriefError('UNKNOWN_THEME', `unknown theme "${name}"`, {
        file: yaml.file,
        ...yaml.locate(['themes', index]),
        hint: `${close ? `did you mean "${close}"? ` : ''}known themes: ${taxonomy.map((t) => t.id).join(', ')}; or define one inline as {id, label, terms}`,
      });
    }
    if (seen.has(theme.id)) return;
    seen.add(theme.id);
    themes.push(theme);
  });
  return themes;
}
