import { type RandomStream, seededRandom } from './seeded-random';
import type { SqlCallerScope } from './sql-caller';
import type { SqlConnection, SqlValue } from './sql-workspace';

/**
 * SQLite's `random()` and `randomblob(N)` drawn from the scenario's seed instead of the machine's
 * entropy, one stream per node, so a transformation or a service statement calling them repeats
 * exactly. A user's query draws from a stream of its own: reading a run never moves the numbers
 * the run draws next. (sql.js hands SQLite every number as a REAL: `typeof(random())` is 'real'.)
 */
export function registerSeededRandom(
  connection: SqlConnection,
  seed: number,
  nodeId: string,
  callers: SqlCallerScope,
): void {
  const run = seededRandom(seed, `sql random() of ${nodeId}`);
  const queries = seededRandom(seed, `sql random() of queries on ${nodeId}`);
  const stream = () => (callers.current === 'user-query' ? queries : run);
  connection.defineFunction('random', () => randomInteger(stream()));
  connection.defineFunction('randomblob', (length: SqlValue) => randomBytes(stream(), length));
}

/** A signed integer a double holds exactly, as SQLite's random() gives a signed 64-bit one. */
function randomInteger(random: RandomStream): number {
  return random.integer(-(2 ** 20), 2 ** 20 - 1) * 2 ** 32 + random.integer(0, 2 ** 32 - 1);
}

/** N random bytes; like SQLite, at least one. */
function randomBytes(random: RandomStream, length: SqlValue): Uint8Array {
  const count = Math.max(1, Math.trunc(Number(length)) || 0);
  return Uint8Array.from({ length: count }, () => random.integer(0, 255));
}
