/**
 * Who runs SQL right now: the engine, a user's statement run as a service (`execute`), a user's
 * transformation, or a user's query. The engine's own SQL functions answer only the engine: a
 * query that calls `mesh_offset` would otherwise move a log's offsets.
 */
export type SqlCaller = 'engine' | 'service' | 'transformation' | 'user-query';

/** Whether a user's SELECT runs: a transformation or a query, which may not place keys either. */
export function isUserSelect(caller: SqlCaller): boolean {
  return caller === 'transformation' || caller === 'user-query';
}

export interface SqlCallerScope {
  readonly current: SqlCaller;
  /** Runs `work` as `caller`, then gives the scope back (SQLite runs it synchronously, in this thread). */
  runAs<T>(caller: SqlCaller, work: () => T): T;
}

export function createSqlCallerScope(): SqlCallerScope {
  let current: SqlCaller = 'engine';
  return {
    get current() {
      return current;
    },
    runAs(caller, work) {
      const previous = current;
      current = caller;
      try {
        return work();
      } finally {
        current = previous;
      }
    },
  };
}
