/** About half a page of text: short enough to move whole to the next page. */
const UNBREAKABLE_MAX_CHARS = 1500;

/**
 * The `wrap` prop of a block that reads best on one page (a key point, a table row, a source).
 * It is kept whole only when its text surely fits on a page: React-PDF cuts off a block that
 * cannot wrap and is taller than a page, and text must never be lost (RENDERING-NOTES bug 4).
 */
export function wrapWhenLong(...texts: readonly (string | undefined)[]): boolean {
  return texts.reduce((chars, text) => chars + (text?.length ?? 0), 0) > UNBREAKABLE_MAX_CHARS;
}

const STACKED = { flexDirection: 'column' } as const;

/**
 * Props of a row of cells (a key point, a table row, a timeline event, a source). A short row
 * moves whole to the next page. A long one is stacked, cell under cell, so that it can break
 * across pages: React-PDF's pagination drops whatever of a row does not fit on one page.
 */
export function rowProps<S>(
  style: S,
  ...texts: readonly (string | undefined)[]
): { style: S | [S, typeof STACKED]; wrap: boolean } {
  const long = wrapWhenLong(...texts);
  return { style: long ? [style, STACKED] : style, wrap: long };
}
