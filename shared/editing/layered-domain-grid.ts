import { stronglyConnected } from '../model/strongly-connected';
import { gridPositions } from './box-grid';
import type { Flow } from './flow-order';
import { boundsOf, type Point, type Size } from './geometry';

type Box = { id: string } & Size;

/**
 * A layered layout wraps into bands, which sends links back left, only past this many layers: a
 * count a user can predict, whatever the widths of the domains; eight columns still read as one
 * flow you fit and zoom into, a chain of twenty domains does not.
 */
const MOST_LAYERS_IN_ONE_BAND = 8;

/** The fewest bands that hold `layerCount` layers; more than one where a single band would run past eight layers. */
export function fewestBands(layerCount: number): number {
  return Math.ceil(layerCount / MOST_LAYERS_IN_ONE_BAND);
}

/**
 * Places domains as a layered (Sugiyama) layout does: each linked domain in a column right of
 * every domain that feeds it, so links between domains enter from the left; domains that no link
 * joins come after the layers, read row by row (the layers counted as one box in that grid). The
 * domains of a cycle stand one above the other in one column; a column of more than four (a cycle,
 * or domains fed alike) folds into columns side by side, as near the view's shape as they come. `boxes` come in flow order (feeders
 * first), which orders a layer's domains before they are sorted by their feeders' rows.
 * Only past eight layers do the columns wrap, into the fewest bands, as even as they can be; or,
 * as a last resort, into as many more as make the whole fit `shownAtSmallestZoom`, the extent the
 * view shows at its smallest zoom (domains so wide that the fewest bands could not be fitted).
 */
export function layeredDomainPositions(
  boxes: readonly Box[],
  edges: readonly Flow[],
  aspectRatio: number,
  gap: number,
  shownAtSmallestZoom?: Size,
): Map<string, Point> {
  const layers = foldedNearAspect(layersOf(boxes, edges), aspectRatio, gap);
  const linked = new Set(layers.flat());
  if (linked.size === 0) return gridPositions(boxes, aspectRatio, gap);
  const unlinked = boxes.filter((box) => !linked.has(box));
  const placedIn = (bandCount: number) => {
    const layered = bandsOf(layers, Math.ceil(layers.length / bandCount), gap);
    // The layers as one box, first in a grid of their own with the unlinked domains after it.
    const whole: ({ id: string | symbol } & Size)[] = [
      { id: LAYERS, width: layered.width, height: layered.height },
      ...unlinked,
    ];
    const placed = gridPositions(whole, aspectRatio, gap);
    return { layered, placed, overflow: shownAtSmallestZoom ? overflowOf(placed, whole, shownAtSmallestZoom) : 0 };
  };
  let best = placedIn(fewestBands(layers.length));
  for (let bandCount = best.layered.bandCount + 1; best.overflow > 1 && bandCount <= layers.length; bandCount++) {
    const wrapped = placedIn(bandCount);
    if (wrapped.overflow < best.overflow) best = wrapped;
  }
  const { layered, placed } = best;
  const origin = placed.get(LAYERS) as Point;
  const positions = new Map<string, Point>();
  for (const [id, point] of placed) if (typeof id === 'string') positions.set(id, point);
  for (const [id, point] of layered.positions) positions.set(id, { x: origin.x + point.x, y: origin.y + point.y });
  return positions;
}

const LAYERS = Symbol('layers');

/**
 * A column of domains folds into columns side by side only past this many, so a small cycle keeps
 * the one column a user expects; a dozen domains feeding each other do not read as one column.
 */
const MOST_DOMAINS_IN_ONE_COLUMN = 4;

/**
 * The layers with each column past four domains folded into columns side by side, at the fold
 * whose one band comes closest to `aspectRatio`. A cycle of a dozen domains is one layer: a column
 * a dozen domains tall that no wrapping into bands could shorten.
 */
function foldedNearAspect(layers: readonly Box[][], aspectRatio: number, gap: number): Box[][] {
  if (!layers.some((layer) => layer.length > MOST_DOMAINS_IN_ONE_COLUMN)) return [...layers];
  const missOf = (folded: readonly Box[][]) => {
    const block = bandsOf(folded, folded.length, gap);
    return Math.abs(Math.log(block.width / Math.max(1, block.height) / aspectRatio));
  };
  const folds = Array.from({ length: MOST_DOMAINS_IN_ONE_COLUMN }, (_, index) =>
    layers.flatMap((layer) => columnsOf(layer, index + 1)),
  );
  return folds.reduce((best, folded) => (missOf(folded) < missOf(best) ? folded : best));
}

