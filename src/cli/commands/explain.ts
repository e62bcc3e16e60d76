import { resolve } from 'node:path';
import type { Theme } from '../../analysis/index.js';
import { assembleBrief, queryStore, type BriefSpec } from '../../brief/index.js';
import {
  explainBrief,
  type BriefExplanation,
  type PassageExplanation,
  type Verdict,
} from '../../brief/explainBrief.js';
import type { CorpusDocument } from '../../corpus/index.js';
import { BriefError, BriefErrors } from '../../shared/errors.js';
import { closestMatch, normaliseName } from '../../shared/suggest.js';
import type { CorpusStore } from '../../store/index.js';
import { expandBriefPaths, loadBriefs } from '../briefInputs.js';
import type { CliContext, Command } from '../context.js';
import { openCorpusStore } from '../openStore.js';
import { parseFlags } from '../parseFlags.js';
import { createReporter } from '../reporter.js';
import { parseAsOf } from './build.js';

export const EXPLAIN_USAGE =
  'brief explain <brief.yaml> [<theme>] [--corpus DIR] [--store FILE] [--as-of YYYY-MM-DD] [--top N] [--json]';

/**
 * For one brief, why each candidate passage was or was not quoted: the brief is assembled as
 * `brief build` would (same store query, window, themes and limits), then its selection is
 * replayed to read off each passage's verdict.
 */
export const explainCommand: Command = {
  name: 'explain',
  usage: EXPLAIN_USAGE,
  async run(args, context) {
    const { values, positionals } = parseFlags(
      args,
      {
        corpus: { type: 'string' },
        store: { type: 'string' },
        'as-of': { type: 'string' },
        top: { type: 'string', default: '5' },
        json: { type: 'boolean', default: false },
      },
      EXPLAIN_USAGE,
    );
    const [file, themeName, ...extra] = positionals;
    if (file === undefined || extra.length > 0) {
      throw new BriefError(
        'USAGE',
        file === undefined ? 'no brief given' : `unexpected arguments: ${extra.join(' ')}`,
        { hint: `usage: ${EXPLAIN_USAGE}` },
      );
    }
    const top = parseTop(values.top);
    const asOf = parseAsOf(values['as-of'], context.now());
    const spec = await loadOneBrief(file, context);
    const theme = themeName === undefined ? undefined : findBriefTheme(spec, themeName);
    const dir = values.corpus
      ? resolve(context.cwd, values.corpus)
      : (spec.corpus ?? resolve(context.cwd, 'corpus'));
    const store = await openCorpusStore({
      cwd: context.cwd,
      dir,
      store: values.store,
      report: createReporter(context, values.json),
    });
    let explanation: BriefExplanation;
    try {
      explanation = await explain(store, spec, {
        asOf,
        top,
        ...(theme ? { themeId: theme.id } : {}),
      });
    } finally {
      await store.close();
    }
    context.stdout.write(
      values.json
        ? JSON.stringify(explanation, twoDecimals, 2) + '\n'
        : formatExplanation(explanation),
    );
    return 0;
  },
};

/** The same query and assembly as BriefPipeline.model, keeping the corpus for the replay. */
async function explain(
  store: CorpusStore,
  spec: BriefSpec,
  options: { asOf: string; top: number; themeId?: string },
): Promise<BriefExplanation> {
  const corpus = await queryStore(store, {
    window: spec.window,
    themes: spec.themes,
    excerptsPerTheme: spec.limits.excerpts_per_theme,
    asOf: options.asOf,
  });
  const model = assembleBrief(spec, corpus, { asOf: options.asOf });
  const copies = await copiesOf(store, corpus.documents);
  return explainBrief(spec, corpus, model, {
    top: options.top,
    copies,
    ...(options.themeId ? { themeId: options.themeId } : {}),
  });
}

/** The other copies of the brief's documents: their passages are never quoted, and we say so. */
async function copiesOf(
  store: CorpusStore,
  documents: readonly CorpusDocument[],
): Promise<CorpusDocument[]> {
  const ids = [...new Set(documents.flatMap((d) => d.duplicate.others))].sort();
  const found = await Promise.all(ids.map((id) => store.find(id)));
  return found.flatMap((doc) => (doc && !doc.duplicate.canonical ? [doc] : []));
}

/** Scores and shares to two decimals; offsets and counts are whole numbers and stay as they are. */
function twoDecimals(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value)
    ? Math.round(value * 100) / 100
    : value;
}

