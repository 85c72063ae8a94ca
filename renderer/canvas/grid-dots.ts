/**
 * Below this spacing on screen the grid's dots (a fraction of a pixel across) would only tint the
 * canvas: the grid is not drawn, as design tools hide their grid far out.
 */
export const MIN_DOT_SPACING_PX = 4;

/** The dot grid at one zoom: dots one grid step apart on screen, their size growing with the zoom as nodes do. */
export interface DotGrid {
  spacing: number;
  radius: number;
}

export function dotGridAt(gridSize: number, zoom: number): DotGrid | null {
  const spacing = gridSize * zoom;
  return spacing < MIN_DOT_SPACING_PX ? null : { spacing, radius: zoom / 2 };
}

/**
 * Where the layer of dots goes for the view's pan: it starts one step before the canvas's top-left
 * corner, at a grid point, so its dots sit on the points snapping places corners on.
 */
export function dotLayerOffset(pan: number, spacing: number): number {
  return (((pan % spacing) + spacing) % spacing) - spacing;
}
