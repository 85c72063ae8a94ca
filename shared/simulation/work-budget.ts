/**
 * A unit of a run's work, the smallest the engine can time: a system's initial rows and their
 * snapshot, a service's tick (its writes and the connector's poll), a product's reading of its
 * inputs, one transformation, a product's publishing. Hosts learn of each as it starts, so one on
 * another thread can name what ran long.
 */
export interface Work {
  tick: number;
  /** The system or product doing it. */
  nodeId: string;
  /** Where it is in the mesh: `products[3].transformations[0]`. */
  path: string;
  kind: 'initial-rows' | 'service' | 'consume' | 'prepare' | 'transformation' | 'publish';
  /** The transformation, for `prepare` and `transformation`. */
  step?: string;
}

/** What tells a host about the run's work, and the clock budgets are measured on. */
export interface WorkWatch {
  onWork?(work: Work): void;
  /** Milliseconds, any origin (default `Date.now`). */
  now?(): number;
}

/** `transformation 'daily_sales' of product 'sales-dashboard'`. */
export function workSubject(work: Work): string {
  return {
    'initial-rows': `the initial rows of system '${work.nodeId}' and their snapshot`,
    service: `the service of system '${work.nodeId}'`,
    consume: `reading the inputs of product '${work.nodeId}'`,
    prepare: `preparing transformation '${work.step}' of product '${work.nodeId}'`,
    transformation: `transformation '${work.step}' of product '${work.nodeId}'`,
    publish: `publishing the output ports of product '${work.nodeId}'`,
  }[work.kind];
}

/** `transformation 'daily_sales' of product 'sales-dashboard' at tick 12`. */
export function describeWork(work: Work): string {
  return `${workSubject(work)} at tick ${work.tick}`;
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
