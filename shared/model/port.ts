import { z } from 'zod';
import { ContractIdSchema, IdSchema } from './ids';
import { LogicalTypeSchema } from './logical-type';

export const PortDirectionSchema = z.enum(['input', 'output', 'discovery']);
export type PortDirection = z.infer<typeof PortDirectionSchema>;

export const PortProtocolSchema = z.enum(['kafka-topic', 'table', 'files', 'rest', 'graphql', 'catalog']);
export type PortProtocol = z.infer<typeof PortProtocolSchema>;

/** A field an input port needs from whatever feeds it. */
export const ExpectedFieldSchema = z.strictObject({
  name: z.string().min(1),
  logicalType: LogicalTypeSchema,
  required: z.boolean(),
});
export type ExpectedField = z.infer<typeof ExpectedFieldSchema>;

export const PortSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  direction: PortDirectionSchema,
  protocol: PortProtocolSchema,
  description: z.string(),
  /** Output ports: the contract governing the dataset served here. */
  contractId: ContractIdSchema.optional(),
  /** Input ports: what the consumer relies on, checked against the producer's contract. */
  expects: z.array(ExpectedFieldSchema).optional(),
});
export type Port = z.infer<typeof PortSchema>;

/** A port as the app adds one: served as a table (a discovery port through the catalog), without a description. */
export function newPort(id: string, name: string, direction: PortDirection): Port {
  return { id, name, direction, protocol: direction === 'discovery' ? 'catalog' : 'table', description: '' };
}

/** The partitions of a streamed (`kafka-topic`) output port's topic, as simulated and as exported to Kafka. */
export const STREAMED_PORT_PARTITIONS = 3;

/** How many partitions the log an output port publishes to has: a streamed port's topic has several, any other one. */
export function outputPortPartitions(port: Pick<Port, 'protocol'>): number {
  return port.protocol === 'kafka-topic' ? STREAMED_PORT_PARTITIONS : 1;
}
