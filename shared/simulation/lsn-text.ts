/**
 * A log position as SQL Server and Db2 write an LSN, three groups of hex digits (virtual log
 * file, block, slot): `00000000:0000002a:0000`; zero-padded, so the text sorts as the position.
 */
export function lsnTextSql(positionSql: string): string {
  return `CASE WHEN (${positionSql}) IS NOT NULL THEN printf('%08x:%08x:%04x', (${positionSql}) >> 32, (${positionSql}) & 4294967295, 0) END`;
}
