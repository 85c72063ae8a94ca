import { quoteLiteral } from './sql-text';

/** A value SQLite stores and returns, as every driver the engine runs on represents it. */
export type SqlValue = number | string | Uint8Array | null;

/** A value as SQLite holds it: an INTEGER as a bigint, so exact beyond 2^53 and told apart from a REAL. */
export type ExactSqlValue = SqlValue | bigint;

/** A prepared statement, reused tick after tick. Parameters are positional (`?`). */
export interface SqlStatement {
  /** Runs to completion; returns the rows the statement itself changed (its triggers' changes not counted). */
  run(params?: readonly SqlValue[]): number;
  /** Result rows, as arrays in column order; at most `maxRows` when given. */
  all(params?: readonly SqlValue[], maxRows?: number): SqlValue[][];
  /** Result rows as `all` reads them, with each INTEGER as a bigint. */
  allExact(maxRows?: number): ExactSqlValue[][];
  columnNames(): string[];
  /** Frees a statement prepared for one use; the engine's own statements live as long as their connection. */
  release(): void;
}

export interface SqlConnection {
  /** Runs statements that return nothing. */
  exec(sql: string): void;
  /** Prepares exactly one statement: a second one in `sql` is an error, not silently ignored. */
  prepare(sql: string): SqlStatement;
  defineFunction(name: string, implementation: (...args: SqlValue[]) => SqlValue): void;
}

/**
 * The databases of one simulation run. Every connection sees two schemas: `node`, its own
 * private in-memory database, and `broker`, shared by all connections of the workspace. Topics
 * and output-port logs live in the broker, so a consumer copies records without leaving SQLite.
 */
export interface SqlWorkspace {
  connect(): SqlConnection;
  /** Closes every connection and the broker, freeing their memory. */
  close(): void;
}

export type OpenSqlWorkspace = () => SqlWorkspace;

/** What every connection runs first, whatever the driver: the same schemas and pragmas everywhere. */
export function connectionSetupSql(brokerFile: string): string {
  return [
    `ATTACH ':memory:' AS node`,
    `ATTACH ${quoteLiteral(brokerFile)} AS broker`,
    // Nothing of a run outlives the process, so the broker needs no durable journal and no fsync.
    'PRAGMA broker.journal_mode = MEMORY',
    'PRAGMA broker.synchronous = OFF',
    // Makes INSERT OR REPLACE fire delete triggers, so change capture sees the row it replaced.
    'PRAGMA recursive_triggers = ON',
  ].join(';\n');
}
