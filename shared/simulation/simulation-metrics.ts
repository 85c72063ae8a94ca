import type { FirstSent, LogMessage } from './broker-log';
import type { Work } from './work-budget';

/** A snapshot after a tick: what the canvas animates and the panels list. Keys keep plan order. */
export interface SimulationMetrics {
  tick: number;
  /** The simulated clock at this tick, ISO-8601. */
  time: string;
  /** Rows the microservices inserted, updated or deleted so far. */
  sourceChanges: number;
  /** By link id: records carried over the link. */
  links: Record<string, LinkMetrics>;
  /** By `<productId>/<portId>` of an input port. */
  consumers: Record<string, ConsumerMetrics>;
  /** By `<systemId>/<topicId>` or `<productId>/<portId>`: every topic and output-port log. */
  logs: Record<string, LogMetrics>;
  /** By `<productId>/<portId>` of an output port. */
  ports: Record<string, PortMetrics>;
  /** By system id: its CDC connector. */
  connectors: Record<string, ConnectorMetrics>;
  /** By `<productId>/<step>`: how each transformation recomputes its result. */
  transformations: Record<string, TransformationMetrics>;
  /** By node id, then table: rows per table. */
  tables: Record<string, Record<string, number>>;
  errors: SimulationError[];
  /**
   * Inputs whose clean tables now miss what their producer has (records retention removed before
   * the consumer read them, columns its records lacked): the run goes on, and does not fail for them.
   */
  inputGaps: InputGap[];
  /**
   * Scenario steps that changed no row (an UPDATE or DELETE whose WHERE matched nothing, a no-op
   * with no change record in the database too): the run goes on, and does not fail for them.
   */
  warnings: SimulationError[];
  /** Set when a unit of work ran over the budget, or the clock reached its end: the run does not advance until reset. */
  stopped?: StoppedRun;
  /** Every `redeliver` and `out-of-order` fault that has fired so far, with how many records it sent again. */
  resent: ResentRecords[];
}

/** Records a fault sent again: as many as it asked for, or all its topic held when that was fewer. */
export interface ResentRecords {
  tick: number;
  systemId: string;
  topicId: string;
  kind: 'redeliver' | 'out-of-order';
  /** Where each record sent again was first sent, in the order they were sent again. */
  sent: FirstSent[];
}

/**
 * The counters of one tick, cheap to take, so every tick can send them: what the run's charts
 * follow. The full snapshot adds rows per table, recent messages, connectors and errors.
 */
export type TickMetrics = Pick<SimulationMetrics, 'tick' | 'time' | 'sourceChanges' | 'links' | 'consumers' | 'ports'>;

/** What stopped the run, and why: a unit of work (its `kind`), or the clock at its end (no `kind`). */
export interface StoppedRun extends Omit<Work, 'kind'> {
  kind?: Work['kind'];
  message: string;
}

export interface LinkMetrics {
  records: number;
  recordsLastTick: number;
}

export interface ConsumerMetrics {
  linkId: string;
  /** The last position read, all partitions together. */
  offset: number;
  /** The producer's last position. */
  end: number;
  /** Records not read yet, all partitions together. */
  lag: number;
  /** Records retention removed before this consumer read them: never read, never applied. */
  lost: number;
  /**
   * Records of a compacted topic that compaction removed before this consumer read them: records of
   * keys whose latest record (by offset) it read instead. Counted as it reads past them.
   */
  compacted: number;
  /**
   * Keys it holds as an older change than one compaction removed before it read it: after an
   * out-of-order burst, a key's latest record may be an older change. Until a later change of the key.
   */
  staleKeys: number;
  /** Changes read but not applied: redelivered, or older than what their key already has. */
  skipped: number;
  /** As Kafka reports a consumer group: per partition, offsets count from 0. */
  partitions: PartitionMetrics[];
}

export interface PartitionMetrics {
  partition: number;
  /** The next offset to read (the committed offset). */
  offset: number;
  /** The log end offset: the next offset the producer writes. */
  end: number;
  lag: number;
  lost: number;
  compacted: number;
}

export interface TransformationMetrics {
  /** `incremental`: only the units of the result a tick touched are recomputed; `full`: all of it. */
  mode: 'incremental' | 'full';
  /** Why the step recomputes in full: always (`full`), or on some ticks (`incremental`). */
  reason?: string;
  /** For an incremental step, the tables its subqueries and CTEs read: a tick changing one runs it in full. */
  readAside?: string[];
  /** Of `readAside`, those the main query reads too (joined, or its anchor's): read there alone, a tick changing them would recompute only what it touched. */
  readAsideInMainQuery?: string[];
  /** Runs per kind: an incremental step falls back to a full run when a tick's units are unclear. */
  runs: { incremental: number; full: number; unchanged: number };
  /** For an incremental step, why the runs it made in full were, each with its count. */
  fullRunReasons?: Record<string, number>;
  lastRun?: 'incremental' | 'full' | 'unchanged';
}

export interface ConnectorMetrics {
  /**
   * The initial snapshot: rows read per captured table (an empty table shows 0), and whether every
   * snapshot record has reached its topic. An empty last table carries no `last` marker, so this
   * is where a consumer sees the snapshot end.
   */
  snapshot: { rows: Record<string, number>; isComplete: boolean };
}

export interface LogMetrics {
  name: string;
  /** Records ever appended. */
  records: number;
  /** The newest records, oldest first. */
  recent: LogMessage[];
}

export interface PortMetrics {
  published: number;
  /** Records that broke the port's contract (or, for a transformation's result, its key). */
  quarantined: number;
  /** The quarantined records by rule and property, in the order they first happened. */
  violations: ContractViolations[];
}

export interface ContractViolations {
  rule: string;
  property: string | null;
  count: number;
  /** The first record quarantined for this rule and property. */
  first: { tick: number; message: string; record: Record<string, unknown> };
}

/** Something that went wrong during the run, once per place and message, with how often. */
export interface SimulationError {
  /** Where in the mesh or scenario, e.g. `products[3].transformations[0]`. */
  path: string;
  nodeId: string;
  /** The transformation step, when one failed. */
  step?: string;
  message: string;
  firstTick: number;
  lastTick: number;
  count: number;
}

/** What one consumer's clean table misses, with the ticks it grew at; `consumer` is `<productId>/<portId>`, as in `consumers`. */
export interface InputGap extends SimulationError {
  consumer: string;
}
