import { constants } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { BriefError } from '../shared/errors.js';
import { isInside } from '../shared/files.js';
import { isId } from '../shared/ids.js';

/**
 * Where a brief's PDF goes: `<out>/<id>/<id>-<asOf>.pdf`, or `<id>-<asOf>-<template>.pdf` when
 * --template overrides the brief's audience, so that trying another template never overwrites
 * the day's real brief. Ids and template names are checked where they are read; this checks
 * again, because a path that leaves --out must never be written.
 */
export function pdfPath(
  outDir: string,
  spec: { id: string; audience: string; file: string },
  asOf: string,
  template?: string,
): string {
  const suffix = template !== undefined && template !== spec.audience ? `-${template}` : '';
  const path = join(outDir, spec.id, `${spec.id}-${asOf}${suffix}.pdf`);
  const safe =
    isId(spec.id) &&
    (template === undefined || isId(template)) &&
    /^\d{4}-\d{2}-\d{2}$/.test(asOf) &&
    isInside(resolve(outDir), path);
  if (!safe) {
    throw new BriefError('BRIEF_INVALID', `the brief's output path would leave the --out folder`, {
      file: spec.file,
      hint: 'ids and template names are lower-case letters, digits and hyphens',
    });
  }
  return path;
}

/** Kernel and device folders: writing a PDF there is never meant, and may hang or fail late. */
const SPECIAL_FOLDERS = ['/proc', '/sys', '/dev'];

/**
 * Check --out before any work: it must be a folder (or a path where one can be created) that
 * this process can write, and not a special system folder. Nothing is created here, so a run
 * that fails on its input leaves no empty output folder behind.
 */
export async function checkOutputFolder(out: string, cwd: string): Promise<string> {
  const dir = resolve(cwd, out);
  const problem = (message: string, hint: string) =>
    new BriefError('OUTPUT_INVALID', message, { file: out, hint });
  let existing = dir;
  let info = await stat(existing).catch(() => undefined);
  while (info === undefined && dirname(existing) !== existing) {
    existing = dirname(existing);
    info = await stat(existing).catch(() => undefined);
  }
  if (info === undefined || !info.isDirectory()) {
    const what =
      existing === dir ? 'is not a folder' : `cannot be created: ${existing} is not a folder`;
    throw problem(`--out ${what}`, 'give --out a folder (it is created if missing)');
  }
  const real = await realpath(existing);
  if (SPECIAL_FOLDERS.some((root) => real === root || isInside(root, real)) && !isShm(real)) {
    throw problem(
      `--out is inside ${real.split(sep).slice(0, 2).join(sep)}, a system folder`,
      'give --out an ordinary folder, e.g. --out output',
    );
  }
  try {
    await access(existing, constants.W_OK | constants.X_OK);
  } catch {
    throw problem(
      existing === dir
        ? '--out is not a writable folder'
        : `--out cannot be created: ${existing} is not writable`,
      'check its permissions, or give --out another folder',
    );
  }
  return dir;
}

function isShm(path: string): boolean {
  return path === '/dev/shm' || isInside('/dev/shm', path);
}
