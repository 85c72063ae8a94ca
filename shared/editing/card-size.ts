import type { Mesh } from '../model';
import type { Size } from './geometry';
import { productById, systemById } from './mesh-index';
import { DEFAULT_NODE_SIZE, type SizeOf } from './node-placement';

/** The canvas draws a card at least this wide (`min-width` in renderer/styles/app.css); long names widen it. */
export const CARD_MIN_WIDTH = 260;
/** What a card draws above its lists: a product's name and kind; a system's, and its database and messaging headings. */
const PRODUCT_HEADER_HEIGHT = 61;
const SYSTEM_HEADER_HEIGHT = 105;
/** A product draws its inputs beside its outputs, one line each; a system a line per table and per topic. */
const PORT_LINE_HEIGHT = 18;
const TABLE_LINE_HEIGHT = 16;
const TOPIC_LINE_HEIGHT = 18;

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
