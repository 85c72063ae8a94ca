/**
 * Debezium's transaction id (`transaction.id` of a change record, `id` of a BEGIN or END event and
 * of its key), as SQL. PostgreSQL's, since Debezium 2.0 (DBZ-5329, `PostgresTransactionMonitor`),
 * is `<txId>:<LSN>` with the LSN the connector last saw when it wrote the record: a change's own,
 * the BEGIN's (the transaction's first change) or the commit's; other engines' is the transaction's number.
 */
export function transactionIdSql(connector: string, txSql: string, lsnSql: string): string {
  return connector === 'postgresql' ? `(${txSql} || ':' || ${lsnSql})` : txSql;
}
