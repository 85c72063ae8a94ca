import { describe, expect, it } from 'vitest';
import {
  CONTROLS_CORNER,
  fittedViewport,
  focusedViewport,
  MINIMAP_CORNER,
  revealedViewport,
  showsMinimap,
  viewAfterResize,
} from '../../../renderer/canvas/zoom-levels';
import { overlaps, type Rect } from '../../../shared/editing/geometry';

/** Where `bounds` is drawn on screen in a view. */
const onScreen = (bounds: Rect, view: { x: number; y: number; zoom: number }): Rect => ({
  x: bounds.x * view.zoom + view.x,
  y: bounds.y * view.zoom + view.y,
  width: bounds.width * view.zoom,
  height: bounds.height * view.zoom,
});

describe('fittedViewport', () => {
  const canvas = { width: 1280, height: 800 };
  const minimap: Rect = {
    x: canvas.width - MINIMAP_CORNER.width,
    y: canvas.height - MINIMAP_CORNER.height,
    ...MINIMAP_CORNER,
  };
  const controls: Rect = { x: 0, y: canvas.height - CONTROLS_CORNER.height, ...CONTROLS_CORNER };

  // Shapes near the canvas's own: centred, each would reach into the minimap's corner.
  it.each([
    ['a little taller than the canvas', { x: 0, y: 0, width: 1600, height: 1100 }],
    ['a little wider than the canvas', { x: 0, y: 0, width: 2400, height: 1300 }],
    ['shaped as the canvas', { x: -200, y: 100, width: 1280, height: 800 }],
  ])('leaves the minimap’s and the zoom controls’ corners free when fitting a design %s', (_shape, bounds) => {
    const view = fittedViewport(bounds, canvas.width, canvas.height);
    const drawn = onScreen(bounds, view);
    expect(overlaps(drawn, minimap)).toBe(false);
    expect(overlaps(drawn, controls)).toBe(false);
    expect(drawn.x).toBeGreaterThanOrEqual(0);
    expect(drawn.y).toBeGreaterThanOrEqual(0);
    expect(drawn.x + drawn.width).toBeLessThanOrEqual(canvas.width);
    expect(drawn.y + drawn.height).toBeLessThanOrEqual(canvas.height);
  });

  it('centres a small design in the canvas as before, where it is clear of the minimap anyway', () => {
    const view = fittedViewport({ x: 0, y: 0, width: 400, height: 200 }, canvas.width, canvas.height);
    expect(view).toEqual({ x: 440, y: 300, zoom: 1 });
  });
});

describe('focusedViewport', () => {
  const canvas = { width: 831, height: 736 };
  const lineage = { x: 0, y: 0, width: 400, height: 1400 };
  const barBottom = 90;

  it.each([
    ['taller than wide (laid out top to bottom)', lineage],
    ['shaped about as the canvas', { x: 0, y: 0, width: 1200, height: 1000 }],
  ])('fits a lineage %s below the lineage bar, clear of the minimap and the zoom controls', (_shape, bounds) => {
    const drawn = onScreen(bounds, focusedViewport(bounds, canvas.width, canvas.height, barBottom));
    expect(drawn.y).toBeGreaterThan(barBottom);
    expect(drawn.y + drawn.height).toBeLessThanOrEqual(canvas.height);
    expect(drawn.x).toBeGreaterThanOrEqual(0);
    expect(drawn.x + drawn.width).toBeLessThanOrEqual(canvas.width);
    const minimap = {
      x: canvas.width - MINIMAP_CORNER.width,
      y: canvas.height - MINIMAP_CORNER.height,
      ...MINIMAP_CORNER,
    };
    const controls = { x: 0, y: canvas.height - CONTROLS_CORNER.height, ...CONTROLS_CORNER };
    expect(overlaps(drawn, minimap)).toBe(false);
    expect(overlaps(drawn, controls)).toBe(false);
  });

  it('uses the whole canvas when nothing covers its top', () => {
    const drawn = onScreen(lineage, focusedViewport(lineage, canvas.width, canvas.height, 0));
    const margin = canvas.height - (drawn.y + drawn.height);
    expect(drawn.y).toBeCloseTo(margin, 0);
  });
});

describe('revealedViewport (the view following a new element)', () => {
  // The QA's zoo at 1280 × 800: the canvas between the palette and the inspector.
  const canvas = { width: 832, height: 736 };
  const minimap = {
    x: canvas.width - MINIMAP_CORNER.width,
    y: canvas.height - MINIMAP_CORNER.height,
    ...MINIMAP_CORNER,
  };
  const view = { x: 0, y: 0, zoom: 1 };

  it('moves a domain grouped half under the minimap and past the bottom edge into view, clear of the minimap', () => {
    const zooAnalytics = { x: 550, y: 597, width: 222, height: 160 };
    const revealed = revealedViewport(zooAnalytics, view, canvas.width, canvas.height);
    expect(revealed).toBeDefined();
    const drawn = onScreen(zooAnalytics, revealed ?? view);
    expect(overlaps(drawn, minimap)).toBe(false);
    expect(drawn.y + drawn.height).toBeLessThanOrEqual(canvas.height);
    expect(drawn.x).toBeGreaterThanOrEqual(0);
  });

  it('leaves the view where it is when the element is in view and clear of the minimap', () => {
    expect(revealedViewport({ x: 100, y: 100, width: 200, height: 100 }, view, canvas.width, canvas.height)).toBe(
      undefined,
    );
  });
});

describe('viewAfterResize (entering Simulate shrinks the canvas under the run bar)', () => {
  // The QA's zoo at 1280 × 800: fitted in Design, then Simulate's bar and banner take 78 px off the top.
  const zoo = { x: 24, y: 24, width: 964, height: 920 };
  const design = { width: 832, height: 736 };
  const simulate = { width: 858, height: 658 };
  const minimapIn = ({ width, height }: { width: number; height: number }) => ({
    x: width - MINIMAP_CORNER.width,
    y: height - MINIMAP_CORNER.height,
    ...MINIMAP_CORNER,
  });

  it('fits a view that was fitted again, as Shift+1 does, so the minimap covers nothing', () => {
    const fitted = fittedViewport(zoo, design.width, design.height);
    expect(overlaps(onScreen(zoo, fitted), minimapIn(simulate))).toBe(true);
    const refitted = viewAfterResize(fitted, zoo, design, simulate);
    expect(refitted).toEqual(fittedViewport(zoo, simulate.width, simulate.height));
    expect(overlaps(onScreen(zoo, refitted ?? fitted), minimapIn(simulate))).toBe(false);
  });

  it('leaves a view the user moved where it is', () => {
    expect(viewAfterResize({ x: -300, y: -120, zoom: 1.2 }, zoo, design, simulate)).toBeUndefined();
  });
});

describe('showsMinimap', () => {
  it('hides the minimap on a canvas narrowed by a panel beside it, where it would cover nodes', () => {
    expect(showsMinimap(490)).toBe(false);
    expect(showsMinimap(699)).toBe(false);
  });

  it('shows it on a canvas wide enough to leave the nodes room beside it', () => {
    expect(showsMinimap(700)).toBe(true);
    expect(showsMinimap(1280)).toBe(true);
  });
});
