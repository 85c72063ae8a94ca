/**
 * Line styles for a chart's series: ten colours far apart (no two closer than 25 in CIELAB, each at
 * least 3:1 against the panel), one set per theme; past ten, the colours repeat with a dash pattern.
 */
const LIGHT_COLORS = [
  '#1f6fc5',
  '#e06c00',
  '#2a9a2a',
  '#d62728',
  '#8e5cc4',
  '#8c564b',
  '#d6409f',
  '#6b6b6b',
  '#8a8a00',
  '#0f93a3',
];
const DARK_COLORS = [
  '#5fa8e8',
  '#ff9a3c',
  '#5cc85c',
  '#ff6b6b',
  '#b48cf0',
  '#c8967a',
  '#f28fd0',
  '#a8a8a8',
  '#d4d44a',
  '#3fd6d6',
];
/** Solid first, then patterns told apart even in the legend's short marker. */
const DASHES: readonly (readonly number[] | undefined)[] = [undefined, [6, 3], [2, 3], [8, 3, 2, 3]];

export interface SeriesStyle {
  stroke: string;
  dash?: number[];
}

export function seriesColors(isDark: boolean): readonly string[] {
  return isDark ? DARK_COLORS : LIGHT_COLORS;
}

/** How many series get a style of their own before styles repeat. */
export const DISTINCT_SERIES = LIGHT_COLORS.length * DASHES.length;

export function seriesStyle(index: number, isDark: boolean): SeriesStyle {
  const colors = seriesColors(isDark);
  const dash = DASHES[Math.floor(index / colors.length) % DASHES.length];
  const stroke = colors[index % colors.length] as string;
  return { stroke, ...(dash && { dash: [...dash] }) };
}
