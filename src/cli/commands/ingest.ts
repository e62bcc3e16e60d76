import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BriefError } from '../../shared/errors.js';
import {
  openStore,
  ingestFiles,
  ingestRecords,
  syncFolder,
  type SyncResult,
} from '../../store/index.js';
import type { Command } from '../context.js';
import { perSecond, storeFile } from '../openStore.js';
import { parseFlags } from '../parseFlags.js';
import { createReporter } from '../reporter.js';

const USAGE = 'brief ingest <file | folder | ->... [--corpus DIR] [--store FILE] [--quiet]';

/**
 * Add articles to a store ahead of any brief: folders are synced (new and changed files
 * analysed, removed ones forgotten), single files added, and `-` reads JSON Lines records on
 * stdin, the way a scraper pushes them. Articles land in the store of `--corpus` (default
 * ./corpus), which every brief on that corpus reads, or in `--store FILE`.
 */
export const ingestCommand: Command = {
  name: 'ingest',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseFlags(
      args,
      {
        corpus: { type: 'string', default: 'corpus' },
        store: { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
      },
      USAGE,
    );
    if (positionals.length === 0) {
      throw new BriefError('USAGE', 'nothing to ingest', {
        hint: `name files or folders, or - for JSON Lines on stdin: ${USAGE}`,
      });
    }
    const report = createReporter(context, values.quiet);
    const file = storeFile(context.cwd, resolve(context.cwd, values.corpus), values.store);
    const inputs = await Promise.all(positionals.map((p) => classify(p, context.cwd)));
    const store = await openStore(file);
    const started = Date.now();
    const total: SyncResult = { files: 0, analysed: 0, removed: 0, warnings: [] };
    const add = (result: SyncResult) => {
      total.files += result.files;
      total.analysed += result.analysed;
      total.removed += result.removed;
      for (const warning of result.warnings) report.warn(warning.file, warning.message);
    };
    const progress = (label: string) => ({
      onProgress: ({ done, total: n }: { done: number; total: number }) =>
        report.progress(`${label}: ${done}/${n} files analysed (${perSecond(done, started)}/s)`),
    });
    try {
      for (const input of inputs) {
        if (input.kind === 'folder') add(await syncFolder(store, input.path, progress(input.path)));
        else if (input.kind === 'stdin') {
          const lines = linesOf(context.stdin ?? process.stdin);
          const result = await ingestRecords(store, lines, {
            onProgress: (n) => report.progress(`stdin: ${n} records (${perSecond(n, started)}/s)`),
          });
          add({
            files: result.records,
            analysed: result.analysed,
            removed: 0,
            warnings: result.warnings,
          });
        }
      }
      const files = inputs.flatMap((i) => (i.kind === 'file' ? [i.path] : []));
      if (files.length > 0) add(await ingestFiles(store, files, progress('files')));
      const totals = await store.totals();
      const seconds = (Date.now() - started) / 1000;
      report.done(
        `${store.location}: ${total.analysed} of ${total.files} inputs analysed` +
          `${total.removed ? `, ${total.removed} removed` : ''} in ${seconds.toFixed(1)} s` +
          ` (${perSecond(total.analysed, started)}/s); the store holds ${totals.documents} documents`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};

type Input = { kind: 'folder' | 'file'; path: string } | { kind: 'stdin' };

async function classify(arg: string, cwd: string): Promise<Input> {
  if (arg === '-') return { kind: 'stdin' };
  const path = resolve(cwd, arg);
  const info = await stat(path).catch(() => undefined);
  if (!info) {
    throw new BriefError('FILE_NOT_FOUND', `${arg} does not exist`, {
      file: arg,
      hint: 'name article files or folders, or - to read JSON Lines records on stdin',
    });
  }
  return { kind: info.isDirectory() ? 'folder' : 'file', path };
}

/**
 * The lines of a stream, read as they are consumed. (readline's iterator would read ahead and
 * drop the lines, and the end, that arrive while the store is answering before the first line
 * is asked for; an unread stream keeps them.)
 */
async function* linesOf(stream: NodeJS.ReadableStream): AsyncGenerator<string> {
  stream.setEncoding('utf8');
  let rest = '';
  for await (const chunk of stream) {
    const parts = (rest + String(chunk)).split('\n');
    rest = parts.pop() ?? '';
    for (const line of parts) yield line.endsWith('\r') ? line.slice(0, -1) : line;
  }
  if (rest !== '') yield rest;
}
