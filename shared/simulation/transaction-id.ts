import { lsnTextSql } from './lsn-text';

/** The one binlog file a simulated MySQL or MariaDB server writes. */
export const BINLOG_FILE = 'mysql-bin.000001';

/**
 * Debezium's transaction id (`transaction.id` of a change record, `id` of a BEGIN or END event and
 * of its key), as SQL, from the transaction's number, a log position and the position it began at.
 * PostgreSQL's, since Debezium 2.0 (DBZ-5329, `PostgresTransactionMonitor`), is `<txId>:<LSN>`
 * with the LSN the connector last saw when it wrote the record: a change's own, the BEGIN's (the
 * transaction's first change) or the commit's. MySQL's (`MySqlOffsetContext`) is the transaction's
 * GTID where the server has GTIDs, else `file=<binlog file>,pos=<its BEGIN's position>`, one id for
 * all its records and events; our servers run without GTIDs (`source.gtid` null), MySQL's default.
 * MariaDB's is its GTID (`mariaDbGtidSql`): MariaDB writes one for every transaction.
 * SQL Server's and Db2's is the LSN of its commit, as their records' `commit_lsn` give it (their
 * streaming sources begin a transaction at each new commit LSN). Oracle's is its XID in hex
 * (`oracleXidSql`). Other engines' is the transaction's number, as text: Debezium's ids are strings.
 */
export function transactionIdSql(
  connector: string,
  sql: { tx: string; lsn: string; begin: string; commit: string },
): string {
  switch (connector) {
    case 'postgresql':
      return `(${sql.tx} || ':' || ${sql.lsn})`;
    case 'mysql':
      return `('file=${BINLOG_FILE},pos=' || ${sql.begin})`;
    case 'mariadb':
      return mariaDbGtidSql(sql.tx);
    case 'sqlserver':
    case 'db2':
      return lsnTextSql(sql.commit, connector);
    case 'oracle':
      return oracleXidSql(sql.tx);
    default:
      return `CAST(${sql.tx} AS TEXT)`;
  }
}

/**
 * A MariaDB transaction's GTID as Debezium writes it (`MariaDbStreamingChangeEventSource`):
 * `<domain>-<server id>-<sequence>`, here the default domain 0, the server's id 1 (`source.server_id`)
 * and the transaction's number as its sequence.
 */
export function mariaDbGtidSql(txSql: string): string {
  return `('0-1-' || ${txSql})`;
}

/**
 * An Oracle transaction's XID as Debezium's LogMiner source writes it (`LogMinerEventRow`: the
 * 8 bytes of V$LOGMNR_CONTENTS.XID in lowercase hex): undo segment (2 bytes), slot (2) and
 * sequence (4), each little-endian as on x86. Ours: ten undo segments and 32 slots taken in
 * turn, the transaction's number as its sequence (transaction 3: `0400030003000000`).
 */
export function oracleXidSql(txSql: string): string {
  const tx = `CAST(${txSql} AS INTEGER)`;
  const littleEndian = (valueSql: string, bytes: number) =>
    Array.from({ length: bytes }, (_, byte) => `printf('%02x', ((${valueSql}) >> ${8 * byte}) & 255)`).join(' || ');
  return `(${[littleEndian(`1 + ${tx} % 10`, 2), littleEndian(`${tx} % 32`, 2), littleEndian(tx, 4)].join(' || ')})`;
}
