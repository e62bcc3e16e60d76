import { resolve } from 'node:path';
import { loadCorpus, type Corpus, type CorpusDocument } from '../../corpus/index.js';
import { BriefError } from '../../shared/errors.js';
import { closestMatch } from '../../shared/suggest.js';
import type { CliContext, Command } from '../context.js';
import { parseFlags } from '../parseFlags.js';

const USAGE = 'brief corpus [--corpus DIR] [--json] | brief corpus show <id> [--corpus DIR]';

/** The per-document record of `brief corpus --json` (documented in docs/corpus-json.md). */
function describeDocument(doc: CorpusDocument) {
  return {
    id: doc.id,
    file: doc.file,
    title: doc.title,
    language: doc.language,
    dateline: doc.dateline ?? null,
    byline: doc.byline ?? null,
    published: doc.published ?? null,
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
      { corpus: { type: 'string', default: 'corpus' }, json: { type: 'boolean', default: false } },
      USAGE,
    );
    const corpus = await loadCorpus(resolve(context.cwd, values.corpus));
    for (const warning of corpus.warnings)
      context.stderr.write(`brief: warning: ${warning.file}: ${warning.message}\n`);
    const [action, id] = positionals;
    if (action === 'show' && id !== undefined && positionals.length === 2)
      return show(corpus, id, context);
    if (action !== undefined)
      throw new BriefError('USAGE', `unexpected arguments: ${positionals.join(' ')}`, {
        hint: `usage: ${USAGE}`,
      });
    if (values.json) {
      const report = {
        corpus: values.corpus,
        warnings: corpus.warnings,
        documents: corpus.documents.map(describeDocument),
      };
      context.stdout.write(JSON.stringify(report, null, 2) + '\n');
      return 0;
    }
    for (const doc of corpus.documents) {
      const flags = [
        doc.duplicate.canonical
          ? doc.duplicate.others.length > 0
            ? `canonical of ${doc.duplicate.others.length + 1}`
            : ''
          : `copy of ${doc.duplicate.clusterId}`,
        doc.truncated ? 'truncated' : '',
        doc.language !== 'en' ? doc.language : '',
      ].filter(Boolean);
      context.stdout.write(
        `${doc.id}  ${doc.title}\n    ${doc.file} · ${doc.text.length} characters kept · ${doc.removed.length} lines removed${flags.length ? ` · ${flags.join(' · ')}` : ''}\n`,
      );
    }
    context.stdout.write(
      `${corpus.documents.length} documents from ${corpus.stats.files} files (${corpus.stats.analysed} analysed, ${corpus.stats.files - corpus.stats.analysed} from the cache)\n`,
    );
    return 0;
  },
};

/** The raw page, line by line: kept lines as they are, removed ones marked with their reason. */
function show(corpus: Corpus, id: string, context: CliContext): number {
  const doc = corpus.documents.find((d) => d.id === id || d.file === id);
  if (!doc) {
    const close = closestMatch(
      id,
      corpus.documents.map((d) => d.id),
    );
    throw new BriefError('USAGE', `no document "${id}" in the corpus`, {
      hint: `${close ? `did you mean "${close}"? ` : ''}brief corpus lists the ids`,
    });
  }
  const kept = new Map(
    doc.paragraphs.map((p) => [
      p.sourceLine,
      { text: doc.text.slice(p.start, p.end), heading: p.kind === 'heading' },
    ]),
  );
  const removed = new Map(doc.removed.map((r) => [r.line, r]));
  const lines = [...kept.keys(), ...removed.keys()].sort((a, b) => a - b);
  context.stdout.write(`# ${doc.title}\n# ${doc.file}${doc.truncated ? ' (truncated)' : ''}\n\n`);
  for (const line of lines) {
    const removal = removed.get(line);
    const keep = kept.get(line);
    if (removal) context.stdout.write(`- [${removal.reason}] ${removal.text}\n`);
    else if (keep) context.stdout.write(`${keep.heading ? '## ' : '  '}${keep.text}\n`);
  }
  return 0;
}
