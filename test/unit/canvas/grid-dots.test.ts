import { describe, expect, it } from 'vitest';
import { dotGridAt, dotLayerOffset, MIN_DOT_SPACING_PX } from '../../../renderer/canvas/grid-dots';

describe('the canvas dot grid', () => {
  it('puts one dot per grid step on screen, sized with the zoom', () => {
    expect(dotGridAt(16, 1)).toEqual({ spacing: 16, radius: 0.5 });
    expect(dotGridAt(16, 2)).toEqual({ spacing: 32, radius: 1 });
  });

  it('is not drawn where its dots would be closer than a few pixels, as in the overview of a large mesh', () => {
    expect(dotGridAt(16, 0.07)).toBeNull();
    expect(dotGridAt(16, MIN_DOT_SPACING_PX / 16)).not.toBeNull();
    expect(dotGridAt(16, (MIN_DOT_SPACING_PX - 0.1) / 16)).toBeNull();
  });

  it('starts its layer within one step before the canvas edge, on a grid point of the pan', () => {
    for (const pan of [0, 5, 16, 37.5, -5, -37.5, 1e6 + 3]) {
      const offset = dotLayerOffset(pan, 16);
      expect(offset).toBeGreaterThanOrEqual(-16);
      expect(offset).toBeLessThan(0);
      const steps = (pan - offset) / 16;
      expect(steps).toBeCloseTo(Math.round(steps), 9);
    }
  });
});
