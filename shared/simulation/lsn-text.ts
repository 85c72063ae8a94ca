/**
 * A log position as the connector for `engine` writes an LSN (its `Lsn.toString`), groups of hex
 * digits zero-padded so that the text sorts as the position. SQL Server's LSN has 10 bytes
 * (virtual log file, block, slot): `00000000:0000002a:0000`. Db2's has 16, the log position in
 * the last 8: `00000000:00000000:000000000000002a`.
 */
export function lsnTextSql(positionSql: string, engine: 'sqlserver' | 'db2'): string {
  const text =
    engine === 'db2'
      ? `printf('00000000:00000000:%016x', ${positionSql})`
      : `printf('%08x:%08x:%04x', (${positionSql}) >> 32, (${positionSql}) & 4294967295, 0)`;
  return `CASE WHEN (${positionSql}) IS NOT NULL THEN ${text} END`;
}
