import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfContent {
  numPages: number;
  /** Text of each page, items joined by spaces, white space folded. */
  pages: string[];
  text: string;
  info: Record<string, unknown>;
  outline: string[];
  /** Right edge of the rightmost text on each page, and the page's width (points). */
  extents: { rightmost: number; width: number }[];
  /** Internal link targets, per page: the page index (0-based) each link jumps to. */
  links: { page: number; target: number | undefined }[];
  /** Web addresses of link annotations (clickable URLs). */
  uris: string[];
}

/** Read a PDF back with a real reader (pdf.js): text, metadata, outline and links. */
export async function readPdf(source: string | Uint8Array): Promise<PdfContent> {
  const data =
    typeof source === 'string' ? new Uint8Array(await readFile(source)) : new Uint8Array(source);
  const pdf = await getDocument({
    data,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  const links: PdfContent['links'] = [];
  const uris: string[] = [];
  const extents: PdfContent['extents'] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const text = content.items
      .map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : ''))
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    pages.push(text);
    const right = content.items.map((item) =>
      'str' in item ? (item.transform[4] as number) + item.width : 0,
    );
    extents.push({ rightmost: Math.max(0, ...right), width: page.view[2] ?? 0 });
    for (const annotation of await page.getAnnotations()) {
      if (annotation.subtype === 'Link' && typeof annotation.url === 'string')
        uris.push(annotation.url);
      if (annotation.subtype !== 'Link' || !annotation.dest) continue;
      const dest =
        typeof annotation.dest === 'string'
          ? await pdf.getDestination(annotation.dest)
          : annotation.dest;
      const ref = Array.isArray(dest) ? dest[0] : undefined;
      const target = ref && typeof ref === 'object' ? await pdf.getPageIndex(ref) : undefined;
      links.push({ page: n - 1, target });
    }
  }
  const meta = await pdf.getMetadata();
  const outline = ((await pdf.getOutline()) ?? []).map((entry) => entry.title);
  await pdf.destroy();
  return {
    numPages: pdf.numPages,
    pages,
    text: pages.join('\n'),
    info: meta.info as Record<string, unknown>,
    outline,
    links,
    uris,
    extents,
  };
}
