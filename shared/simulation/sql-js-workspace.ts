import type { Database, SqlJsStatic, Statement } from 'sql.js';
import { sqlTokens } from './sql-tokens';
import {
  connectionSetupSql,
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
 * Runs the simulation on sql.js. The caller initialises sql.js (Node: `await initSqlJs()`;
 * a worker: with a `locateFile` for the wasm), so this module needs neither Node nor the DOM.
 */
export function sqlJsWorkspace(sqlJs: SqlJsStatic, brokerRoomBytes = BROKER_ROOM_BYTES): OpenSqlWorkspace {
  return () => {
    const broker = new sqlJs.Database(emptyDatabaseFile(sqlJs, brokerRoomBytes));
    const opened: Database[] = [broker];
    return {
      connect() {
        const database = new sqlJs.Database();
        opened.push(database);
        database.exec(connectionSetupSql(`/${fileNameOf(broker)}`));
        return sqlJsConnection(database);
      },
      close() {
        for (const database of opened.splice(0).reverse()) database.close();
      },
    };
  };
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
      try {
        if (params) statement.bind(params as SqlValue[]);
        const rows: SqlValue[][] = [];
        while (rows.length < maxRows && statement.step()) rows.push(statement.get());
        return rows;
      } finally {
        statement.reset();
      }
    },
    columnNames() {
      return statement.getColumnNames();
    },
    release() {
      statement.free();
    },
  };
}
