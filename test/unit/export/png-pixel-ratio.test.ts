import { describe, expect, it } from 'vitest';
import { MAX_PNG_SIDE, pngPixelRatio, pngPixelSize, pngSizeText } from '../../../shared/export/png-pixel-ratio';

describe('the pixel ratio a PNG is drawn at', () => {
  it('is the ratio asked for where the PNG stays within the largest side a browser draws', () => {
    expect(pngPixelRatio({ width: 1876, height: 6808 }, 2)).toBe(2);
    expect(pngPixelSize({ width: 1876, height: 6808 }, 2)).toEqual({ width: 3752, height: 13616 });
  });

  it('is less for a postal service 16,408 units tall, its longest side then just the largest a browser draws', () => {
    const size = { width: 1877, height: 16_408 };
    const ratio = pngPixelRatio(size, 2);
    expect(ratio).toBeCloseTo(0.9985, 4);
    expect(pngPixelSize(size, ratio)).toEqual({ width: 1874, height: MAX_PNG_SIDE });
  });

  it('fits the longer side of a picture too large both ways, at 1× too', () => {
    const size = { width: 40_000, height: 20_000 };
    expect(pngPixelSize(size, pngPixelRatio(size, 1))).toEqual({ width: MAX_PNG_SIDE, height: 8192 });
  });

  it('is said with the PNG’s size, and the scale it got where that is below the one asked for', () => {
    expect(pngSizeText({ width: 2400, height: 1600, pixelRatio: 2 }, 2)).toBe('2400 × 1600 px');
    expect(pngSizeText({ width: 394, height: 16_384, pixelRatio: 16_384 / 11_431 }, 2)).toBe(
      '394 × 16384 px, at 1.43× rather than 2×: no side of a PNG can pass 16384 px',
    );
  });

  it('never says a scale just below the one asked for as that scale', () => {
    expect(pngSizeText({ width: 1874, height: 16_384, pixelRatio: 1.9999 }, 2)).toContain('at 1.99× rather than 2×');
  });
});
