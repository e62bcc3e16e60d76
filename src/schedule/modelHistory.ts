import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { EarlierBrief, type BriefModel } from '../model/index.js';
import { writeFileAtomic } from '../shared/files.js';
import { isId } from '../shared/ids.js';

/**
 * The models of the briefs built, kept so that the next brief of the same id can say what
 * changed. The file store below keeps them beside the schedule state; a shared store (team
 * mode) implements the same two calls.
 */
export interface ModelHistory {
  /** The latest kept brief of this id with an as-of date before `before` (YYYY-MM-DD). */
  previous(briefId: string, before: string): Promise<EarlierBrief | undefined>;
  /** Keep a built brief's model, replacing one of the same id and as-of date. */
  keep(model: BriefModel): Promise<void>;
}

/** Kept models per brief: a year of monthly briefs, a quarter of weekly ones. */
export const MODELS_KEPT = 12;

const KEPT_FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;

/**
 * `<out>/.briefgen/models/<brief-id>/<as-of>.json`, written atomically; after each keep only
 * the `limit` latest as-of dates of the brief stay. A kept file that cannot be read as a brief
 * is passed over (and reported through `warn`) in favour of the one before it.
 */
export function fileModelHistory(
  stateDir: string,
  options: { limit?: number; warn?: (file: string, problem: string) => void } = {},
): ModelHistory {
  const limit = options.limit ?? MODELS_KEPT;
  const folder = (id: string) => {
    // Ids are path segments by construction (ids.ts); anything else is a bug, not a path.
    if (!isId(id)) throw new Error(`not a brief id: ${JSON.stringify(id)}`);
    return join(stateDir, 'models', id);
  };
  return {
    async previous(briefId, before) {
      const dir = folder(briefId);
      const earlier = (await keptDates(dir)).filter((date) => date < before).reverse();
      for (const date of earlier) {
        const file = join(dir, `${date}.json`);
        const kept = await readKept(file, briefId);
        if ('brief' in kept) return kept.brief;
        options.warn?.(file, `${kept.problem}; compared with the brief before it instead`);
      }
      return undefined;
    },
    async keep(model) {
      const dir = folder(model.brief.id);
      await writeFileAtomic(join(dir, `${model.brief.asOf}.json`), JSON.stringify(model) + '\n');
      const dates = await keptDates(dir);
      for (const date of dates.slice(0, Math.max(0, dates.length - limit)))
        await rm(join(dir, `${date}.json`), { force: true });
    },
  };
}

/** The as-of dates kept for a brief, oldest first. */
async function keptDates(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .map((name) => KEPT_FILE.exec(name)?.[1])
    .filter((date): date is string => date !== undefined)
    .sort();
}

async function readKept(
  file: string,
  briefId: string,
): Promise<{ brief: EarlierBrief } | { problem: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return { problem: `not a kept brief (${(error as Error).message})` };
  }
  const result = EarlierBrief.safeParse(parsed);
  if (!result.success) return { problem: 'not a kept brief (not a 1.x BriefModel)' };
  if (result.data.brief.id !== briefId)
    return { problem: `a brief of another id ("${result.data.brief.id}")` };
  return { brief: result.data };
}
