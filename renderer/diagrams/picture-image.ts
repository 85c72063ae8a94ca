import { toBlob } from 'html-to-image';
import { pngImageOptions, svgFileText } from '../../shared/export/mermaid';
import { renderMermaid } from './load-mermaid';

/**
 * The drawn diagram as a PNG at its own size (not the size it is fitted to on screen), on the
 * pane's background so it reads the same in light and dark documents.
 */
export async function pictureAsPng(picture: HTMLElement): Promise<Blob> {
  const svg = picture.querySelector('svg');
  if (!svg) throw new Error('the diagram is not drawn yet');
  const options = pngImageOptions(naturalSize(svg), getComputedStyle(picture).backgroundColor);
  const blob = await toBlob(svg as unknown as HTMLElement, options);
  if (!blob) throw new Error('the browser could not make an image of the diagram');
  return blob;
}

/** The PNG's bytes, as a file holds them. */
export async function pictureAsPngBytes(picture: HTMLElement): Promise<Uint8Array> {
  return new Uint8Array(await (await pictureAsPng(picture)).arrayBuffer());
}

/**
 * The diagram as a standalone SVG file, drawn again with its labels as SVG text (not the HTML the
 * screen shows), so that any SVG renderer draws them; the same file the CLI writes.
 */
export async function diagramAsSvgFile(text: string, isDark: boolean): Promise<string> {
  const rendered = await renderMermaid(text, isDark, 'file');
  if (!rendered.ok) throw new Error(rendered.error);
  return svgFileText(rendered.svg, window);
}

function naturalSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0 && box.height > 0) return { width: Math.ceil(box.width), height: Math.ceil(box.height) };
  const rect = svg.getBoundingClientRect();
  return { width: Math.ceil(rect.width), height: Math.ceil(rect.height) };
}
