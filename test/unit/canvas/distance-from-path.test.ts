import { describe, expect, it, vi } from 'vitest';
import { distanceFromPath } from '../../../renderer/canvas/distance-from-path';
import type { Point } from '../../../shared/editing/geometry';

/** A circle of `radius` round the origin, measured along its line as an SVG path is. */
function circle(radius: number) {
  return {
    length: 2 * Math.PI * radius,
    pointAt: (along: number): Point => ({ x: radius * Math.cos(along / radius), y: radius * Math.sin(along / radius) }),
  };
}

/** A line turning back on itself: out 600 along y = 0, down 10, back 600 along y = 10. */
const hairpin = {
  length: 1210,
  pointAt: (along: number): Point => {
    if (along <= 600) return { x: along, y: 0 };
    if (along <= 610) return { x: 600, y: along - 600 };
    return { x: 600 - (along - 610), y: 10 };
  },
};

describe('distanceFromPath', () => {
  it('is how far a point lies from a circle, within a twentieth of a unit', () => {
    const { pointAt, length } = circle(200);
    for (const [x, y] of [
      [0, 0],
      [13, 250],
      [-150, -40],
      [199, 3],
      [300, -300],
    ] as const) {
      expect(distanceFromPath({ x, y }, pointAt, length)).toBeCloseTo(Math.abs(200 - Math.hypot(x, y)), 1);
    }
  });

  it('finds the nearer of two runs of a line turning back, where a point measured on the farther run lies nearer', () => {
    // 4 below the lower run, 6 above the upper; a point is measured on the upper run at x = 314, on the lower only 6 off.
    expect(distanceFromPath({ x: 314, y: 4 }, hairpin.pointAt, hairpin.length)).toBeCloseTo(4, 1);
    expect(distanceFromPath({ x: 87.3, y: 17 }, hairpin.pointAt, hairpin.length)).toBeCloseTo(7, 1);
    expect(distanceFromPath({ x: 610, y: 5 }, hairpin.pointAt, hairpin.length)).toBeCloseTo(10, 1);
  });

  it('measures the ends of the line too', () => {
    expect(distanceFromPath({ x: -3, y: -4 }, hairpin.pointAt, hairpin.length)).toBeCloseTo(5, 5);
    expect(distanceFromPath({ x: -3, y: 14 }, hairpin.pointAt, hairpin.length)).toBeCloseTo(5, 5);
  });

  it('asks for a fraction of the points that stepping along every 2 units would', () => {
    const pointAt = vi.fn(hairpin.pointAt);
    distanceFromPath({ x: 314, y: 4 }, pointAt, hairpin.length);
    expect(pointAt.mock.calls.length).toBeLessThan(hairpin.length / 2 / 4);
  });
});
