/**
 * The longest side, in pixels, of a PNG the app or the CLI draws (html-to-image on a browser's
 * canvas): Chromium draws no canvas side longer, and html-to-image scales a larger picture down to it.
 */
export const MAX_PNG_SIDE = 16_384;

export interface PictureSize {
  width: number;
  height: number;
}

/**
 * The pixels per picture unit a PNG of a picture this size is drawn at: the ratio asked for, or
 * less where that would pass MAX_PNG_SIDE, so that the PNG's size is known before it is drawn.
 */
export function pngPixelRatio(size: PictureSize, asked: number): number {
  return Math.min(asked, MAX_PNG_SIDE / size.width, MAX_PNG_SIDE / size.height);
}

/** The PNG's size in pixels at that ratio, as the browser's canvas takes it (whole pixels, cut). */
export function pngPixelSize(size: PictureSize, pixelRatio: number): PictureSize {
  return { width: Math.floor(size.width * pixelRatio), height: Math.floor(size.height * pixelRatio) };
}

/** A PNG as drawn: its size in pixels and the pixels per picture unit it got. */
export interface DrawnPngSize extends PictureSize {
  pixelRatio: number;
}

/**
 * A PNG's size for people (`394 × 16384 px`), and, where it was drawn below the scale asked for,
 * that scale and why (`, at 0.68× rather than 2×: …`), so that a smaller picture is not a surprise.
 */
export function pngSizeText({ width, height, pixelRatio }: DrawnPngSize, asked: number): string {
  const size = `${width} × ${height} px`;
  if (pixelRatio >= asked) return size;
  // Cut, not rounded: 1.999 shown as 2.00 would say the picture got the scale asked for.
  const scale = (Math.floor(pixelRatio * 100) / 100).toFixed(2);
  return `${size}, at ${scale}× rather than ${asked}×: no side of a PNG can pass ${MAX_PNG_SIDE} px`;
}
