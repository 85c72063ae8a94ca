import { describe, expect, it } from 'vitest';
import { linkLabelInView } from '../../../renderer/canvas/link-label-in-view';

const canvas = { width: 800, height: 600 };
const label = { width: 300, height: 30 };

describe('where a link’s label shows', () => {
  it('is centred above the link where the canvas has room', () => {
    expect(linkLabelInView({ x: 400, y: 300 }, label, canvas, 8)).toEqual({ x: 250, y: 262 });
  });

  it('moves right, whole, where the link runs by the canvas’s left edge', () => {
    expect(linkLabelInView({ x: 30, y: 300 }, label, canvas, 8)).toEqual({ x: 4, y: 262 });
  });

  it('moves left, whole, where the link runs by the canvas’s right edge', () => {
    expect(linkLabelInView({ x: 790, y: 300 }, label, canvas, 8)).toEqual({ x: 496, y: 262 });
  });

  it('goes below the link where there is no room above it', () => {
    expect(linkLabelInView({ x: 400, y: 20 }, label, canvas, 8)).toEqual({ x: 250, y: 28 });
  });

  it('starts at the left edge when it is wider than the canvas', () => {
    expect(linkLabelInView({ x: 100, y: 300 }, { width: 900, height: 30 }, canvas, 8)).toEqual({ x: 4, y: 262 });
  });
});
