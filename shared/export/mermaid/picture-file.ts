import { type DrawnPngSize, type PictureSize, pngPixelRatio, pngPixelSize } from '../png-pixel-ratio';
import { svgTitleAsWritten } from './diagram-title';
import { svgFrameTitlesCentred } from './svg-frame-titles';
import { svgLabelsAsWritten } from './svg-text-labels';

/*
 * A diagram's picture files come out of two browsers, the app's and the CLI's headless Chromium,
 * and are one picture only when both draw them alike: with the settings of mermaidSettings
 * ({ isForFile: true }), this id, in a container of this style, finished by svgFileText; the PNG
 * made of that SVG by html-to-image with pngImageOptions.
 */

/** The id a picture for a file is drawn with: its styles name it, so that it is the same each export, wherever drawn. */
export const PICTURE_FILE_ID = 'mesh-picture';

/**
 * Where a picture for a file is drawn, off screen. Chromium fits text to the screen's pixels, so
 * Mermaid measured a title a pixel apart on a 2× screen (the CLI's page) and a 1× one; at geometric
 * precision text measures the same at every pixel density.
 */
export const PICTURE_FILE_CONTAINER_STYLE =
  'position: fixed; left: -100000px; top: 0; text-rendering: geometricPrecision';

/** Mermaid's drawing for a file, its labels and title showing the names they were written from, frame titles centred. */
export function pictureAsWritten(drawn: string): string {
  return svgTitleAsWritten(svgFrameTitlesCentred(svgLabelsAsWritten(drawn)));
}

/** The parts of a browser's DOM that write a picture file. */
export interface XmlWriters {
  DOMParser: new () => {
    parseFromString(text: string, type: 'text/html'): { querySelector(selector: 'svg'): unknown };
  };
  XMLSerializer: new () => { serializeToString(node: never): string };
}

/**
 * A picture as a standalone SVG file: read as innerHTML would read it (Mermaid's markup is
 * HTML-flavoured), written as XML by the browser that drew it, with the declaration editors
 * expect. Self-contained, for the CLI runs its source in its headless page.
 */
export function svgFileText(svg: string, browser: XmlWriters): string {
  const element = new browser.DOMParser().parseFromString(svg, 'text/html').querySelector('svg');
  if (!element) throw new Error('Mermaid drew no SVG');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new browser.XMLSerializer().serializeToString(element as never)}\n`;
}

/** How much larger than its own size a picture is rasterized, for sharp images on high-density screens. */
export const PNG_PIXEL_RATIO = 2;

/** What a picture for a PNG file is laid out in (the image code measures it), off screen: light, for labels inherit it. */
export const PNG_PICTURE_HOLDER_STYLE =
  'position: fixed; left: -100000px; top: 0; color-scheme: light; background: Canvas; color: CanvasText';

/** The PNG of a picture this size: at PNG_PIXEL_RATIO, or the largest ratio that keeps it within MAX_PNG_SIDE. */
export function pngOfPicture(size: PictureSize): DrawnPngSize {
  const pixelRatio = pngPixelRatio(size, PNG_PIXEL_RATIO);
  return { ...pngPixelSize(size, pixelRatio), pixelRatio };
}

/** html-to-image's options for a picture at its own size (not the size it is fitted to on screen), on a background. */
export function pngImageOptions(size: PictureSize, backgroundColor: string) {
  const { width, height } = size;
  return {
    width,
    height,
    pixelRatio: pngOfPicture(size).pixelRatio,
    backgroundColor,
    style: { maxWidth: 'none', width: `${width}px`, height: `${height}px` },
  };
}
