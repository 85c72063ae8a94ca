import { describe, expect, it } from 'vitest';
import { DISTINCT_SERIES, seriesColors, seriesStyle } from '../../../renderer/simulation/series-style';

/** CIE76 distance in CIELAB (D65): about 2.3 is just noticeable; below 20 thin lines are easily confused. */
function labDistance(first: string, second: string): number {
  const [l1, a1, b1] = lab(first);
  const [l2, a2, b2] = lab(second);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

function lab(hex: string): [number, number, number] {
  const [r, g, b] = linearRgb(hex);
  const x = (r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047;
  const y = r * 0.2126 + g * 0.7152 + b * 0.0722;
  const z = (r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883;
  const f = (value: number) => (value > 0.008856 ? Math.cbrt(value) : 7.787 * value + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function linearRgb(hex: string): [number, number, number] {
  const channel = (at: number) => {
    const value = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return [channel(1), channel(3), channel(5)];
}

function contrast(first: string, second: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = linearRgb(hex);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [darker, lighter] = [luminance(first), luminance(second)].sort((a, b) => a - b) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

const THEMES = [
  { name: 'light', isDark: false, panel: '#ffffff' },
  { name: 'dark', isDark: true, panel: '#1d2129' },
];

describe.each(THEMES)('the series styles of a chart in the $name theme', ({ isDark, panel }) => {
  it('gives no two of the first styles the same colour and dash', () => {
    const styles = Array.from({ length: DISTINCT_SERIES }, (_, index) => JSON.stringify(seriesStyle(index, isDark)));
    expect(new Set(styles).size).toBe(DISTINCT_SERIES);
    expect(DISTINCT_SERIES).toBeGreaterThanOrEqual(30);
  });

  it('uses colours far enough apart to tell two thin lines apart, such as the two oranges of ten links', () => {
    const colors = seriesColors(isDark);
    for (const [index, first] of colors.entries()) {
      for (const second of colors.slice(index + 1))
        expect(labDistance(first, second), `${first} ${second}`).toBeGreaterThan(25);
    }
  });

  it('draws every colour visibly on the panel', () => {
    for (const color of seriesColors(isDark)) expect(contrast(color, panel), color).toBeGreaterThanOrEqual(3);
  });

  it('draws the ten series of a busy mesh solid, each in its own colour', () => {
    const strokes = Array.from({ length: 10 }, (_, index) => seriesStyle(index, isDark));
    expect(new Set(strokes.map((style) => style.stroke)).size).toBe(10);
    expect(strokes.every((style) => style.dash === undefined)).toBe(true);
  });
});
