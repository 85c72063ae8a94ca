/**
 * A unit of a run's work, the smallest the engine can time: a batch of a table's initial rows, a
 * batch of its snapshot, a service's tick (its writes and the connector's poll), a product's
 * reading of its inputs, one transformation, a product's publishing, and a query on a node's tables
 * after the run (`simulate --query`). Hosts learn of each as it starts, so one on another thread
 * can name what ran long, and see a long load go on.
 */
export interface Work {
  tick: number;
  /** The system or product doing it. */
  nodeId: string;
  /** Where it is in the mesh: `products[3].transformations[0]`. */
  path: string;
  kind: 'initial-rows' | 'snapshot' | 'service' | 'consume' | 'prepare' | 'transformation' | 'publish' | 'query';
  /** The transformation, for `prepare` and `transformation`. */
  step?: string;
  /** The batch of rows, for `initial-rows` and `snapshot`. */
  rows?: RowBatch;
}

/** Rows `first + 1` to `first + count` of a table's `total`, loaded or snapshotted as one unit. */
export interface RowBatch {
  table: string;
  first: number;
  count: number;
  total: number;
}

/** Rows per unit of work when a table's initial rows are loaded or snapshotted: each batch is timed alone. */
export const ROW_BATCH = 2000;

/**
 * The batches that cover `total` rows of `table`, in order, each made as it is reached: a list of
 * them all for 10^12 rows would fill memory before the first batch started, so a budget blamed
 * the work announced before it.
 */
export function* rowBatches(table: string, total: number): Generator<RowBatch> {
  for (let first = 0; first < total; first += ROW_BATCH) {
    yield { table, first, count: Math.min(ROW_BATCH, total - first), total };
  }
}

/** `Snapshotting orders: 30,000 of 60,000 rows`: how far a long load is, for a progress line. */
export function rowProgress(work: Work): string | undefined {
  if (!work.rows) return undefined;
  const { table, first, total } = work.rows;
  const doing = work.kind === 'snapshot' ? 'Snapshotting' : 'Loading the initial rows of';
  return `${doing} ${table}: ${first.toLocaleString('en')} of ${total.toLocaleString('en')} rows`;
}

/** What tells a host about the run's work, and the clock budgets are measured on. */
export interface WorkWatch {
  onWork?(work: Work): void;
  /** Milliseconds, any origin (default `Date.now`). */
  now?(): number;
}

/** `transformation 'daily_sales' of product 'sales-dashboard'`. */
export function workSubject(work: Work): string {
  const rows = work.rows && rowRange(work.rows);
  return {
    'initial-rows': `the initial rows ${rows} of system '${work.nodeId}'`,
    snapshot: `the snapshot of rows ${rows} of system '${work.nodeId}'`,
    service: `the service of system '${work.nodeId}'`,
    consume: `reading the inputs of product '${work.nodeId}'`,
    prepare: `preparing transformation '${work.step}' of product '${work.nodeId}'`,
    transformation: `transformation '${work.step}' of product '${work.nodeId}'`,
    publish: `publishing the output ports of product '${work.nodeId}'`,
    query: `the query on '${work.nodeId}'`,
  }[work.kind];
}

/** `1–2,000 of 60,000 in table 'orders'`. */
function rowRange({ table, first, count, total }: RowBatch): string {
  const numbered = (row: number) => row.toLocaleString('en');
  return `${numbered(first + 1)}–${numbered(first + count)} of ${numbered(total)} in table '${table}'`;
}

/** `transformation 'daily_sales' of product 'sales-dashboard' at tick 12`; `the query on 'orders' after tick 40`. */
export function describeWork(work: Work): string {
  // A query reads the tables the tick left, once the tick is over.
  const when = work.kind === 'query' ? 'after' : 'at';
  return `${workSubject(work)} ${when} tick ${work.tick}`;
}

/** The message of a run stopped for `work`; `tookMillis` when it finished, absent when it had to be killed. */
export function overBudgetMessage(work: Work, budgetMillis: number, tookMillis?: number): string {
  const how = tookMillis === undefined ? 'ran longer than' : `took ${Math.round(tookMillis)} ms, over`;
  return `${describeWork(work)} ${how} the budget of ${budgetMillis} ms; the run stopped`;
}

/** Thrown out of the tick loop when a unit of work took longer than its budget. */
export class OverBudget extends Error {
  constructor(
    readonly work: Work,
    budgetMillis: number,
    tookMillis: number,
  ) {
    super(overBudgetMessage(work, budgetMillis, tookMillis));
  }
}

/** Runs a unit of work, telling the watch; throws `OverBudget` after it when it took too long. */
export type RunWork = <T>(work: Work, run: () => T) => T;

/**
 * The in-process budget: SQLite runs a statement to its end in this thread, so a unit is timed
 * after it finishes; what never finishes can only be stopped by a host that kills the thread.
 */
export function workRunner(budgetMillis: number | undefined, watch: WorkWatch = {}): RunWork {
  const now = watch.now ?? Date.now;
  return (work, run) => {
    watch.onWork?.(work);
    if (budgetMillis === undefined) return run();
    const started = now();
    const result = run();
    const took = now() - started;
    if (took > budgetMillis) throw new OverBudget(work, budgetMillis, took);
    return result;
  };
}
