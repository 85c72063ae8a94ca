/**
 * Below this zoom product names cannot be read: the canvas draws each domain as one block with its
 * counts, and the links between domains as one edge each (semantic zoom).
 */
export const OVERVIEW_ZOOM = 0.35;
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 2;
