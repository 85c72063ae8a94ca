/** Quotes a table or column name, so ids like `orders-cdc` and names like `order` are safe in SQL. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A name as SQLite compares names: its ASCII letters in lower case, every other character as written (`CAFé` is `café`, `CAFÉ` is not). */
export function sqlNameKey(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** `orders-cdc-in` → `orders_cdc_in`, `OrderPlaced` → `order_placed`: names users can type unquoted. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

/** `raw_<port>`: the table an input port's raw zone keeps every record it consumed in, as it arrived. */
export function rawTableName(portId: string): string {
  return `raw_${snakeCase(portId)}`;
}

/** 0000-01-01T00:00:00.000Z: before it, `datetime` writes a year's four digits after its sign, `strftime` three. */
const FIRST_MILLISECOND_OF_YEAR_ZERO = -62167219200000;

/**
 * The ISO-8601 text (`2026-01-05T09:00:00.000Z`) of a millisecond epoch held in a SQL expression:
 * `strftime('%Y-%m-%dT%H:%M:%fZ', ...)`. History versions and outbox events write one per change,
 * and `datetime` with `subsec` writes the same text in a third of the time `strftime` takes.
 */
export function isoTimestampSql(millisExpression: string): string {
  const seconds = `(${millisExpression}) / 1000.0`;
  return `CASE WHEN (${millisExpression}) >= ${FIRST_MILLISECOND_OF_YEAR_ZERO} THEN replace(datetime(${seconds}, 'unixepoch', 'subsec'), ' ', 'T') || 'Z' ELSE strftime('%Y-%m-%dT%H:%M:%fZ', ${seconds}, 'unixepoch') END`;
}

/** `"a", "b"`; with a qualifier, `NEW."a", NEW."b"`. */
export function columnList(names: readonly string[], qualifier?: string): string {
  return names.map((name) => (qualifier ? `${qualifier}.${quoteIdentifier(name)}` : quoteIdentifier(name))).join(', ');
}

/** Names with a prefix, as change logs store images: `before_order_id`. */
export function prefixed(prefix: string, names: readonly string[]): string[] {
  return names.map((name) => `${prefix}${name}`);
}

/** `"a" INTEGER, "b" TEXT`: column definitions for CREATE TABLE. */
export function columnDefinitions(columns: readonly { name: string; type: string }[]): string[] {
  return columns.map((column) => `${quoteIdentifier(column.name)} ${column.type}`);
}

/**
 * Whether the `columns` of the row `alias` are a row of `table`. `IN` never finds a row with a NULL
 * among them; with `isNullSafe`, such a row is looked up NULL for NULL (`IS`), the rest still by
 * `IN`, which reads `table` once.
 */
export function rowInSql(alias: string, columns: readonly string[], table: string, isNullSafe = false): string {
  const inTable = `(${columnList(columns, alias)}) IN (SELECT ${columnList(columns)} FROM ${table})`;
  if (!isNullSafe) return inTable;
  const hasNull = columns.map((column) => `${alias}.${quoteIdentifier(column)} IS NULL`).join(' OR ');
  const sameRow = columns
    .map((column) => `_row.${quoteIdentifier(column)} IS ${alias}.${quoteIdentifier(column)}`)
    .join(' AND ');
  return `(${inTable} OR ((${hasNull}) AND EXISTS (SELECT 1 FROM ${table} AS _row WHERE ${sameRow})))`;
}
