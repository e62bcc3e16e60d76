import { resolve } from 'node:path';
import type { CorpusDocument } from '../../corpus/index.js';
import type { CorpusStore } from '../../store/index.js';
import { BriefError } from '../../shared/errors.js';
import { closestMatch } from '../../shared/suggest.js';
import type { CliContext, Command } from '../context.js';
import { openCorpusStore } from '../openStore.js';
import { parseFlags } from '../parseFlags.js';
import { createReporter } from '../reporter.js';

const USAGE =
  'brief corpus [--corpus DIR] [--store FILE] [--json] | brief corpus show <id> [--corpus DIR] [--store FILE]';

/** The per-document record of `brief corpus --json` (documented in docs/corpus-json.md). */
function describeDocument(doc: CorpusDocument) {
  return {
    id: doc.id,
    file: doc.file,
    title: doc.title,
    language: doc.language,
    paragraphLanguages: paragraphLanguages(doc),
    dateline: doc.dateline ?? null,
    byline: doc.byline ?? null,
    published: doc.published ?? null,
    publishedFrom: doc.publishedFrom ?? null,
    url: doc.url ?? null,
    source: doc.source ?? null,
    firstSeen: doc.firstSeen ?? null,
    cluster: doc.duplicate.clusterId,
    canonical: doc.duplicate.canonical,
    alsoIn: doc.duplicate.others,
    containment: Math.round(doc.duplicate.containment * 1000) / 1000,
    truncated: doc.truncated,
    keptCharacters: doc.text.length,
    paragraphs: doc.paragraphs.length,
    sentences: doc.sentences.length,
    removed: doc.removed,
  };
}

export const corpusCommand: Command = {
  name: 'corpus',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseFlags(
      args,
      {
        corpus: { type: 'string', default: 'corpus' },
        store: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      USAGE,
    );
    const [action, id] = positionals;
    const showing = action === 'show' && id !== undefined && positionals.length === 2;
    if (action !== undefined && !showing)
      throw new BriefError('USAGE', `unexpected arguments: ${positionals.join(' ')}`, {
        hint: `usage: ${USAGE}`,
      });
    const store = await openCorpusStore({
      cwd: context.cwd,
      dir: resolve(context.cwd, values.corpus),
      store: values.store,
      report: createReporter(context, true),
    });
    try {
      if (showing) return await show(store, id, context);
      if (values.json) return await writeJson(store, values.corpus, context);
      const languages = new Map<string, number>();
      for await (const doc of store.all()) {
        context.stdout.write(describeLine(doc));
        languages.set(doc.language, (languages.get(doc.language) ?? 0) + 1);
      }
      const totals = await store.totals();
      context.stdout.write(
        `${totals.documents} documents (${totals.duplicates} copies of other stories) in ${store.location}\n`,
      );
      if (languages.size > 0) context.stdout.write(`languages: ${countList(languages)}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};

function describeLine(doc: CorpusDocument): string {
  const flags = [
    doc.duplicate.canonical
      ? doc.duplicate.others.length > 0
        ? `canonical of ${doc.duplicate.others.length + 1}`
        : ''
      : `copy of ${doc.duplicate.clusterId}`,
    doc.truncated ? 'truncated' : '',
    describeLanguages(doc),
  ].filter(Boolean);
  const when = doc.published ? `${doc.published} (${doc.publishedFrom ?? 'metadata'})` : 'undated';
  const from = doc.source ?? doc.dateline?.agency;
  return (
    `${doc.id}  ${doc.title}\n` +
    `    ${when}${from ? ` · ${from}` : ''} · ${doc.file} · ${doc.text.length} characters kept · ` +
    `${doc.removed.length} lines removed${flags.length ? ` · ${flags.join(' · ')}` : ''}\n`
  );
}

/** Paragraphs per language, the document's own first. */
function paragraphLanguages(doc: CorpusDocument): Record<string, number> {
  const counts = new Map<string, number>([[doc.language, 0]]);
  for (const p of doc.paragraphs) {
    const language = p.language ?? doc.language;
    counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  return Object.fromEntries(counts);
}

/** "ru", or "de, 1 paragraph en" for a page that quotes a paragraph in another language. */
function describeLanguages(doc: CorpusDocument): string {
  const others = Object.entries(paragraphLanguages(doc)).filter(([l]) => l !== doc.language);
  const quoted = others.map(([l, n]) => `${n} paragraph${n === 1 ? '' : 's'} ${l}`);
  return [doc.language, ...quoted].join(', ');
}

/** "en 58, de 5, ru 2": most first. */
function countList(counts: ReadonlyMap<string, number>): string {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([key, n]) => `${key} ${n}`)
    .join(', ');
}

/** The report as one JSON document, written a document at a time (a store may hold 100,000). */
async function writeJson(store: CorpusStore, corpus: string, context: CliContext): Promise<number> {
  const { stdout } = context;
  stdout.write(
    `{\n  "corpus": ${JSON.stringify(corpus)},\n  "store": ${JSON.stringify(store.location)},\n`,
  );
  stdout.write(`  "warnings": ${JSON.stringify(await store.problems())},\n  "documents": [`);
  let first = true;
  for await (const doc of store.all()) {
    stdout.write(`${first ? '\n' : ',\n'}    ${JSON.stringify(describeDocument(doc))}`);
    first = false;
  }
  stdout.write(`${first ? '' : '\n  '}]\n}\n`);
  return 0;
}

/** The raw page, line by line: kept lines as they are, removed ones marked with their reason. */
async function show(store: CorpusStore, id: string, context: CliContext): Promise<number> {
  const doc = await store.find(id);
  if (!doc) {
    const close = closestMatch(id, await store.ids());
    throw new BriefError('USAGE', `no document "${id}" in the corpus`, {
      hint: `${close ? `did you mean "${close}"? ` : ''}brief corpus lists the ids`,
    });
  }
  const kept = new Map(
    doc.paragraphs.map((p) => [
      p.sourceLine,
      {
        text: doc.text.slice(p.start, p.end),
        heading: p.kind === 'heading',
        language: p.language,
      },
    ]),
  );
  const removed = new Map(doc.removed.map((r) => [r.line, r]));
  const lines = [...kept.keys(), ...removed.keys()].sort((a, b) => a - b);
  context.stdout.write(
    `# ${doc.title}\n# ${doc.file}${doc.truncated ? ' (truncated)' : ''} · ${describeLanguages(doc)}\n\n`,
  );
  for (const line of lines) {
    const removal = removed.get(line);
    const keep = kept.get(line);
    if (removal) context.stdout.write(`- [${removal.reason}] ${removal.text}\n`);
    else if (keep)
      context.stdout.write(
        `${keep.heading ? '## ' : '  '}${keep.language ? `[${keep.language}] ` : ''}${keep.text}\n`,
      );
  }
  return 0;
}
