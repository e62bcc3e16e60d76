import { resolve } from 'node:path';
import { loadTaxonomyWith, type Theme } from '../../analysis/index.js';
import { explainTheme, queryStore } from '../../brief/index.js';
import { BriefError } from '../../shared/errors.js';
import { closestMatch, normaliseName } from '../../shared/suggest.js';
import type { CliContext, Command } from '../context.js';
import { openCorpusStore } from '../openStore.js';
import { parseFlags } from '../parseFlags.js';
import { createReporter } from '../reporter.js';

const USAGE =
  'brief themes [--taxonomy FILE] [--json] | brief themes explain <theme> [--corpus DIR] [--store FILE] [--top N] [--taxonomy FILE] [--json]';

export const themesCommand: Command = {
  name: 'themes',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseFlags(
      args,
      {
        corpus: { type: 'string', default: 'corpus' },
        store: { type: 'string' },
        top: { type: 'string', default: '10' },
        taxonomy: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      USAGE,
    );
    const taxonomy = await loadTaxonomyWith(
      values.taxonomy && resolve(context.cwd, values.taxonomy),
      values.taxonomy,
    );
    const [action, name] = positionals;
    if (action === undefined) return listThemes(taxonomy, values.json, context);
    if (action !== 'explain' || name === undefined || positionals.length > 2) {
      throw new BriefError('USAGE', `unexpected arguments: ${positionals.join(' ')}`, {
        hint: `usage: ${USAGE}`,
      });
    }
    const top = Number(values.top);
    if (!Number.isInteger(top) || top < 1)
      throw new BriefError('USAGE', `--top "${values.top}" is not a positive whole number`);
    if (/\.ya?ml$/i.test(name)) {
      throw new BriefError('USAGE', `brief themes explain takes a theme, not a file: ${name}`, {
        hint: `to see why a brief quoted what it quoted: brief explain ${name}`,
      });
    }
    const theme = findTheme(taxonomy, name);
    const store = await openCorpusStore({
      cwd: context.cwd,
      dir: resolve(context.cwd, values.corpus),
      store: values.store,
      report: createReporter(context, values.json),
    });
    const asOf = context.now().toISOString().slice(0, 10);
    let explanation: ReturnType<typeof explainTheme>;
    try {
      explanation = explainTheme(
        await queryStore(store, { window: 'all', themes: [theme], asOf }),
        theme,
        top,
      );
    } finally {
      await store.close();
    }
    if (values.json) {
      const passages = explanation.passages.map((p) => ({
        docId: p.candidate.doc.id,
        file: p.candidate.doc.file,
        start: p.candidate.sentence.start,
        end: p.candidate.sentence.end,
        text: p.candidate.text,
        score: round(p.score),
        sentenceScore: round(p.rawScore),
        context: round(p.context),
        quotable: p.quotable,
        terms: p.contributions.map((c) => ({
          term: c.term,
          count: c.count,
          value: round(c.value),
        })),
      }));
      context.stdout.write(
        JSON.stringify({ theme: theme.id, threshold: explanation.threshold, passages }, null, 2) +
          '\n',
      );
      return 0;
    }
    const lines = [
      `${theme.label} (${theme.id}): top ${explanation.passages.length} passages in ${values.corpus}; quoted from ${explanation.threshold}`,
      `(every document, whatever a brief's window; brief explain <brief.yaml> shows what a brief quoted and why)`,
      '',
    ];
    explanation.passages.forEach((p, i) => {
      const evidence = p.contributions
        .map(
          (c) =>
            `${c.term}${c.count > 1 ? ` x${c.count}` : ''} ${c.value >= 0 ? '+' : ''}${c.value.toFixed(2)}`,
        )
        .join(', ');
      lines.push(
        `${String(i + 1).padStart(2)}. ${p.score.toFixed(2)}${p.quotable ? '' : ' (below threshold)'}  ${p.candidate.doc.file}  [sentence ${p.rawScore.toFixed(2)}, document context ${(p.context * 100).toFixed(0)}%]`,
        `    terms: ${evidence}`,
        `    “${p.candidate.text}”`,
        '',
      );
    });
    context.stdout.write(lines.join('\n'));
    return 0;
  },
};

function listThemes(taxonomy: readonly Theme[], json: boolean, context: CliContext): number {
  if (json) {
    const rows = taxonomy.map((t) => ({
      id: t.id,
      label: t.label,
      description: t.description,
      iptc: t.iptc ?? null,
      gdelt: t.gdelt,
      terms: t.terms.map((x) => x.term),
    }));
    context.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return 0;
  }
  const width = Math.max(...taxonomy.map((t) => t.id.length));
  for (const theme of taxonomy) {
    context.stdout.write(
      `${theme.id.padEnd(width)}  ${theme.label}\n${' '.repeat(width + 2)}${theme.description}\n`,
    );
  }
  return 0;
}

function findTheme(taxonomy: readonly Theme[], name: string): Theme {
  const wanted = normaliseName(name);
  const theme = taxonomy.find(
    (t) => normaliseName(t.id) === wanted || normaliseName(t.label) === wanted,
  );
  if (theme) return theme;
  const close = closestMatch(name, [
    ...taxonomy.map((t) => t.id),
    ...taxonomy.map((t) => t.label.toLowerCase()),
  ]);
  throw new BriefError('UNKNOWN_THEME', `unknown theme "${name}"`, {
    hint: `${close ? `did you mean "${close}"? ` : ''}run brief themes for the list; for a theme written inline in a brief: brief explain <brief.yaml> <theme>`,
  });
}

const round = (value: number) => Math.round(value * 100) / 100;
