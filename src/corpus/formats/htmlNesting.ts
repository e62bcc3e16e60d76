/**
 * How deeply the elements of an HTML page nest, measured in one pass over its tags without
 * building a DOM. Readability walks the DOM recursively and its cost grows with the cube of the
 * depth (500 levels: 1 s, 2,000: 40 s, 20,000: a stack overflow), and linkedom itself takes
 * minutes over 200,000 levels, so a page is measured before either sees it.
 *
 * The count follows htmlparser2 (linkedom's parser) closely enough: void elements, raw-text
 * elements and comments hold no children, "<p>" and "<li>" are closed by the tags that imply
 * their end, and an end tag closes every element opened after its own start tag.
 */

const VOID = new Set(
  'area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr'.split(
    ' ',
  ),
);
/** Elements whose content is text up to their end tag, never markup. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
const P_ONLY = new Set(['p']);
const FORM_TAGS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
/** The open elements that a start tag closes, as htmlparser2 has them. */
const IMPLIED_CLOSE = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map(
    (tag) => [tag, FORM_TAGS] as const,
  ),
  ...(
    'p h1 h2 h3 h4 h5 h6 address article aside blockquote details div dl fieldset figcaption ' +
    'figure footer form header hr main nav ol pre section table ul'
  )
    .split(' ')
    .map((tag) => [tag, P_ONLY] as const),
]);
/** Only inside SVG and MathML does "<x/>" close itself; in HTML the slash is ignored. */
const FOREIGN = new Set(['svg', 'math']);

/** A comment, a declaration ("<!doctype", "<?xml"), or a start or end tag and its name. */
const TAG = /<(?:(!--)|[!?]|(\/?)([a-zA-Z][^\s/>]*))/g;

/**
 * The depth of the deepest element, or the first depth over `limit` (counting stops there: a
 * page refused for its depth need not be measured further).
 */
export function nestingDepth(html: string, limit: number): number {
  const open = new OpenElements();
  let deepest = 0;
  const tag = new RegExp(TAG.source, 'g');
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    const [, comment, closing, rawName] = match;
    const end = html.indexOf(comment ? '-->' : '>', tag.lastIndex);
    if (end < 0) break; // no tag can end after this point: the rest is text
    tag.lastIndex = end + 1;
    if (rawName === undefined) continue;
    const name = rawName.toLowerCase();
    if (closing) {
      open.close(name);
      continue;
    }
    open.closeImplied(IMPLIED_CLOSE.get(name));
    if (VOID.has(name) || (html[end - 1] === '/' && open.inForeignContent(name))) continue;
    open.push(name);
    deepest = Math.max(deepest, open.depth);
    if (deepest > limit) return deepest;
    if (RAW_TEXT.has(name)) {
      const rawEnd = new RegExp(`</${name}`, 'gi');
      rawEnd.lastIndex = tag.lastIndex;
      if (!rawEnd.test(html)) break;
      tag.lastIndex = rawEnd.lastIndex - name.length - 2;
    }
  }
  return deepest;
}

/** The stack of open elements, with a count per name so an end tag without a start costs nothing. */
class OpenElements {
  private readonly stack: string[] = [];
  private readonly counts = new Map<string, number>();

  get depth(): number {
    return this.stack.length;
  }

  push(name: string): void {
    this.stack.push(name);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  close(name: string): void {
    if (!this.counts.get(name)) return;
    while (this.pop() !== name);
  }

  closeImplied(names: ReadonlySet<string> | undefined): void {
    while (names && names.has(this.stack.at(-1) ?? '')) this.pop();
  }

  inForeignContent(name: string): boolean {
    return FOREIGN.has(name) || [...FOREIGN].some((f) => this.counts.get(f));
  }

  private pop(): string | undefined {
    const name = this.stack.pop();
    if (name !== undefined) this.counts.set(name, (this.counts.get(name) ?? 1) - 1);
    return name;
  }
}
