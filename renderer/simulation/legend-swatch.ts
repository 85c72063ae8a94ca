import type { SeriesStyle } from './series-style';

/**
 * A series' line as a CSS background for its legend marker: its colour, cut by its dash pattern
 * (dash, gap, dash, gap… in pixels) as the chart draws it, so a dashed series past the palette
 * does not look in the legend like the solid one of the same colour.
 */
export function legendSwatch({ stroke, dash }: SeriesStyle): string {
  if (!dash || dash.length === 0) return stroke;
  let at = 0;
  const stops = dash.map((length, index) => {
    const colour = index % 2 === 0 ? stroke : 'transparent';
    const stop = `${colour} ${at}px ${at + length}px`;
    at += length;
    return stop;
  });
  return `repeating-linear-gradient(to right, ${stops.join(', ')})`;
}
