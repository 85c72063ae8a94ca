import mysql from 'node-sql-parser/build/mysql.js';
import postgresql from 'node-sql-parser/build/postgresql.js';
import transactsql from 'node-sql-parser/build/transactsql.js';
import type { ContractProperty, SchemaObject } from '../../model/contract';
import type { LogicalType } from '../../model/logical-type';
import { type ImportNote, importedProperty, locateText, type SchemaImport } from './imported-schema';

/*
 * SQL `CREATE TABLE` DDL (PostgreSQL, MySQL, SQL Server) to schema objects, one per table,
 * with node-sql-parser. The dialect is the first of PostgreSQL, MySQL and SQL Server that
 * parses the file. NOT NULL makes a property required, PRIMARY KEY (on the column or the
 * table, in its order) a key, UNIQUE on one column unique; the SQL type is kept as
 * physicalType. Types without a logical type are imported as strings and reported.
 */

interface ColumnDefinition {
  resource: 'column';
  column: { column: string | { expr: { value: string } } };
  definition: { dataType: string; length?: number; scale?: number; suffix?: string[] | null };
  nullable?: { type: string } | null;
  primary_key?: string | null;
  unique?: string | null;
  unique_or_primary?: string | null;
  comment?: { value?: { value?: string } } | null;
}

interface ConstraintDefinition {
  resource: 'constraint';
  constraint_type: string;
  definition: Array<{ column: string | { expr: { value: string } } }>;
}

interface CreateTable {
  type: 'create';
  keyword: 'table';
  table: Array<{ table: string }>;
  create_definitions: Array<ColumnDefinition | ConstraintDefinition | { resource: string }>;
}

interface SqlParser {
  astify(sql: string, options: { database: string }): unknown;
}

const DIALECTS: { name: string; database: string; parser: () => SqlParser }[] = [
  { name: 'PostgreSQL', database: 'PostgresQL', parser: () => new (parserClass(postgresql))() },
  { name: 'MySQL', database: 'MySQL', parser: () => new (parserClass(mysql))() },
  { name: 'SQL Server', database: 'TransactSQL', parser: () => new (parserClass(transactsql))() },
];

/** The dialect builds are CommonJS: the class is the default export or a property of it. */
function parserClass(module: unknown): new () => SqlParser {
  const namespace = module as { Parser?: new () => SqlParser; default?: { Parser: new () => SqlParser } };
  return (namespace.Parser ?? namespace.default?.Parser) as new () => SqlParser;
}

/** Logical types of SQL types, by the type name as the parser writes it (upper case). */
const SQL_TYPES: Record<string, LogicalType> = {
  ...Object.fromEntries(
    [
      'CHAR',
      'VARCHAR',
      'NCHAR',
      'NVARCHAR',
      'TEXT',
      'TINYTEXT',
      'MEDIUMTEXT',
      'LONGTEXT',
      'NTEXT',
      'CHARACTER',
      'UUID',
      'UNIQUEIDENTIFIER',
      'CITEXT',
      'ENUM',
      'STRING',
    ].map((type) => [type, 'string']),
  ),
  ...Object.fromEntries(
    [
      'INT',
      'INTEGER',
      'BIGINT',
      'SMALLINT',
      'TINYINT',
      'MEDIUMINT',
      'SERIAL',
      'BIGSERIAL',
      'SMALLSERIAL',
      'INT2',
      'INT4',
      'INT8',
    ].map((type) => [type, 'integer']),
  ),
  ...Object.fromEntries(
    [
      'NUMERIC',
      'DECIMAL',
      'REAL',
      'FLOAT',
      'DOUBLE',
      'DOUBLE PRECISION',
      'FLOAT4',
      'FLOAT8',
      'MONEY',
      'SMALLMONEY',
    ].map((type) => [type, 'number']),
  ),
  ...Object.fromEntries(['BOOLEAN', 'BOOL', 'BIT'].map((type) => [type, 'boolean'])),
  DATE: 'date',
  ...Object.fromEntries(
    ['TIMESTAMP', 'TIMESTAMPTZ', 'DATETIME', 'DATETIME2', 'DATETIMEOFFSET', 'SMALLDATETIME'].map((type) => [
      type,
      'timestamp',
    ]),
  ),
  ...Object.fromEntries(['TIME', 'TIMETZ'].map((type) => [type, 'time'])),
  ...Object.fromEntries(['JSON', 'JSONB'].map((type) => [type, 'object'])),
};

