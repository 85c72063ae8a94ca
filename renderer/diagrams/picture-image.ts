import { toBlob } from 'html-to-image';

/** How much larger than on screen a picture is rasterized, for sharp images on high-density screens. */
const PNG_PIXEL_RATIO = 2;

/**
 * The drawn diagram as a PNG at its own size (not the size it is fitted to on screen), on the
 * pane's background so it reads the same in light and dark documents.
 */
export async function pictureAsPng(picture: HTMLElement): Promise<Blob> {
  const svg = picture.querySelector('svg');
  if (!svg) throw new Error('the diagram is not drawn yet');
  const { width, height } = naturalSize(svg);
  const blob = await toBlob(svg as unknown as HTMLElement, {
    width,
    height,
    pixelRatio: PNG_PIXEL_RATIO,
    backgroundColor: getComputedStyle(picture).backgroundColor,
    style: { maxWidth: 'none', width: `${width}px`, height: `${height}px` },
  });
  if (!blob) throw new Error('the browser could not make an image of the diagram');
  return blob;
}

/** The PNG's bytes, as a file holds them. */
export async function pictureAsPngBytes(picture: HTMLElement): Promise<Uint8Array> {
  return new Uint8Array(await (await pictureAsPng(picture)).arrayBuffer());
}

/** The SVG as a standalone file: Mermaid's markup with the XML declaration editors expect. */
export function pictureAsSvg(picture: HTMLElement): string {
  const svg = picture.querySelector('svg');
  if (!svg) throw new Error('the diagram is not drawn yet');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}

function naturalSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0 && box.height > 0) return { width: Math.ceil(box.width), height: Math.ceil(box.height) };
  const rect = svg.getBoundingClientRect();
  return { width: Math.ceil(rect.width), height: Math.ceil(rect.height) };
}
