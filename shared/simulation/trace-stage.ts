import type { HistoryColumns } from '../contracts/history-columns';
import type { TraceStageKind } from '../model/scenario';
import type { LogRecord } from './log-reader';

/** What a published record's contract check said; `keyCheckOf` names the step whose key check (not the contract) quarantined it. */
export type ContractCheckOutcome =
  | { passed: true; contract: string }
  | { passed: false; contract: string; rule: string; property: string | null; message: string; keyCheckOf?: string };

/** What quarantined a record: `contract orders 1.0.0`, or `daily_totals's key check`. */
export function quarantiningCheckName(check: Extract<ContractCheckOutcome, { passed: false }>): string {
  return check.keyCheckOf ? `${check.keyCheckOf}'s key check` : `contract ${check.contract}`;
}

export interface TraceStage {
  kind: TraceStageKind;
  title: string;
  /** The node the stage happens in, highlighted on the canvas. */
  nodeId: string;
  /** The port or topic the stage is at, when it is one. */
  portId?: string;
  /** The link the record travelled over to reach this stage. */
  linkId?: string;
  /** The table or log the records are in. */
  source: string;
  records: Record<string, unknown>[];
  /** History stages: the columns that date each version of `records`, as its contract names them. */
  versionColumns?: HistoryColumns;
  /** Columns of `records` that hold epoch milliseconds (a raw zone's `_timestamp`), shown as times. */
  epochMillisColumns?: string[];
  /** The record as it is on a topic or port log (partition, offset, envelope). */
  message?: LogRecord;
  /** The log `message` is on, as the run's catalog keys it (its broker table), which finds its temporal columns. */
  log?: string;
  /** Fields a service's update changed. */
  changed?: string[];
  /** What a service's update changed them from, where the stage's record cannot say it: a key change's old key. */
  changedFrom?: Record<string, unknown>;
  /** Where the write went, when it went more than one way: its CDC record, or an outbox event. */
  branch?: TraceBranch;
  check?: ContractCheckOutcome;
  /** Why the stage shows less than it might (not consumed yet, nothing shares a key). */
  note?: string;
  /**
   * When what the stage shows is from: a table as it is at the tick the trace was read (`now`), or
   * a record as it was published, so a walk through the stages never mixes the two unsaid.
   */
  moment: TraceMoment;
}

/** One way a service write went, labelled as the trace names it: `CDC: orders.public.orders`, `Outbox event: OrderPlaced`. */
export interface TraceBranch {
  kind: 'cdc' | 'outbox';
  label: string;
  /** The topic's log, which tells two branches of one kind apart. */
  log: string;
}

/** A table read at the trace's tick, or a record at the moment it names (`Published at …`). */
export type TraceMoment = { kind: 'now' } | { kind: 'recorded'; text: string };
