import { describe, expect, it } from 'vitest';
import { MAX_PNG_SIDE } from '../../../shared/export';
import { PNG_PIXEL_RATIO, pngImageOptions, pngOfPicture } from '../../../shared/export/mermaid';

describe('the PNG of a diagram', () => {
  it('is drawn at twice the picture’s size where that fits', () => {
    expect(pngImageOptions({ width: 1200, height: 800 }, 'white').pixelRatio).toBe(PNG_PIXEL_RATIO);
    expect(pngOfPicture({ width: 1200, height: 800 })).toEqual({ width: 2400, height: 1600, pixelRatio: 2 });
  });

  it('is drawn at the largest scale that fits for a contract’s schema 11,431 units tall, its height then the largest a browser draws', () => {
    const schema = { width: 275, height: 11_431 };
    const { pixelRatio } = pngImageOptions(schema, 'white');
    expect(pixelRatio).toBeCloseTo(MAX_PNG_SIDE / 11_431, 10);
    expect(pngOfPicture(schema)).toEqual({ width: 394, height: MAX_PNG_SIDE, pixelRatio });
  });
});
