import { z } from 'zod';
import { IdSchema } from './ids';

/** A port of a product, or a topic of an operational system. */
export const EndpointSchema = z.strictObject({ nodeId: IdSchema, portId: IdSchema });
export type Endpoint = z.infer<typeof EndpointSchema>;

export const LinkSchema = z.strictObject({
  id: IdSchema,
  from: EndpointSchema,
  to: EndpointSchema,
});
export type Link = z.infer<typeof LinkSchema>;

/** Whether a link leaves the endpoint: a topic some product reads, a port that feeds another. */
export function isLinkedFrom(links: readonly Link[], { nodeId, portId }: Endpoint): boolean {
  return links.some((link) => link.from.nodeId === nodeId && link.from.portId === portId);
}