export function importSqlDdl(text: string): SchemaImport {
  let firstError: ImportNote | undefined;
  for (const dialect of DIALECTS) {
    let ast: unknown;
    try {
      ast = dialect.parser().astify(text, { database: dialect.database });
    } catch (error) {
      firstError ??= syntaxError(text, error, dialect.name);
      continue;
    }
    const statements = (Array.isArray(ast) ? ast : [ast]) as Array<Partial<CreateTable>>;
    const tables = statements.filter(
      (statement): statement is CreateTable => statement.type === 'create' && statement.keyword === 'table',
    );
    if (tables.length === 0) {
      return {
        ok: false,
        format: 'sql',
        errors: [{ path: '(file)', message: 'no CREATE TABLE statement', ...locateText(text, '') }],
      };
    }
    const notes: ImportNote[] = [];
    const objects = tables.map((table) => tableObject(table, text, notes));
    return { ok: true, format: 'sql', objects, notes };
  }
  return {
    ok: false,
    format: 'sql',
    errors: [firstError ?? { path: '(file)', message: 'not SQL DDL', ...locateText(text, '') }],
  };
}

function syntaxError(text: string, error: unknown, dialect: string): ImportNote {
  const location = (error as { location?: { start: { line: number; column: number } } }).location?.start;
  const message = `${(error as Error).message} (read as ${dialect})`;
  if (!location) return { path: '(file)', message, ...locateText(text, '') };
  return {
    path: '(file)',
    message,
    line: location.line,
    column: location.column,
    endLine: location.line,
    endColumn: location.column + 1,
  };
}

function tableObject(table: CreateTable, text: string, notes: ImportNote[]): SchemaObject {
  const name = table.table[0]?.table ?? 'table';
  const tableStart = text.search(
    new RegExp(`create\\s+table\\s+(if\\s+not\\s+exists\\s+)?[\\w."\`\\[\\]]*${escapeRegExp(name)}`, 'i'),
  );
  const columns = table.create_definitions.filter(
    (definition): definition is ColumnDefinition => definition.resource === 'column',
  );
  const constraints = table.create_definitions.filter(
    (definition): definition is ConstraintDefinition => definition.resource === 'constraint',
  );
  const tableKey =
    constraints.find((constraint) => /primary key/i.test(constraint.constraint_type))?.definition.map(columnName) ?? [];
  const uniqueAlone = new Set(
    constraints
      .filter((constraint) => /unique/i.test(constraint.constraint_type) && constraint.definition.length === 1)
      .map((constraint) => columnName(constraint.definition[0] as { column: ColumnDefinition['column']['column'] })),
  );
  const columnKey = columns.filter((column) => isPrimaryKey(column)).map((column) => columnName(column.column));
  const key = tableKey.length > 0 ? tableKey : columnKey;
  const properties = columns.map((column) => {
    const property = columnName(column.column);
    const physicalType = physicalTypeOf(column.definition);
    const baseType = column.definition.dataType.toUpperCase().replace(/\[\]$/, '');
    const isArray = column.definition.dataType.endsWith('[]');
    const mapped = SQL_TYPES[baseType];
    if (!mapped) {
      notes.push({
        path: `${name}.${property}`,
        message: `${physicalType} has no ODCS logical type: imported as a string (physicalType ${physicalType})`,
        ...locateText(text, property, Math.max(tableStart, 0)),
      });
    }
    const keyPosition = key.indexOf(property);
    const itemType = mapped ?? 'string';
    return importedProperty(property, isArray ? 'array' : itemType, {
      required: column.nullable?.type === 'not null' || keyPosition !== -1,
      unique: /unique/i.test(String(column.unique ?? column.unique_or_primary ?? '')) || uniqueAlone.has(property),
      primaryKey: keyPosition !== -1,
      ...(keyPosition !== -1 && { primaryKeyPosition: keyPosition + 1 }),
      physicalType,
      ...(column.comment?.value?.value && { description: column.comment.value.value }),
      ...(isArray && { extensions: { items: { logicalType: itemType } } }),
    }) satisfies ContractProperty;
  });
  return { name, physicalName: name, properties, extensions: { physicalType: 'table' } };
}

function isPrimaryKey(column: ColumnDefinition): boolean {
  return /primary key/i.test(String(column.primary_key ?? column.unique_or_primary ?? ''));
}

function columnName(reference: ColumnDefinition['column'] | { column: ColumnDefinition['column']['column'] }): string {
  const column = reference.column;
  return typeof column === 'string' ? column : column.expr.value;
}

/** `VARCHAR(20)`, `NUMERIC(10,2)`, `TIMESTAMP WITH TIME ZONE`. */
function physicalTypeOf(definition: ColumnDefinition['definition']): string {
  const size =
    definition.length === undefined
      ? ''
      : `(${definition.length}${definition.scale === undefined ? '' : `,${definition.scale}`})`;
  const suffix = (definition.suffix ?? []).filter((part) => typeof part === 'string').join(' ');
  return `${definition.dataType}${size}${suffix ? ` ${suffix}` : ''}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
