import type { LogMessage } from './broker-log';

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
  /** By node id, then table: rows per table. */
  tables: Record<string, Record<string, number>>;
  errors: SimulationError[];
}

export interface LinkMetrics {
  records: number;
  recordsLastTick: number;
}

export interface ConsumerMetrics {
  linkId: string;
  /** The last position read. */
  offset: number;
  /** The producer's last position. */
  end: number;
  lag: number;
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
  quarantined: number;
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
