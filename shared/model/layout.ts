import { z } from 'zod';

/**
 * Where a node is drawn. Products and systems are positioned relative to their
 * domain's top-left corner; domains relative to the canvas origin.
 */
/**
 * How far from the origin, in canvas pixels, a node may be or extend: far past any design drawn
 * by hand or laid out, and small enough that the canvas can still draw it (at 1e300 its links'
 * SVG paths no longer parse).
 */
export const MAX_CANVAS_EXTENT = 10_000_000;

const CoordinateSchema = z.number().min(-MAX_CANVAS_EXTENT).max(MAX_CANVAS_EXTENT);
const ExtentSchema = z.number().positive().max(MAX_CANVAS_EXTENT);

export const NodeLayoutSchema = z.strictObject({
  x: CoordinateSchema,
  y: CoordinateSchema,
  width: ExtentSchema.optional(),
  height: ExtentSchema.optional(),
  /** Locked against moves: drags, nudges, alignment and auto-layout leave it where it is. */
  locked: z.literal(true).optional(),
});
export type NodeLayout = z.infer<typeof NodeLayoutSchema>;

export const LayoutSchema = z.strictObject({
  nodes: z.record(z.string(), NodeLayoutSchema),
});
export type Layout = z.infer<typeof LayoutSchema>;
