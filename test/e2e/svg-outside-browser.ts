import { type RenderedImage, Resvg } from '@resvg/resvg-js';
import { JSDOM } from 'jsdom';

/** Labels compared as Mermaid wraps them: a line may break anywhere, even inside a word. */
export const withoutSpaces = (text: string) => text.replace(/\s+/g, '');

function parsedSvg(svg: string): JSDOM {
  return new JSDOM(svg, { contentType: 'image/svg+xml' });
}

/** The text of each SVG `<text>` element, its wrapped lines run together without spaces. */
export function svgTextLabels(svg: string): string[] {
  const { document } = parsedSvg(svg).window;
  return [...document.getElementsByTagName('text')].map((text) => withoutSpaces(text.textContent ?? ''));
}

/** Each line Mermaid wrapped the SVG `<text>` labels of its boxes (`.node`) into, as it reads. */
export function svgBoxLabelLines(svg: string): string[] {
  return labelLines(svg, '.node');
}

/** The same for the labels of its edges (`.edgeLabel`), each line trimmed. */
export function svgEdgeLabelLines(svg: string): string[] {
  return labelLines(svg, '.edgeLabel').map((line) => line.trim());
}

function labelLines(svg: string, labelSelector: string): string[] {
  const { document } = parsedSvg(svg).window;
  return [...document.querySelectorAll(`${labelSelector} text tspan.row`)].map((line) => line.textContent ?? '');
}

/** The SVG drawn as SVG tools and viewers draw it: by resvg, with no browser and so no HTML. */
export function drawnByResvg(svg: string): RenderedImage {
  return new Resvg(svg, { background: '#ffffff', font: { defaultFontFamily: 'DejaVu Sans' } }).render();
}

/**
 * How many pixels resvg draws for a Mermaid diagram's box, frame and edge labels (its title aside):
 * the picture against the same picture without them.
 */
export function labelPixelsDrawnByResvg(svg: string): number {
  const { window } = parsedSvg(svg);
  for (const label of [...window.document.querySelectorAll('.root text, .root foreignObject')]) label.remove();
  const unlabelled = drawnByResvg(new window.XMLSerializer().serializeToString(window.document)).pixels;
  const labelled = drawnByResvg(svg).pixels;
  let differing = 0;
  for (let index = 0; index < labelled.length; index += 4) {
    if (labelled.readUInt32BE(index) !== unlabelled.readUInt32BE(index)) differing += 1;
  }
  return differing;
}
