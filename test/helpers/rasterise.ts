import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * One page of a PDF as PNG bytes, drawn by pdf.js on @napi-rs/canvas (both from npm, so the
 * test command needs nothing but Node). Glyphs are drawn as paths (disableFontFace), which is
 * deterministic across machines.
 */
export async function rasterisePage(
  pdfBytes: Uint8Array,
  pageNumber: number,
  dpi: number,
): Promise<Buffer> {
  const pdf = await getDocument({
    data: new Uint8Array(pdfBytes),
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  const page = await pdf.getPage(pageNumber);
  const viewport = page.getViewport({ scale: dpi / 72 });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  // pdf.js is typed against the DOM canvas; @napi-rs/canvas implements the same API.
  const render = page.render as unknown as (params: {
    canvasContext: unknown;
    viewport: unknown;
    canvas: unknown;
  }) => { promise: Promise<void> };
  await render.call(page, { canvasContext: context, viewport, canvas }).promise;
  await pdf.destroy();
  return canvas.toBuffer('image/png');
}
