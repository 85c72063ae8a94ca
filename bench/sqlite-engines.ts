/** The two SQLite engines the benchmarks compare, behind the simulation's SQL interface. */
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import {
  connectionSetupSql,
  type OpenSqlWorkspace,
  type SqlConnection,
  type SqlValue,
  sqlJsWorkspace,
} from '../shared/simulation';

export type Engine = 'sql.js' | 'native';

export async function workspaceOf(engine: Engine): Promise<OpenSqlWorkspace> {
  return engine === 'sql.js' ? sqlJsWorkspace(await initSqlJs()) : nativeWorkspace();
}

/** The subset of better-sqlite3 the engine needs (the package ships no types). */
interface NativeDatabase {
  exec(sql: string): void;
  prepare(sql: string): NativeStatement;
  function(name: string, options: { varargs: boolean }, implementation: (...args: SqlValue[]) => unknown): void;
  close(): void;
}

interface NativeStatement {
  readonly reader: boolean;
  run(...params: unknown[]): { changes: number };
  raw(toggle: boolean): NativeStatement;
  safeIntegers(toggle: boolean): NativeStatement;
  iterate(...params: unknown[]): IterableIterator<SqlValue[]>;
  columns(): { name: string }[];
}

let nativeBrokers = 0;

/**
 * better-sqlite3 behind the engine's SQL interface. It binds every number as REAL, so integers
 * go in as BigInt, as sql.js binds them. The broker is a file in memory (tmpfs), as in sql.js.
 */
function nativeWorkspace(): OpenSqlWorkspace {
  const Database = createRequire(import.meta.url)('better-sqlite3') as new (file: string) => NativeDatabase;
  return () => {
    const broker = join(
      existsSync('/dev/shm') ? '/dev/shm' : tmpdir(),
      `mesh-broker-${process.pid}-${++nativeBrokers}.db`,
    );
    const opened: NativeDatabase[] = [];
    return {
      connect() {
        const database = new Database(':memory:');
        opened.push(database);
        database.exec(connectionSetupSql(broker));
        return nativeConnection(database);
      },
      close() {
        for (const database of opened.splice(0).reverse()) database.close();
        rmSync(broker, { force: true });
      },
    };
  };
}

function nativeConnection(database: NativeDatabase): SqlConnection {
  const bind = (params: readonly SqlValue[] = []) =>
    params.map((value) => (typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : value));
  return {
    exec: (sql) => database.exec(sql),
    prepare(sql) {
      const statement = database.prepare(sql);
      if (statement.reader) statement.raw(true);
      return {
        run: (params) =>
          statement.reader ? [...statement.iterate(...bind(params))].length : statement.run(...bind(params)).changes,
        all: (params, maxRows = Number.POSITIVE_INFINITY) => firstRows(statement.iterate(...bind(params)), maxRows),
        allExact(maxRows = Number.POSITIVE_INFINITY) {
          statement.safeIntegers(true);
          try {
            return firstRows(statement.iterate(), maxRows);
          } finally {
            statement.safeIntegers(false);
          }
        },
        columnNames: () => (statement.reader ? statement.columns().map((column) => column.name) : []),
        release: () => undefined,
      };
    },
    defineFunction(name, implementation) {
      database.function(name, { varargs: true }, (...args) => {
        const result = implementation(...args);
        return typeof result === 'number' && Number.isInteger(result) ? BigInt(result) : result;
      });
    },
  };
}

function firstRows<T>(rows: Iterable<T>, maxRows: number): T[] {
  const first: T[] = [];
  for (const row of rows) {
    if (first.length >= maxRows) break;
    first.push(row);
  }
  return first;
}
