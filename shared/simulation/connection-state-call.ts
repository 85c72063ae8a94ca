import { functionCall } from './engine-function-call';
import type { SqlToken } from './sql-tokens';

/**
 * SQLite's counters of a connection's writes. The engine writes each node's database on the
 * connection a user's query runs on (raw zones, applied changes, retention), so they count that
 * hidden work, not the data.
 */
const CONNECTION_STATE_FUNCTIONS = new Set(['changes', 'total_changes', 'last_insert_rowid']);

/** Why a user's query cannot call one of the connection's write counters, if it calls one. */
export function connectionStateRefusal(tokens: readonly SqlToken[]): string | undefined {
  const call = functionCall(tokens, (name) => CONNECTION_STATE_FUNCTIONS.has(name.toLowerCase()));
  return (
    call &&
    `${call.text.toLowerCase()}() tells of the engine's own writes to this database, not of its data, so a query cannot call it`
  );
}
