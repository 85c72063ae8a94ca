import { z } from 'zod';
import { ContractIdSchema, IdSchema } from './ids';
import { TableSchema } from './table';

export const SystemTableSchema = z.strictObject({
  ...TableSchema.shape,
  /** Whether the database emits change events for this table. */
  cdc: z.boolean(),
  /**
   * PostgreSQL's REPLICA IDENTITY of the table: what Debezium's change events carry as `before`.
   * `default` (PostgreSQL's own, when not set): an update none, a delete and a key change the old
   * primary key only; `full`: the whole old row. Other engines' binlogs send the whole row.
   */
  replicaIdentity: z.enum(['default', 'full']).optional(),
});
export type SystemTable = z.infer<typeof SystemTableSchema>;
export type ReplicaIdentity = NonNullable<SystemTable['replicaIdentity']>;

/**
 * A topic of the system's messaging. It carries either the CDC stream of one table
 * or the domain events the service publishes directly (outbox).
 */
export const TopicSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  partitions: z.number().int().min(1).max(1024),
  /** Emit a tombstone (null value) after each delete, for log compaction. */
  tombstones: z.boolean(),
  source: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('cdc'), table: z.string().min(1) }),
    z.strictObject({ kind: z.literal('outbox'), event: z.string().min(1) }),
  ]),
});
export type Topic = z.infer<typeof TopicSchema>;

/** An event the service publishes itself, next to persisting its state. */
export const PublishedEventSchema = z.strictObject({
  name: z.string().min(1),
  /** The table whose inserts and updates trigger the event. */
  table: z.string().min(1),
  on: z.array(z.enum(['insert', 'update', 'delete'])).min(1),
  /**
   * A SQL condition on the changed row the service writes the event for, its values after the
   * change as `new.column` and before it as `old.column` (NULL where there is none); every change
   * in `on` when not set.
   */
  when: z.string().min(1).optional(),
  /**
   * The changed row's columns the service writes into the outbox row's `aggregateid`, the event's
   * record key (so its partition): the aggregate the event is about, `['lot_id']` for a bid on a
   * lot. The table's primary key when not set.
   */
  aggregateKey: z.array(z.string().min(1)).min(1).optional(),
  contractId: ContractIdSchema.optional(),
  description: z.string().optional(),
});
export type PublishedEvent = z.infer<typeof PublishedEventSchema>;

/** The columns of `table`, the event's table, whose values key the event: its `aggregateKey`, else the table's primary key. */
export function eventAggregateKey(event: PublishedEvent, table: { primaryKey: readonly string[] }): readonly string[] {
  return event.aggregateKey ?? table.primaryKey;
}

export const OperationalSystemSchema = z.strictObject({
  id: IdSchema,
  domainId: IdSchema,
  name: z.string().min(1),
  description: z.string(),
  /** The team that runs the service, its catalog owner; its domain's owner when not set. */
  owner: z.string().optional(),
  service: z.strictObject({ name: z.string().min(1), language: z.string().optional() }),
  database: z.strictObject({ engine: z.string(), name: z.string().min(1), tables: z.array(SystemTableSchema) }),
  messaging: z.strictObject({ broker: z.string(), topics: z.array(TopicSchema) }),
  publishes: z.array(PublishedEventSchema),
});
export type OperationalSystem = z.infer<typeof OperationalSystemSchema>;
