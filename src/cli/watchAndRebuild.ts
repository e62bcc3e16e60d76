import { watch, type FSWatcher } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { BriefSpec } from '../brief/index.js';
import { templateRoots } from '../render/index.js';
import { expandBriefPaths, loadBriefs } from './briefInputs.js';
import type { CliContext } from './context.js';
import { BriefPipeline, describeModel, outputHistory } from './pipeline.js';
import { formatError } from './printError.js';
import { createReporter } from './reporter.js';

export interface WatchOptions {
  out: string;
  asOf: string;
  quiet: boolean;
  corpus?: string;
  template?: string;
}

/** Changes closer together than this are one edit (editors write files in several steps). */
const SETTLE_MS = 150;

/**
 * `brief build --watch`, for template authors: rebuild whenever a brief, a template or the
 * corpus changes, until SIGINT or SIGTERM. A mistake in the middle of an edit is printed and
 * the watch goes on.
 */
export async function watchAndRebuild(
  inputs: string[],
  context: CliContext,
  options: WatchOptions,
): Promise<void> {
  const report = createReporter(context, options.quiet);
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let building = Promise.resolve();

  const rebuild = async () => {
    const { briefs, errors } = await loadBriefs(await expandBriefPaths(inputs, context), context);
    for (const error of errors) context.stderr.write(formatError(error));
    const pipeline = new BriefPipeline({
      cwd: context.cwd,
      asOf: options.asOf,
      report,
      history: outputHistory(resolve(context.cwd, options.out), report),
      ...(options.corpus ? { corpus: options.corpus } : {}),
      ...(options.template ? { template: options.template } : {}),
    });
    for (const spec of briefs) {
      try {
        const { path, model } = await pipeline.writePdf(spec, options.out);
        report.done(`${relative(context.cwd, path)}  (${describeModel(model)})`);
      } catch (error) {
        context.stderr.write(formatError(error));
      }
    }
    await pipeline.close();
    watchers.forEach((w) => w.close());
    watchers = watchFolders(
      folders(inputs, briefs, pipeline, context),
      context.cwd,
      options.out,
      schedule,
    );
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      building = building
        .then(rebuild)
        .catch((error: unknown) => void context.stderr.write(formatError(error)));
    }, SETTLE_MS);
  };

  const { briefs } = await loadBriefs(await expandBriefPaths(inputs, context), context);
  const pipeline = new BriefPipeline({
    cwd: context.cwd,
    asOf: options.asOf,
    report,
    ...(options.corpus ? { corpus: options.corpus } : {}),
  });
  watchers = watchFolders(
    folders(inputs, briefs, pipeline, context),
    context.cwd,
    options.out,
    schedule,
  );
  if (!options.quiet)
    context.stdout.write('watching briefs, templates and corpus for changes (Ctrl-C to stop)\n');
  await new Promise<void>((done) => {
    const stop = () => {
      clearTimeout(timer);
      watchers.forEach((w) => w.close());
      void building.then(done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** The folders whose changes matter: the briefs', the templates', the corpora. */
function folders(
  inputs: string[],
  briefs: BriefSpec[],
  pipeline: BriefPipeline,
  context: CliContext,
): string[] {
  const briefDirs = inputs
    .map((input) => resolve(context.cwd, input))
    .map((path) => (path.endsWith('.yaml') || path.endsWith('.yml') ? dirname(path) : path));
  const corpora = briefs.map((spec) => pipeline.corpusDir(spec));
  return [...new Set([...briefDirs, ...templateRoots(context.cwd), ...corpora])];
}

function watchFolders(dirs: string[], cwd: string, out: string, onChange: () => void): FSWatcher[] {
  const output = resolve(cwd, out);
  return dirs.flatMap((dir) => {
    try {
      return [
        watch(dir, { recursive: true }, (_event, name) => {
          // Our own PDFs landing in an output folder inside a watched one are not edits.
          if (name && resolve(dir, name.toString()).startsWith(output)) return;
          onChange();
        }),
      ];
    } catch {
      return [];
    }
  });
}
