import { toBlob } from 'html-to-image';
import type { DrawnPng } from '../../shared/export';
import { PNG_PICTURE_HOLDER_STYLE, pngImageOptions, pngOfPicture, svgFileText } from '../../shared/export/mermaid';
import { renderMermaid } from './load-mermaid';

/*
 * A diagram's picture files, drawn as the CLI draws them (see picture-file.ts): the Diagram view
 * saves and copies these, the Export dialog writes them, so every one of a text's pictures is one.
 */

/**
 * The diagram as a standalone SVG file, drawn again with its labels as SVG text (not the HTML the
 * screen shows), so that any SVG renderer draws them; the same file the CLI writes.
 */
export async function diagramAsSvgFile(text: string, isDark: boolean): Promise<string> {
  return svgFileText(await drawnForFile(text, isDark), window);
}

/** The PNG's bytes, as a file holds them, with the size and scale it got. */
export async function diagramAsPngFile(text: string, isDark: boolean): Promise<DrawnPng> {
  const { blob, ...size } = await drawnPng(text, isDark);
  return { bytes: new Uint8Array(await blob.arrayBuffer()), ...size };
}

/** The diagram as a PNG, as diagramAsPngFile draws it. */
export async function diagramAsPng(text: string, isDark: boolean): Promise<Blob> {
  return (await drawnPng(text, isDark)).blob;
}

/**
 * The diagram as a PNG at twice its own size (less where that would pass the largest PNG), on its
 * colours' background: a photo of its SVG file.
 */
async function drawnPng(text: string, isDark: boolean): Promise<Omit<DrawnPng, 'bytes'> & { blob: Blob }> {
  const svg = await drawnForFile(text, isDark);
  const picture = document.createElement('div');
  picture.style.cssText = PNG_PICTURE_HOLDER_STYLE;
  if (isDark) picture.style.colorScheme = 'dark';
  picture.setAttribute('aria-hidden', 'true');
  // Mermaid's own output, its labels sanitized by Mermaid (securityLevel strict), as in the Diagram view.
  picture.innerHTML = svg;
  document.body.append(picture);
  try {
    const drawn = picture.querySelector('svg');
    if (!drawn) throw new Error('Mermaid drew no SVG');
    const size = naturalSize(drawn);
    const blob = await toBlob(
      drawn as unknown as HTMLElement,
      pngImageOptions(size, getComputedStyle(picture).backgroundColor),
    );
    if (!blob) throw new Error('the browser could not make an image of the diagram');
    return { blob, ...pngOfPicture(size) };
  } finally {
    picture.remove();
  }
}

async function drawnForFile(text: string, isDark: boolean): Promise<string> {
  const rendered = await renderMermaid(text, isDark, 'file');
  if (!rendered.ok) throw new Error(rendered.error);
  return rendered.svg;
}

function naturalSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0 && box.height > 0) return { width: Math.ceil(box.width), height: Math.ceil(box.height) };
  const rect = svg.getBoundingClientRect();
  return { width: Math.ceil(rect.width), height: Math.ceil(rect.height) };
}
