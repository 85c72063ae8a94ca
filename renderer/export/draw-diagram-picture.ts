import type { DrawDiagram } from '../../shared/export';
import { PNG_PICTURE_HOLDER_STYLE } from '../../shared/export/mermaid';
import { renderMermaid } from '../diagrams/load-mermaid';
import { diagramAsSvgFile, pictureAsPngBytes } from '../diagrams/picture-image';

/**
 * Draws a diagram of the bundle as the Diagram view saves it (the same lazily loaded Mermaid,
 * colours and image code, labels as SVG text), in the light colours on white, as documents and
 * wikis show it.
 */
export const drawDiagramPicture: DrawDiagram = async (text, format) => {
  if (format === 'svg') return diagramAsSvgFile(text, false);
  // Drawn as its SVG is, so that the bundle's two pictures of a diagram are one picture.
  const rendered = await renderMermaid(text, false, 'file');
  if (!rendered.ok) throw new Error(rendered.error);
  const picture = document.createElement('div');
  // Light whatever the app's theme, as the CLI's PNGs are.
  picture.style.cssText = PNG_PICTURE_HOLDER_STYLE;
  picture.setAttribute('aria-hidden', 'true');
  // Mermaid's own output, its labels sanitized by Mermaid (securityLevel strict), as in the Diagram view.
  picture.innerHTML = rendered.svg;
  document.body.append(picture);
  try {
    return await pictureAsPngBytes(picture);
  } finally {
    picture.remove();
  }
};
