/**
 * Hard-wrapped text (a .txt or .md saved at 72–100 columns) puts one paragraph on several
 * lines. Line by line, a continuation reads as a heading or furniture and a name split across
 * the break is lost, so wrapped paragraphs are joined before cleaning.
 */
export interface SourceLine {
  /** 1-based line number of the paragraph's first line in the raw file */
  line: number;
  text: string;
}

/** Wrapping shows as many lines ending near one width; prose lines of a web page vary widely. */
const MIN_WRAP_WIDTH = 50;
const MAX_WRAP_WIDTH = 140;
/** A line this close to the wrap width was broken by the wrap, not by the writer. */
const FULL_LINE_SHARE = 0.6;
/** Share of the longer lines that must end near the width for the text to count as wrapped. */
const WRAPPED_SHARE = 0.5;
const MIN_LONG_LINES = 3;
const LIST_ITEM = /^\s*(?:[•·▪●◦*–-]|\d{1,2}[.)])\s/u;

/** The width the text is wrapped at, if it is wrapped. */
export function wrapWidth(lines: readonly string[]): number | undefined {
  const lengths = lines.map((l) => l.trimEnd().length).filter((n) => n > 0);
  if (lengths.length < MIN_LONG_LINES) return undefined;
  const sorted = [...lengths].sort((a, b) => a - b);
  const width = sorted[Math.floor(sorted.length * 0.9)] ?? 0;
  if (width < MIN_WRAP_WIDTH || width > MAX_WRAP_WIDTH) return undefined;
  // No line much longer than the width: a page with a few long paragraphs is not wrapped.
  if ((sorted.at(-1) ?? 0) > width * 1.15) return undefined;
  const long = lengths.filter((n) => n >= width * FULL_LINE_SHARE);
  const nearWidth = long.filter((n) => n >= width * 0.85);
  return long.length >= MIN_LONG_LINES && nearWidth.length / long.length >= WRAPPED_SHARE
    ? width
    : undefined;
}

/**
 * Lines of the raw text, with the continuation lines of wrapped paragraphs joined to the line
 * they continue. Short lines (headings, datelines, list items, a paragraph's last line) end a
 * paragraph, so they are never joined to what follows.
 */
export function reflowLines(rawLines: readonly string[]): SourceLine[] {
  const width = wrapWidth(rawLines);
  const out: SourceLine[] = [];
  let open: SourceLine | undefined;
  rawLines.forEach((raw, i) => {
    const text = raw.trim();
    const continues =
      width !== undefined &&
      open !== undefined &&
      text !== '' &&
      !LIST_ITEM.test(raw) &&
      (rawLines[i - 1] ?? '').trimEnd().length >= width * FULL_LINE_SHARE;
    if (continues && open) {
      open.text = /\p{L}-$/u.test(open.text) ? open.text + text : `${open.text} ${text}`;
      return;
    }
    open = { line: i + 1, text };
    out.push(open);
    if (text === '') open = undefined;
  });
  return out;
}
