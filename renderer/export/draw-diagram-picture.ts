import type { DrawDiagram } from '../../shared/export';
import { diagramAsPngFile, diagramAsSvgFile } from '../diagrams/picture-image';

/** Draws a diagram of the bundle as the Diagram view saves it, in the light colours on white, as documents and wikis show it. */
export const drawDiagramPicture: DrawDiagram = (text, format) =>
  format === 'svg' ? diagramAsSvgFile(text, false) : diagramAsPngFile(text, false);
