import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { BriefError } from '../shared/errors.js';
import { writeFileAtomic } from '../shared/files.js';
import type { Delivery, Edition } from './types.js';

/** Copy the PDF into another folder; a reader there sees the whole file or none of it. */
export async function copyToFolder(
  folder: NonNullable<Delivery['folder']>,
  edition: Edition,
): Promise<void> {
  const target = join(folder.path, basename(edition.pdf));
  try {
    await writeFileAtomic(target, await readFile(edition.pdf));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new BriefError('DELIVERY_FAILED', `could not copy the PDF to ${target} (${code})`, {
      hint: 'check that the folder can be created and written; the next brief run --due copies it again',
      cause: error,
    });
  }
}
