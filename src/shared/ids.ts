/**
 * Brief ids and template names become folder and file names (`<out>/<id>/<id>-<date>.pdf`,
 * `templates/<name>/`), so they are held to one safe path segment: no dots, no slashes.
 */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const ID_MAX_LENGTH = 64;
export const ID_RULE = `lower-case letters, digits and hyphens, at most ${ID_MAX_LENGTH} characters`;

export function isId(value: string): boolean {
  return value.length <= ID_MAX_LENGTH && ID_PATTERN.test(value);
}

/** `Energy_Brief 2` → `energy-brief-2`: what an id for a badly named file could be. */
export function suggestId(value: string): string | undefined {
  const id = value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, ID_MAX_LENGTH)
    .replace(/-+$/, '');
  return id === '' ? undefined : id;
}