function parseTop(value: string): number {
  const top = Number(value);
  if (!Number.isInteger(top) || top < 1) {
    throw new BriefError('USAGE', `--top "${value}" is not a positive whole number`, {
      hint: 'e.g. --top 10',
    });
  }
  return top;
}

async function loadOneBrief(file: string, context: CliContext): Promise<BriefSpec> {
  const paths = await expandBriefPaths([file], context);
  if (paths.length !== 1) {
    throw new BriefError('USAGE', `${file} is a folder; brief explain explains one brief`, {
      file,
      hint: `name one brief file, e.g. ${paths[0] ?? 'briefs/my-brief.yaml'}`,
    });
  }
  const { briefs, errors } = await loadBriefs(paths, context);
  if (errors.length > 0) throw BriefErrors.of(errors);
  return briefs[0] as BriefSpec;
}

/** A theme of the brief, named by id or label as in the brief itself (inline themes too). */
export function findBriefTheme(spec: BriefSpec, name: string): Theme {
  const wanted = normaliseName(name);
  const theme = spec.themes.find(
    (t) => normaliseName(t.id) === wanted || normaliseName(t.label) === wanted,
  );
  if (theme) return theme;
  const close = closestMatch(name, [
    ...spec.themes.map((t) => t.id),
    ...spec.themes.map((t) => t.label.toLowerCase()),
  ]);
  throw new BriefError('UNKNOWN_THEME', `${spec.id} has no theme "${name}"`, {
    file: spec.file,
    hint: `${close ? `did you mean "${close}"? ` : ''}its themes: ${spec.themes.map((t) => t.id).join(', ')}`,
  });
}

function formatExplanation(explanation: BriefExplanation): string {
  const { briefId, asOf, window, threshold, excerptsPerTheme, documents } = explanation;
  const lines = [
    `${briefId} as of ${asOf}: ${documents} documents drawn on (${window}); a passage is quoted from score ${threshold}, at most ${excerptsPerTheme} per theme`,
    '',
  ];
  for (const { theme, quoted, passages } of explanation.themes) {
    lines.push(
      `${theme.label} (${theme.id}): ${quoted} quoted; ${passages.length} candidate passages, strongest first`,
    );
    if (passages.length === 0) lines.push('  no passage matches any of its terms', '');
    passages.forEach((p, i) => lines.push(...formatPassage(p, i + 1), ''));
  }
  return lines.join('\n');
}

function formatPassage(p: PassageExplanation, rank: number): string[] {
  const terms = p.terms
    .map(
      (c) =>
        `${c.term}${c.count > 1 ? ` x${c.count}` : ''} ${c.value >= 0 ? '+' : ''}${c.value.toFixed(2)}`,
    )
    .join(', ');
  return [
    `${String(rank).padStart(3)}. ${p.score.toFixed(2)}  ${p.file}  ${describeVerdict(p.verdict)}`,
    `     terms: ${terms}`,
    `     “${p.text}”`,
  ];
}

export function describeVerdict(verdict: Verdict): string {
  switch (verdict.kind) {
    case 'excerpt':
      return `QUOTED as excerpt ${verdict.excerptId} [${verdict.citation}]`;
    case 'key-point':
      return `QUOTED as key point ${verdict.keyPointId} [${verdict.citation}]`;
    case 'below-threshold':
      return `not quoted: below the threshold (${verdict.threshold})`;
    case 'not-about-theme':
      return 'not quoted: its article is not about this theme, and enough articles are';
    case 'limit':
      return `not quoted: excerpt limit reached (the ${verdict.quoted} quoted score higher)`;
    case 'other-theme':
      return `not quoted here: already quoted for ${verdict.themeId} (${verdict.excerptId})`;
    case 'redundant':
      return `not quoted: repeats a chosen passage (${Math.round(verdict.similarity * 100)}% of words shared with ${verdict.similarTo.file}: “${shorten(verdict.similarTo.text)}”)`;
    case 'same-source':
      return `not quoted: its document is already quoted ${verdict.quoted} time${verdict.quoted === 1 ? '' : 's'} for this theme`;
    case 'fits-other-theme':
      return `not quoted: it fits ${verdict.themeId} better`;
    case 'copy':
      return `not quoted: a non-canonical copy of ${verdict.canonicalFile}`;
  }
}

function shorten(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
