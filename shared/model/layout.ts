import { z } from 'zod';

/**
 * Where a node is drawn. Products and systems are positioned relative to their
 * domain's top-left corner; domains relative to the canvas origin.
 */
export const NodeLayoutSchema = z.strictObject({
  x: z.number(),
  y: z.number(),
  width: z.number().positive().optional(),
  height: z.number().positive().optional(),
  /** Locked against moves: drags, nudges, alignment and auto-layout leave it where it is. */
  locked: z.literal(true).optional(),
});
export type NodeLayout = z.infer<typeof NodeLayoutSchema>;

export const LayoutSchema = z.strictObject({
  nodes: z.record(z.string(), NodeLayoutSchema),
});
export type Layout = z.infer<typeof LayoutSchema>;
