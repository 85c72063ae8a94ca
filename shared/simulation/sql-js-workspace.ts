import type { Database, SqlJsStatic, Statement } from 'sql.js';
import { quoteIdentifier } from './sql-text';
import { sqlTokens } from './sql-tokens';
import {
  connectionSetupSql,
  type ExactSqlValue,
  type OpenSqlWorkspace,
  type SqlConnection,
  type SqlStatement,
  type SqlValue,
} from './sql-workspace';

/**
 * Room the broker's file starts with. sql.js keeps a file in one array and, each time the file
 * outgrows it, copies it into a new array an eighth larger: the broker, which levels off at about
 * 28 MiB as retention trims its logs, was copied 35 times in a run's first 100,000 changes (a
 * tenth of their time). A file that starts this large grows in place: SQLite takes a database's
 * size from its header (the "in-header database size") and leaves the zeros after it unused.
 */
export const BROKER_ROOM_BYTES = 32 * 1024 * 1024;

/**
 * Room for the app's broker. Entering Simulate makes a broker, and making 32 MiB of room took 0.4
 * of the worker's 1.5 CPU seconds there on our machines; a workshop's rates fill the broker over
 * thousands of ticks, so its few copies while it grows are spread thin.
 */
export const INTERACTIVE_BROKER_ROOM_BYTES = 4 * 1024 * 1024;

/**
 * The brokers of closed workspaces, emptied, per sql.js and room: making a broker's room costs a
 * third of a second on a machine where fresh memory is slow to touch, and tests and resets open
 * workspace after workspace.
 */
const idleBrokers = new WeakMap<SqlJsStatic, Map<number, Database[]>>();

/**
 * Runs the simulation on sql.js. The caller initialises sql.js (Node: `await initSqlJs()`;
 * a worker: with a `locateFile` for the wasm), so this module needs neither Node nor the DOM.
 */
export function sqlJsWorkspace(sqlJs: SqlJsStatic, brokerRoomBytes = BROKER_ROOM_BYTES): OpenSqlWorkspace {
  const idle = idleBrokersOf(sqlJs, brokerRoomBytes);
  return () => {
    const broker = idle.pop() ?? new sqlJs.Database(emptyDatabaseFile(sqlJs, brokerRoomBytes));
    const connections: Database[] = [];
    let isOpen = true;
    return {
      connect() {
        const database = new sqlJs.Database();
        connections.push(database);
        database.exec(connectionSetupSql(`/${fileNameOf(broker)}`));
        return sqlJsConnection(database);
      },
      close() {
        if (!isOpen) return;
        isOpen = false;
        for (const database of connections.splice(0).reverse()) database.close();
        if (emptied(broker)) idle.push(broker);
        else broker.close();
      },
    };
  };
}

function idleBrokersOf(sqlJs: SqlJsStatic, brokerRoomBytes: number): Database[] {
  const byRoom = idleBrokers.get(sqlJs) ?? new Map<number, Database[]>();
  idleBrokers.set(sqlJs, byRoom);
  const idle = byRoom.get(brokerRoomBytes) ?? [];
  byRoom.set(brokerRoomBytes, idle);
  return idle;
}

/** Drops what a run left in its broker; its pages stay in the file, free for the next run. */
function emptied(broker: Database): boolean {
  try {
    const objects = broker.exec(
      "SELECT type, name FROM sqlite_master WHERE type IN ('view', 'table') AND name NOT LIKE 'sqlite_%' ORDER BY type = 'table'",
    )[0]?.values;
    for (const [type, name] of objects ?? []) {
      broker.exec(`DROP ${type === 'view' ? 'VIEW' : 'TABLE'} ${quoteIdentifier(String(name))}`);
    }
    return true;
  } catch {
    return false;
  }
}

/** A valid empty database file of at least `bytes`, zeros after its one page. */
function emptyDatabaseFile(sqlJs: SqlJsStatic, bytes: number): Uint8Array {
  const empty = new sqlJs.Database();
  try {
    empty.exec('PRAGMA user_version = 0');
    const header = empty.export();
    const file = new Uint8Array(Math.max(bytes, header.length));
    file.set(header);
    return file;
  } finally {
    empty.close();
  }
}

/** sql.js keeps each database as a file of its in-memory file system; attaching that file shares it. */
function fileNameOf(database: Database): string {
  return (database as unknown as { filename: string }).filename;
}

function sqlJsConnection(database: Database): SqlConnection {
  return {
    exec(sql) {
      database.exec(sql);
    },
    prepare(sql) {
      return sqlJsStatement(database, prepareSingle(database, sql));
    },
    defineFunction(name, implementation) {
      database.create_function(name, implementation);
    },
  };
}

/**
 * sql.js prepares the first statement and ignores the rest; refuse SQL that holds more than one,
 * without compiling the rest (compiling a PRAGMA already changes the connection).
 */
function prepareSingle(database: Database, sql: string): Statement {
  const statements = database.iterateStatements(sql);
  const first = statements.next();
  if (first.done) throw new Error('no SQL statement to run');
  if (sqlTokens(statements.getRemainingSQL()).some((token) => token.text !== ';' || token.kind !== 'symbol')) {
    first.value.free();
    throw new Error('expected one SQL statement, found more');
  }
  return first.value;
}

function sqlJsStatement(database: Database, statement: Statement): SqlStatement {
  return {
    run(params) {
      statement.run(params as SqlValue[] | undefined);
      return database.getRowsModified();
    },
    all(params, maxRows = Number.POSITIVE_INFINITY) {
      if (params) statement.bind(params as SqlValue[]);
      return rowsOf(statement, maxRows, () => statement.get());
    },
    allExact(maxRows = Number.POSITIVE_INFINITY) {
      // sql.js reads INTEGERs as bigint when asked; its typings do not know the option.
      const getExact = statement.get as (params: null, config: { useBigInt: boolean }) => ExactSqlValue[];
      return rowsOf(statement, maxRows, () => getExact.call(statement, null, { useBigInt: true }));
    },
    columnNames() {
      return statement.getColumnNames();
    },
    release() {
      statement.free();
    },
  };
}

function rowsOf<T>(statement: Statement, maxRows: number, read: () => T[]): T[][] {
  try {
    const rows: T[][] = [];
    while (rows.length < maxRows && statement.step()) rows.push(read());
    return rows;
  } finally {
    statement.reset();
  }
}
