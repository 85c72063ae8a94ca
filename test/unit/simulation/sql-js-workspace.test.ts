import type { SqlJsStatic } from 'sql.js';
import { describe, expect, it } from 'vitest';
import { BROKER_ROOM_BYTES, type SqlConnection, sqlJsWorkspace } from '../../../shared/simulation';
import { loadSqlJs } from './builders';

/** sql.js that records the size of each database file it is given to open. */
async function recordingSqlJs() {
  const sqlJs = await loadSqlJs();
  const fileSizes: number[] = [];
  class RecordedDatabase extends sqlJs.Database {
    constructor(...args: ConstructorParameters<SqlJsStatic['Database']>) {
      super(...args);
      fileSizes.push(args[0]?.length ?? 0);
    }
  }
  return { sqlJs: { ...sqlJs, Database: RecordedDatabase } as SqlJsStatic, fileSizes };
}

function single(connection: SqlConnection, sql: string): unknown {
  const statement = connection.prepare(sql);
  try {
    return statement.all()[0]?.[0];
  } finally {
    statement.release();
  }
}

const BROKER_FILE = "SELECT file FROM pragma_database_list WHERE name = 'broker'";

describe('the sql.js workspace', () => {
  it('opens the broker from an empty file with room to grow in, so growing never copies it', async () => {
    const { sqlJs, fileSizes } = await recordingSqlJs();
    const workspace = sqlJsWorkspace(sqlJs)();
    const connection = workspace.connect();
    expect(fileSizes.some((size) => size >= BROKER_ROOM_BYTES)).toBe(true);
    expect(single(connection, 'PRAGMA broker.page_count')).toBe(1);
    workspace.close();
  });

  it("hands a closed workspace's broker, emptied, to the next workspace, so its room is made once", async () => {
    const { sqlJs, fileSizes } = await recordingSqlJs();
    const first = sqlJsWorkspace(sqlJs)();
    const writer = first.connect();
    writer.exec(
      'CREATE TABLE broker.log (n INTEGER PRIMARY KEY AUTOINCREMENT, v); CREATE VIEW broker.recent AS SELECT * FROM log; INSERT INTO broker.log (v) VALUES (1), (2)',
    );
    const brokerFile = single(writer, BROKER_FILE);
    first.close();
    first.close();

    const second = sqlJsWorkspace(sqlJs)();
    const reader = second.connect();
    expect(single(reader, BROKER_FILE)).toBe(brokerFile);
    expect(single(reader, "SELECT count(*) FROM broker.sqlite_master WHERE name NOT LIKE 'sqlite_%'")).toBe(0);
    reader.exec(
      'CREATE TABLE broker.log (n INTEGER PRIMARY KEY AUTOINCREMENT, v); INSERT INTO broker.log (v) VALUES (3)',
    );
    expect(single(reader, 'SELECT n FROM broker.log')).toBe(1);
    expect(single(sqlJsWorkspace(sqlJs)().connect(), BROKER_FILE)).not.toBe(brokerFile);
    expect(fileSizes.filter((size) => size >= BROKER_ROOM_BYTES)).toHaveLength(2);
    second.close();
  });

  it('gives workspaces open at the same time brokers of their own', async () => {
    const { sqlJs } = await recordingSqlJs();
    const first = sqlJsWorkspace(sqlJs)();
    const second = sqlJsWorkspace(sqlJs)();
    expect(single(first.connect(), BROKER_FILE)).not.toBe(single(second.connect(), BROKER_FILE));
    first.close();
    second.close();
  });

  it('grows the broker past its room, and every connection reads what another wrote', async () => {
    const sqlJs = await loadSqlJs();
    const room = 2 * 4096;
    const workspace = sqlJsWorkspace(sqlJs, room)();
    const writer = workspace.connect();
    const reader = workspace.connect();
    writer.exec(
      "CREATE TABLE broker.log (n INTEGER PRIMARY KEY, payload TEXT); INSERT INTO broker.log WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) SELECT i, printf('%.200c', 'x') FROM n",
    );
    expect(Number(single(reader, 'PRAGMA broker.page_count')) * 4096).toBeGreaterThan(room);
    expect(single(reader, 'SELECT count(*) FROM broker.log')).toBe(5000);
    expect(single(reader, 'PRAGMA broker.integrity_check')).toBe('ok');
    workspace.close();
  });
});
