import type { Mesh } from '../model';
import type { Size } from './geometry';
import { productById, systemById } from './mesh-index';
import { DEFAULT_NODE_SIZE, type SizeOf } from './node-placement';

/** The canvas draws a card at least this wide (`min-width` in renderer/styles/app.css); long names widen it. */
export const CARD_MIN_WIDTH = 260;
/** The canvas draws a card at most this wide (`max-width` there): longer text wraps. */
const CARD_MAX_WIDTH = 300;
/** What a card draws above its lists: a product's name and kind; a system's, and its database and messaging headings. */
const PRODUCT_HEADER_HEIGHT = 61;
const SYSTEM_HEADER_HEIGHT = 105;
/** A product draws its inputs beside its outputs, one line each; a system a line per table and per topic. */
const PORT_LINE_HEIGHT = 18;
const TABLE_LINE_HEIGHT = 16;
const TOPIC_LINE_HEIGHT = 18;
/**
 * What Simulate adds to a product's card (renderer/canvas/simulation/node-activity.tsx): a line of
 * rows per zone and lag, which the badges for being offline, failing and quarantined and a
 * product's every zone wrap onto more lines; room is kept for two of them.
 */
const ACTIVITY_LINE_HEIGHT = 21;
const WRAPPED_ACTIVITY_LINE_HEIGHT = 17;
const SIMULATION_LINES_HEIGHT = ACTIVITY_LINE_HEIGHT + 2 * WRAPPED_ACTIVITY_LINE_HEIGHT;

/**
 * The smallest a product's or system's card is drawn, from what it lists: an owner line or a
 * wrapped name only make it larger. Cards overlapping at this size overlap on the canvas.
 */
export function leastCardSize(mesh: Mesh): SizeOf {
  return (nodeId) => ({ width: CARD_MIN_WIDTH, height: leastCardHeight(mesh, nodeId) });
}

/** A card's height as drawn without wrapping or an owner line; the default room for an id that is neither product nor system. */
export function leastCardHeight(mesh: Mesh, nodeId: string): Size['height'] {
  const product = productById(mesh, nodeId);
  if (product) {
    return PRODUCT_HEADER_HEIGHT + Math.max(product.inputPorts.length, product.outputPorts.length) * PORT_LINE_HEIGHT;
  }
  const system = systemById(mesh, nodeId);
  if (system) {
    return (
      SYSTEM_HEADER_HEIGHT +
      system.database.tables.length * TABLE_LINE_HEIGHT +
      system.messaging.topics.length * TOPIC_LINE_HEIGHT
    );
  }
  return DEFAULT_NODE_SIZE.height;
}

/**
 * The room a layout gives a card: its drawn size where the canvas measured one, else the widest and
 * least it is drawn; a product's at least as tall as its card with the lines Simulate adds, so cards
 * laid out in Design stay apart when simulating. A card drawn taller keeps its drawn height.
 */
export function cardRoom(mesh: Mesh, drawnSizeOf: (nodeId: string) => Size | undefined = () => undefined): SizeOf {
  return (nodeId) => {
    const drawn = drawnSizeOf(nodeId);
    const isProduct = productById(mesh, nodeId) !== undefined;
    if (!isProduct && !systemById(mesh, nodeId)) return drawn ?? DEFAULT_NODE_SIZE;
    const least = leastCardHeight(mesh, nodeId) + (isProduct ? SIMULATION_LINES_HEIGHT : 0);
    return { width: drawn?.width ?? CARD_MAX_WIDTH, height: Math.max(drawn?.height ?? 0, least) };
  };
}