/** `layer` cut into the fewest columns of at most `rows` boxes, as even as they can be. */
function columnsOf(layer: readonly Box[], rows: number): Box[][] {
  const count = Math.ceil(layer.length / rows);
  const perColumn = Math.ceil(layer.length / count);
  return Array.from({ length: count }, (_, column) => layer.slice(column * perColumn, (column + 1) * perColumn));
}

/** How many times over the placed boxes overflow `extent`, in the direction they overflow it most (at most 1: they fit). */
function overflowOf(
  placed: ReadonlyMap<string | symbol, Point>,
  boxes: readonly ({ id: string | symbol } & Size)[],
  extent: Size,
): number {
  const bounds = boundsOf(
    boxes.map((box) => ({ ...(placed.get(box.id) as Point), width: box.width, height: box.height })),
  );
  return bounds ? Math.max((bounds.x + bounds.width) / extent.width, (bounds.y + bounds.height) / extent.height) : 0;
}

/**
 * The linked domains (or a domain's linked nodes) in layers: a domain one layer right of the
 * furthest domain feeding it, the domains of a cycle (feeding each other) one above the other in
 * one layer; in a layer, domains in the order of the average row of their feeders, so links cross less.
 */
export function layersOf<B extends { id: string }>(boxes: readonly B[], edges: readonly Flow[]): B[][] {
  const boxOf = new Map(boxes.map((box) => [box.id, box]));
  const joining = edges.filter((edge) => edge.from !== edge.to && boxOf.has(edge.from) && boxOf.has(edge.to));
  const linkedIds = boxes
    .map((box) => box.id)
    .filter((id) => joining.some((edge) => edge.from === id || edge.to === id));
  const successors = (id: string) => joining.filter((edge) => edge.from === id).map((edge) => edge.to);
  // Tarjan's order puts a cycle after every cycle it feeds: reversed, feeders come first.
  const cycles = stronglyConnected(linkedIds, successors).reverse();
  const cycleOf = new Map(cycles.flatMap((cycle, index) => cycle.map((id) => [id, index] as const)));
  const forward = joining.filter((edge) => cycleOf.get(edge.from) !== cycleOf.get(edge.to));
  const layerOf = new Map<string, number>();
  const layers: B[][] = [];
  for (const cycle of cycles) {
    const feeders = forward.filter((edge) => cycle.includes(edge.to)).map((edge) => layerOf.get(edge.from) ?? 0);
    const layer = feeders.length > 0 ? Math.max(...feeders) + 1 : 0;
    const members = boxes.filter((box) => cycle.includes(box.id));
    for (const box of members) layerOf.set(box.id, layer);
    layers[layer] = [...(layers[layer] ?? []), ...members];
  }
  const rowOf = new Map<string, number>();
  for (const layer of layers) {
    const feederRow = (box: B) => {
      const rows = forward.filter((edge) => edge.to === box.id).map((edge) => rowOf.get(edge.from) ?? 0);
      return rows.length > 0 ? rows.reduce((sum, row) => sum + row, 0) / rows.length : 0;
    };
    layer.sort((a, b) => feederRow(a) - feederRow(b));
    for (const [row, box] of layer.entries()) rowOf.set(box.id, row);
  }
  return layers;
}

interface Block {
  positions: Map<string, Point>;
  width: number;
  height: number;
  bandCount: number;
}

/**
 * Columns of domains side by side, each centred on its band's middle (links between columns run
 * shorter so), `perBand` columns to a band, bands one below the other.
 */
function bandsOf(layers: readonly Box[][], perBand: number, gap: number): Block {
  const positions = new Map<string, Point>();
  const heightOf = (column: readonly Box[]) => column.reduce((sum, box) => sum + box.height + gap, -gap);
  let [top, width, bandCount] = [0, 0, 0];
  for (let first = 0; first < layers.length; first += perBand) {
    const band = layers.slice(first, first + perBand);
    const bandHeight = Math.max(...band.map(heightOf));
    let left = 0;
    for (const column of band) {
      let y = top + Math.round((bandHeight - heightOf(column)) / 2);
      for (const box of column) {
        positions.set(box.id, { x: left, y });
        y += box.height + gap;
      }
      left += Math.max(...column.map((box) => box.width)) + gap;
    }
    width = Math.max(width, left - gap);
    top += bandHeight + gap;
    bandCount++;
  }
  return { positions, width, height: top - gap, bandCount };
}
