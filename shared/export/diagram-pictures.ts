import type { ExportFile } from './export-target';
import type { ExportWarning } from './export-warning';
import { PNG_PIXEL_RATIO } from './mermaid/picture-file';
import { type DrawnPngSize, pngSizeText } from './png-pixel-ratio';

/** The pictures a bundle can carry of each Mermaid diagram, beside its `.mmd` text. */
export const PICTURE_FORMATS = ['svg', 'png'] as const;
export type PictureFormat = (typeof PICTURE_FORMATS)[number];

/** A diagram drawn as a PNG: its bytes, with the size and scale it got. */
export interface DrawnPng extends DrawnPngSize {
  bytes: Uint8Array;
}

/**
 * Draws one diagram's Mermaid text as an SVG (text) or a PNG, or throws with the reason.
 * Drawing takes a browser engine, so it is handed in: the app draws with its own Mermaid, the
 * CLI in headless Chromium.
 */
export type DrawDiagram = (mermaidText: string, format: PictureFormat) => Promise<string | DrawnPng>;

export interface DiagramPictures {
  formats: readonly PictureFormat[];
  draw: DrawDiagram;
}

/** One picture to draw: of which diagram file, in which format, to which path. */
export interface PlannedPicture {
  diagram: ExportFile;
  format: PictureFormat;
  path: string;
}

const FORMAT_NAMES: Record<PictureFormat, string> = { svg: 'an SVG picture', png: 'a PNG picture' };

/** The pictures of every Mermaid diagram among `files`, each format in the order given. */
export function plannedPictures(files: readonly ExportFile[], formats: readonly PictureFormat[]): PlannedPicture[] {
  return files
    .filter((file) => file.path.endsWith('.mmd'))
    .flatMap((diagram) =>
      formats.map((format) => ({ diagram, format, path: `${diagram.path.slice(0, -'.mmd'.length)}.${format}` })),
    );
}

/** The drawn picture as a bundle file, described after its diagram for index.md. */
export function pictureFile(picture: PlannedPicture, drawn: string | DrawnPng): ExportFile {
  const content = typeof drawn === 'string' ? drawn : drawn.bytes;
  return { path: picture.path, content, about: `${picture.diagram.about}, as ${FORMAT_NAMES[picture.format]}` };
}

/** A PNG too large for PNG_PIXEL_RATIO, drawn at a smaller scale: named with the size and scale it got. */
export function smallerPictureWarning(picture: PlannedPicture, drawn: string | DrawnPng): ExportWarning | null {
  if (typeof drawn === 'string' || drawn.pixelRatio >= PNG_PIXEL_RATIO) return null;
  return { kind: 'caution', path: picture.path, message: `drawn smaller: ${pngSizeText(drawn, PNG_PIXEL_RATIO)}` };
}

/** The files with each diagram's pictures right after it. */
export function withPictures(files: readonly ExportFile[], pictures: readonly ExportFile[]): ExportFile[] {
  const byDiagram = new Map<string, ExportFile[]>();
  for (const picture of pictures) {
    const diagramPath = picture.path.replace(/\.[a-z]+$/, '.mmd');
    byDiagram.set(diagramPath, [...(byDiagram.get(diagramPath) ?? []), picture]);
  }
  return files.flatMap((file) => [file, ...(byDiagram.get(file.path) ?? [])]);
}
