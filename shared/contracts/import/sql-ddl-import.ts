import mysql from 'node-sql-parser/build/mysql.js';
import postgresql from 'node-sql-parser/build/postgresql.js';
import transactsql from 'node-sql-parser/build/transactsql.js';
import type { ContractProperty, EnumValue, QualityRule, SchemaObject } from '../../model/contract';
import { readColumnComment } from '../column-comment';
import { declaredLength } from '../physical-type-size';
import { byPosition } from '../text-range';
import {
  allowedValues,
  type ImportNote,
  importedProperty,
  isStackOverflow,
  locateText,
  nestedArrayItems,
  rangeAt,
  type SchemaImport,
  STATABLE_FACTS,
} from './imported-schema';
import { nestedClassifiedFields } from './nested-classified-fields';
import { isPostgresReservedWord } from './postgres-reserved-words';
import { historyOfEventNotes, readAppendOnlyTables } from './sql-append-only-tables';
import { type CheckAt, readChecks, withOptions } from './sql-check-constraints';
import {
  floatDialectOf,
  floatFormatIn,
  holdsTimeOfDay,
  type SqlColumn,
  type SqlTable,
  type SqlType,
  timeZoneToState,
} from './sql-column-types';
import { readSqlDump, type SqlDump } from './sql-dump';
import { type Expression, literal } from './sql-expressions';
import { readHistoryTables } from './sql-history-tables';
import { keptAsRule, uniqueTogetherRule } from './sql-quality-rules';
import { type SqlNote, tokenize } from './sql-tokens';
import { sqlUnsignedBounds } from './unsigned-bounds';

/*
 * SQL `CREATE TABLE` DDL (PostgreSQL, MySQL, SQL Server) to schema objects, one per table,
 * with node-sql-parser. The dialect is the first of PostgreSQL, MySQL and SQL Server that
 * parses the file. NOT NULL makes a property required, PRIMARY KEY (on the column or the
 * table, in its order) a key, UNIQUE on one column unique, UNIQUE on several columns a sql
 * quality rule of the table (sql-quality-rules.ts); the SQL type is kept as
 * physicalType; in a file that writes what only Oracle writes (oracle-signs.ts), DATE, which holds a time of day
 * there, is a timestamp without time zone, reported. Types without a logical type are
 * imported as strings and reported. Column
 * types are read in sql-column-types.ts; the parser reads the rest with each type as INT.
 * MySQL ENUM(...), PostgreSQL enum types (CREATE TYPE ... AS ENUM) and CHECK (c IN (...))
 * become allowed values, a string type's length maxLength, and CHECK bounds and patterns
 * logicalTypeOptions (sql-check-constraints.ts); what else a CHECK says is kept as a sql
 * quality rule and reported. A foreign key becomes an ODCS
 * relationship: on the property for one column, on the schema object for several. DEFAULTs,
 * which ODCS has not, are reported. The history tables the SQL export writes (`<table>_history`)
 * are the contract's keepHistory (sql-history-tables.ts), unless its append-only tables make it an event, which keeps
 * none (sql-append-only-tables.ts). The file is first read statement by statement
 * (sql-dump.ts): comments, unique indexes, identity and generated columns come from there, and
 * the parser reads only the statements it imports.
 */

interface ColumnDefinition {
  resource: 'column';
  column: { column: string | { expr: { value: string } } };
  nullable?: { type: string } | null;
  check?: { definition: Expression[] } | null;
  primary_key?: string | null;
  unique?: string | null;
  unique_or_primary?: string | null;
  comment?: { value?: { type: string; value?: string } } | null;
  reference_definition?: ReferenceDefinition | null;
  default_val?: { value: Expression } | null;
}

interface ConstraintDefinition {
  resource: 'constraint';
  constraint_type: string;
  /** Its name: `CONSTRAINT uq UNIQUE (…)`, or MySQL's `UNIQUE KEY uq (…)`. */
  constraint?: string | null;
  index?: string | null;
  definition: Array<{ column: string | { expr: { value: string } } }> | Expression[];
  reference_definition?: ReferenceDefinition | null;
}

/**
 * `REFERENCES other (x, y) ON DELETE CASCADE`; on a column, the parser also holds MySQL's
 * `ON UPDATE CURRENT_TIMESTAMP` here, without a table or columns.
 */
interface ReferenceDefinition {
  definition?: Array<{ column: ColumnDefinition['column']['column'] }>;
  table?: Array<{ table: string }>;
  on_action?: Array<{ type: string; value?: Expression & { value?: unknown } }>;
}

interface CreateEnumType {
  type: 'create';
  keyword: 'type';
  resource: 'enum';
  name: { schema?: string | null; name: string };
  create_definitions: { value: Expression[] };
}

interface CreateTable {
  type: 'create';
  keyword: 'table';
  table: Array<{ table: string }>;
  create_definitions: Array<ColumnDefinition | ConstraintDefinition | { resource: string }>;
}

/** `ALTER TABLE t ADD [CONSTRAINT n] FOREIGN KEY (...) REFERENCES ...`, or another change. */
interface AlterTable {
  type: 'alter';
  keyword: 'table';
  table: Array<{ table: string }>;
  expr: Array<{ action?: string; resource?: string; create_definitions?: ConstraintDefinition }>;
}

interface SqlParser {
  astify(sql: string, options: { database: string }): unknown;
  exprToSQL(expression: unknown, options: { database: string }): string;
}

/** How many of what marks a file as Oracle's a note names: enough to check the reading by. */
const SIGNS_NAMED = 3;

/** SQL Server's own name for the type it also calls TIMESTAMP. */
const ROW_VERSION = 'ROWVERSION';

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

export function importSqlDdl(text: string): SchemaImport {
  const ddl = readSqlDump(text);
  if (ddl.problems.length > 0) {
    const errors = ddl.problems.map(({ message, offset }) => ({
      path: '(file)',
      message,
      ...rangeAt(text, offset, 1),
    }));
    return { ok: false, format: 'sql', errors };
  }
  const failures: ParseFailure[] = [];
  for (const dialect of DIALECTS) {
    let ast: unknown;
    const parser = dialect.parser();
    try {
      ast = parser.astify(ddl.neutralText, { database: dialect.database });
    } catch (error) {
      failures.push({ dialect: dialect.name, error: error as ParseFailure['error'] });
      continue;
    }
    const statements = (Array.isArray(ast) ? ast : [ast]).filter(Boolean) as Array<
      Partial<CreateTable> | Partial<CreateEnumType> | Partial<AlterTable>
    >;
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
    const enumTypes = new Map(
      statements
        .filter(
          (statement): statement is CreateEnumType => statement.keyword === 'type' && statement.resource === 'enum',
        )
        .flatMap((statement) => {
          const values = allowedValues(
            statement.create_definitions.value.map((value) => literal(value, ddl.hasBackslashEscapes)),
          );
          const { schema, name } = statement.name;
          return [name, ...(schema ? [`${schema}.${name}`] : [])].map((key) => [key.toUpperCase(), values] as const);
        }),
    );
    const notes: ImportNote[] = ddl.notes.map((note) => located(text, note));
    const addedConstraints = alteredConstraints(
      statements.filter(
        (statement): statement is AlterTable => statement.type === 'alter' && statement.keyword === 'table',
      ),
      ddl.alterTableStarts,
      text,
      notes,
    );
    const sqlOf = (expression: Expression) => parser.exprToSQL(expression, { database: dialect.database });
    const objects = tables.map((table, index) => {
      const name = table.table[0]?.table ?? 'table';
      const columns = ddl.tables.find((found) => found.name === name) ?? ddl.tables[index];
      const added = addedConstraints.filter((constraint) => constraint.table === name);
      const isSqlServer = ddl.isSqlServer || dialect.name === 'SQL Server';
      return tableObject(table, columns, { text, notes, enumTypes, sqlOf, ddl, isSqlServer }, added);
    });
    notes.push(...unmatched(ddl, objects, text));
    const linked = withKeylessReferences(objects, ddl.tables, text, notes);
    const { history, historyTables, ...read } = readHistoryTables(linked);
    const appendOnly = readAppendOnlyTables(read.objects, ddl.appendOnlyTriggers);
    // What the export writes with a history table (its indexes) goes with it, kept as history or let go by an event.
    const isOfHistoryTable = (note: ImportNote) =>
      historyTables.some(({ history }) => note.path === history || note.path.startsWith(`${history}.`));
    const tableNotes = notes.filter((note) => !isOfHistoryTable(note));
    const historyNotes = [...read.notes, ...(appendOnly.isEvent ? historyOfEventNotes(historyTables) : [])];
    for (const { table, message } of historyNotes) {
      const offset = ddl.tables.find((source) => source.name === table)?.start ?? 0;
      tableNotes.push(located(text, { path: table, offset, message }));
    }
    tableNotes.push(...appendOnly.notes.map((note) => located(text, note)));
    return {
      ok: true,
      format: 'sql',
      objects: read.objects,
      notes: tableNotes.sort(byPosition),
      statedFacts: STATABLE_FACTS,
      ...(history && !appendOnly.isEvent && { history }),
      ...(appendOnly.isEvent && { kind: 'event' as const }),
    };
  }
  return { ok: false, format: 'sql', errors: [syntaxError(text, ddl, failures)] };
}

/** A note of the dump reader where it is: the range of the word it starts at. */
function located(text: string, note: SqlNote): ImportNote {
  const word = /^(\w+|\S)/.exec(text.slice(note.offset))?.[0] ?? '';
  return { path: note.path, message: note.message, ...rangeAt(text, note.offset, word.length) };
}

/** Comments and unique indexes on a table or column the file does not create. */
function unmatched(ddl: SqlDump, objects: SchemaObject[], text: string): ImportNote[] {
  const isCreated = (table: string, column: string | undefined) => {
    const object = objects.find((candidate) => candidate.name === table);
    return column === undefined ? object !== undefined : object?.properties.some(({ name }) => name === column);
  };
  const onWhat = [
    ...ddl.comments.map((comment) => ({ ...comment, what: 'the comment on' })),
    ...ddl.uniqueIndexes.map((index) => ({ ...index, what: 'the unique index on' })),
    ...ddl.appendOnlyTriggers.map((trigger) => ({ ...trigger, column: undefined, what: 'the append-only trigger on' })),
  ];
  return onWhat
    .filter(({ table, column }) => !isCreated(table, column))
    .map(({ table, column, offset, what }) => {
      const path = column === undefined ? table : `${table}.${column}`;
      const message = `${what} ${column === undefined ? 'table' : 'column'} ${path}, which the file does not create, is not imported`;
      return located(text, { path, offset, message });
    });
}

interface AddedConstraint {
  table: string;
  constraint: ConstraintDefinition;
  offset: number;
}

/** The keys (foreign, primary, unique) and checks ALTER TABLE statements add; any other change they make is reported. */
function alteredConstraints(
  alters: AlterTable[],
  starts: number[],
  text: string,
  notes: ImportNote[],
): AddedConstraint[] {
  return alters.flatMap((alter, index) => {
    const table = alter.table[0]?.table ?? 'table';
    const offset = starts[index] ?? 0;
    return alter.expr.flatMap((change) => {
      const constraint = change.create_definitions;
      if (
        change.action === 'add' &&
        constraint &&
        /foreign key|primary key|unique|check/i.test(constraint.constraint_type ?? '')
      )
        return [{ table, constraint, offset }];
      const what = [change.action, change.resource].filter(Boolean).join(' ').toUpperCase() || 'a change';
      notes.push({
        path: table,
        message: `ALTER TABLE ${table} ${what} is not read: not imported`,
        ...rangeAt(text, offset, 'ALTER'.length),
      });
      return [];
    });
  });
}

interface ParseFailure {
  dialect: string;
  error: Error & { location?: { start: { offset: number } } };
}

/** The column or table constraint of `table` that `offset` is in, as a message names it. */
function elementAt(table: SqlTable, offset: number): string | undefined {
  const elements = [
    ...table.columns.map((column) => ({ label: `column ${column.name}`, start: column.start })),
    ...table.constraints,
  ];
  return elements.toSorted((one, other) => one.start - other.start).findLast(({ start }) => start <= offset)?.label;
}

/** The dialect that read furthest says what it could not read, and in which table and column or constraint. */
function syntaxError(text: string, ddl: SqlDump, failures: ParseFailure[]): ImportNote {
  const furthest = failures.reduce((best, failure) =>
    (failure.error.location?.start.offset ?? -1) > (best.error.location?.start.offset ?? -1) ? failure : best,
  );
  // The parser reads the text trimmed: its offsets start after what the dump reader blanked first.
  const trimmed = ddl.neutralText.length - ddl.neutralText.trimStart().length;
  const offsetOf = (failure: ParseFailure | undefined) => {
    const parsedOffset = failure?.error.location?.start.offset;
    return parsedOffset === undefined ? undefined : parsedOffset + trimmed;
  };
  const postgres = failures.find((failure) => failure.dialect === 'PostgreSQL');
  const reserved = reservedColumnName(text, ddl, offsetOf(postgres));
  if (reserved) return reserved;
  const offset = offsetOf(furthest);
  if (offset === undefined) {
    const problem = isStackOverflow(furthest.error)
      ? 'nested too deeply: the SQL parser ran out of stack reading it'
      : furthest.error.message;
    return {
      path: '(file)',
      message: `${problem} (read as ${furthest.dialect})`,
      ...locateText(text, ''),
    };
  }
  const table = ddl.tables.find((candidate) => candidate.start <= offset && offset <= candidate.bodyEnd);
  const element = table && elementAt(table, offset);
  const where = table ? `CREATE TABLE ${table.name}${element ? `, ${element}` : ''}` : 'a statement';
  const found = /^(\w+|\S)/.exec(text.slice(offset))?.[0];
  const what = found === undefined ? 'the file ends too early' : `cannot read ${JSON.stringify(found)} here`;
  const dialects = failures.map((failure) => failure.dialect).join(', ');
  return {
    path: '(file)',
    message: `${where}: ${what} (not ${dialects} syntax that the SQL parser knows)`,
    ...rangeAt(text, offset, found?.length ?? 0),
  };
}

/**
 * Why PostgreSQL stopped at `offset` where a column is named with a reserved word unquoted
 * (`window integer`), which it refuses though another dialect may read further; not in a file
 * written as SQL Server's or MySQL's, whose reserved words differ.
 */
function reservedColumnName(text: string, ddl: SqlDump, offset: number | undefined): ImportNote | undefined {
  if (offset === undefined || ddl.isSqlServer || ddl.hasBackslashEscapes) return undefined;
  const table = ddl.tables.find((candidate) => candidate.start <= offset && offset <= candidate.bodyEnd);
  const column = table?.columns.find((candidate) => candidate.start <= offset && offset <= candidate.typeStart);
  const name = nameAsWritten(column, text);
  if (!table || !column || name === undefined || !isPostgresReservedWord(name)) return undefined;
  return {
    path: '(file)',
    message: `CREATE TABLE ${table.name}, column ${column.name}: ${name} is a reserved word in PostgreSQL: quote it as "${name.toLowerCase()}"`,
    ...rangeAt(text, column.start, name.length),
  };
}

interface TableContext {
  text: string;
  notes: ImportNote[];
  enumTypes: Map<string, EnumValue[]>;
  /** An expression as the dialect writes it: `'placed'`, `now()`. */
  sqlOf: (expression: Expression) => string;
  /** What the dump says of its tables beside CREATE TABLE (comments, unique indexes), and how it writes strings. */
  ddl: Pick<SqlDump, 'comments' | 'uniqueIndexes' | 'hasBackslashEscapes' | 'oracleSigns'>;
  /** SQL Server's types, where a name means another thing than elsewhere (`TIMESTAMP`). */
  isSqlServer: boolean;
}

function tableObject(
  table: CreateTable,
  source: SqlTable | undefined,
  context: TableContext,
  added: AddedConstraint[] = [],
): SchemaObject {
  const { text, notes } = context;
  const name = table.table[0]?.table ?? 'table';
  const columns = table.create_definitions.filter(
    (definition): definition is ColumnDefinition => definition.resource === 'column',
  );
  const constraints = [
    ...table.create_definitions.filter(
      (definition): definition is ConstraintDefinition => definition.resource === 'constraint',
    ),
    ...added.filter((key) => !/foreign key/i.test(key.constraint.constraint_type)).map((key) => key.constraint),
  ];
  const addedForeignKeys = added.filter((key) => /foreign key/i.test(key.constraint.constraint_type));
  const keyColumns = (constraint: ConstraintDefinition | undefined) =>
    ((constraint?.definition ?? []) as Array<{ column: ColumnDefinition['column']['column'] }>).map(columnName);
  const tableKey = keyColumns(constraints.find((constraint) => /primary key/i.test(constraint.constraint_type)));
  const isUnique = (constraint: ConstraintDefinition) => /unique/i.test(constraint.constraint_type);
  const uniqueAlone = new Set([
    ...constraints
      .filter((constraint) => isUnique(constraint) && constraint.definition.length === 1)
      .flatMap((constraint) => keyColumns(constraint)),
    ...context.ddl.uniqueIndexes.filter((index) => index.table === name).map((index) => index.column),
  ]);
  const uniqueConstraints = [
    ...table.create_definitions
      .filter((definition): definition is ConstraintDefinition => definition.resource === 'constraint')
      .filter(isUnique)
      .map((constraint, index) => ({ constraint, offset: source?.uniqueStarts[index] ?? 0 })),
    ...added.filter(({ constraint }) => isUnique(constraint)),
  ];
  const sourceColumn = (property: string): SqlColumn | undefined =>
    source?.columns.find((candidate) => candidate.name === property);
  const isOracle = context.ddl.oracleSigns.length > 0;
  // MySQL's by its backticks or MySQL-only words (mysql-signs.ts), not by the grammar that read it: PostgreSQL's reads much of MySQL's.
  const database = { isMySql: context.ddl.hasBackslashEscapes, isOracle };
  const floatDialect = floatDialectOf(database);
  const logicalTypeOf = (type: SqlType | undefined) =>
    type && holdsTimeOfDay(type, isOracle) ? 'timestamp' : type?.logicalType;
  // A property is unique on its own; several columns unique together are a rule of the table.
  const uniqueTogetherRules = uniqueConstraints
    .filter(({ constraint }) => constraint.definition.length > 1)
    .map(({ constraint, offset }) => {
      const constraintName = constraint.constraint ?? constraint.index ?? undefined;
      const keyNames = keyColumns(constraint);
      notes.push({
        path: name,
        message: `unique constraint${constraintName ? ` ${constraintName}` : ''} (${keyNames.join(', ')}) on several columns: ${keptAsRule(name, 'duplicate key groups')}`,
        ...rangeAt(text, offset, (/^\w+/.exec(text.slice(offset))?.[0] ?? '').length),
      });
      const uniqueColumns = keyNames.map((column) => ({
        name: column,
        written: nameAsWritten(sourceColumn(column), text) ?? column,
        isRequired:
          tableKey.includes(column) || isNotNull(columns.find((found) => columnName(found.column) === column)),
      }));
      return uniqueTogetherRule(constraintName, uniqueColumns, context.isSqlServer);
    });
  const comments = context.ddl.comments.filter((comment) => comment.table === name);
  const commentOn = (column?: string) => comments.findLast((comment) => comment.column === column)?.text;
  const isCheck = (constraint: ConstraintDefinition) => /check/i.test(constraint.constraint_type);
  const tableChecks = [
    ...table.create_definitions
      .filter((definition): definition is ConstraintDefinition => definition.resource === 'constraint')
      .filter(isCheck)
      .map((constraint, index) => ({ constraint, offset: source?.checkStarts[index] ?? 0, end: undefined })),
    // SSMS's `WITH CHECK ADD … CHECK (…)`: its first CHECK is not the constraint's.
    ...added
      .filter(({ constraint }) => isCheck(constraint))
      .map(({ constraint, offset }) => ({
        constraint,
        offset: offset + Math.max(text.slice(offset).search(/\bcheck\s*\(/i), 0),
        end: text.length,
      })),
  ].map(({ constraint, offset, end }) => ({
    expression: (constraint.definition as Expression[])[0],
    offset,
    end,
    where: name,
    name: constraint.constraint ?? undefined,
  }));
  const columnChecks = columns.map((column) => {
    const property = columnName(column.column);
    const start = sourceColumn(property)?.start ?? 0;
    return {
      expression: column.check?.definition[0],
      offset: start + Math.max(text.slice(start).search(/\bcheck\b/i), 0),
      where: `${name}.${property}`,
    };
  });
  const checks = readChecks(
    [...tableChecks, ...columnChecks].filter((check): check is CheckAt => check.expression !== undefined),
    (column) => {
      const type = sourceColumn(column)?.type;
      return type?.arrayDepth ? 'array' : logicalTypeOf(type);
    },
    {
      table: name,
      text,
      end: source?.bodyEnd ?? text.length,
      hasBackslashEscapes: context.ddl.hasBackslashEscapes,
      sqlOf: context.sqlOf,
    },
  );
  notes.push(...checks.notes);
  const propertyRelationships = new Map<string, OdcsRelationship[]>();
  const objectRelationships: OdcsRelationship[] = [];
  const readForeignKey = (from: string[], reference: ReferenceDefinition, offset: number, where: string) => {
    const relationship = foreignKeyRelationship(name, from, reference);
    const at = rangeAt(text, offset, (/^\w+/.exec(text.slice(offset))?.[0] ?? '').length);
    if (typeof relationship === 'string') notes.push({ path: where, message: relationship, ...at });
    else if (Array.isArray(relationship.from)) objectRelationships.push(relationship);
    else {
      const property = from[0] as string;
      const { from: _implicit, ...onProperty } = relationship;
      propertyRelationships.set(property, [...(propertyRelationships.get(property) ?? []), onProperty]);
    }
    for (const action of reference.on_action ?? []) {
      const rule = `${action.type} ${String(action.value?.value ?? '')}`.trim().toUpperCase();
      notes.push({ path: where, message: `${rule} of the foreign key has no ODCS equivalent: not imported`, ...at });
    }
  };
  const foreignKeys = constraints
    .filter((constraint) => /foreign key/i.test(constraint.constraint_type))
    .map((constraint, index) => ({ constraint, offset: source?.foreignKeyStarts[index] ?? 0 }));
  for (const { constraint, offset } of [...foreignKeys, ...addedForeignKeys]) {
    if (constraint.reference_definition)
      readForeignKey(keyColumns(constraint), constraint.reference_definition, offset, name);
  }
  const keywordAfter = (start: number, keyword: string) =>
    start + Math.max(text.slice(start).search(new RegExp(`\\b${keyword}\\b`, 'i')), 0);
  for (const column of columns) {
    const property = columnName(column.column);
    const start = sourceColumn(property)?.start ?? 0;
    const reference = column.reference_definition;
    if (reference?.table)
      readForeignKey([property], reference, keywordAfter(start, 'references'), `${name}.${property}`);
    else
      for (const action of reference?.on_action ?? []) {
        const clause = `${action.type.toUpperCase()}${action.value ? ` ${context.sqlOf(action.value)}` : ''}`;
        notes.push({
          path: `${name}.${property}`,
          message: `${clause} has no ODCS equivalent: not imported`,
          ...rangeAt(text, keywordAfter(start, action.type.replace(' ', '\\s+')), action.type.length),
        });
      }
    const defaultValue = column.default_val?.value;
    if (defaultValue && defaultValue.type !== 'null')
      notes.push({
        path: `${name}.${property}`,
        message: `default ${context.sqlOf(defaultValue)} has no ODCS equivalent: not imported`,
        ...rangeAt(text, keywordAfter(start, 'default'), 'DEFAULT'.length),
      });
  }
  const columnKey = columns.filter((column) => isPrimaryKey(column)).map((column) => columnName(column.column));
  const key = tableKey.length > 0 ? tableKey : columnKey;
  const properties = columns.map((column) => {
    const property = columnName(column.column);
    const found = sourceColumn(property);
    const type = found?.type;
    const typeValues = type && context.enumTypes.get(type.declaredName);
    const enumValues = type?.enumValues ?? typeValues ?? checks.values.get(property);
    // SQL Server's TIMESTAMP is ROWVERSION: a counter the database sets on each write, not a time.
    const isRowVersion = context.isSqlServer && type?.baseName === 'TIMESTAMP';
    // Written by the name no reader takes for a time (the contract checks, datacontract-cli and other databases do).
    const physicalType = isRowVersion ? ROW_VERSION : type?.physicalType;
    const elementType = isRowVersion ? undefined : (logicalTypeOf(type) ?? (typeValues ? 'string' : undefined));
    const isTimeOfDayDate = type !== undefined && holdsTimeOfDay(type, isOracle);
    if (isTimeOfDayDate)
      notes.push({
        path: `${name}.${property}`,
        message: `Oracle's DATE holds a time of day too, to the second: imported as a timestamp without time zone (the file is read as Oracle's for its ${context.ddl.oracleSigns.slice(0, SIGNS_NAMED).join(', ')})`,
        ...rangeAt(text, found?.start ?? 0, (found?.typeEnd ?? 0) - (found?.start ?? 0)),
      });
    if (!elementType) {
      notes.push({
        path: `${name}.${property}`,
        message: type
          ? `${type.elementType}${isRowVersion ? " (SQL Server's rowversion, a row counter, not a time)" : ''} has no ODCS logical type: imported as a string (physicalType ${physicalType})`
          : found?.generated
            ? 'a computed column declares no type: imported as a string'
            : 'its type could not be read: imported as a string',
        ...rangeAt(text, found?.start ?? 0, (found?.typeEnd ?? 0) - (found?.start ?? 0)),
      });
    }
    const timezone = type && !isRowVersion ? timeZoneToState(type, database) : undefined;
    const keyPosition = key.indexOf(property);
    const facts = {
      // A type the file declares is the user's name, kept as written; built-in types read in upper case.
      ...(type && { physicalType: typeValues ? type.physicalTypeAsWritten : physicalType }),
      ...(enumValues && { enum: enumValues }),
    };
    const arrayDepth = type?.arrayDepth ?? 0;
    const maxLength = elementType === 'string' && type ? declaredLength(type.elementType) : undefined;
    const numberFormat =
      elementType === 'number' && type && floatDialect ? floatFormatIn(type, floatDialect) : undefined;
    const stated = {
      ...(elementType === 'string' && type?.format && { format: type.format }),
      ...(numberFormat && { format: numberFormat }),
      ...(maxLength !== undefined && { maxLength }),
      ...(timezone !== undefined && { timezone }),
      ...boundsOf(type, checks.options.get(property), context.isSqlServer),
    };
    const options = Object.keys(stated).length > 0 ? stated : undefined;
    const { nestedClassifications = [], ...comment } = readColumnComment(
      commentOn(property) ?? columnComment(column, context.ddl.hasBackslashEscapes),
    );
    const { items: classifiedItems, ...classifiedFields } = nestedClassifiedFields(property, nestedClassifications);
    const arrayItems = nestedArrayItems(elementType ?? 'string', { enum: enumValues, options }, arrayDepth);
    const items = arrayItems || classifiedItems ? { ...arrayItems, ...(classifiedItems as object) } : undefined;
    // A jsonb column the export wrote from an array checks it holds arrays, and names its items' classified fields with `[]`.
    const isArray = arrayDepth > 0 || classifiedItems !== undefined || checks.shapes.get(property) === 'array';
    return importedProperty(property, isArray ? 'array' : (elementType ?? 'string'), {
      required:
        column.nullable?.type === 'not null' ||
        keyPosition !== -1 ||
        found?.isIdentity === true ||
        type?.isNotNull === true,
      unique: /unique/i.test(String(column.unique ?? column.unique_or_primary ?? '')) || uniqueAlone.has(property),
      primaryKey: keyPosition !== -1,
      ...(keyPosition !== -1 && { primaryKeyPosition: keyPosition + 1 }),
      ...(arrayDepth > 0 ? { physicalType: facts.physicalType } : facts),
      ...comment,
      extensions: {
        ...(arrayDepth === 0 && options && { logicalTypeOptions: options }),
        ...classifiedFields,
        ...(items && { items }),
        ...(found?.generated && {
          transformLogic: found.generated.expression,
          transformDescription: `generated column: the database computes it ${found.generated.isStored ? 'when the row is written' : 'when the row is read'}`,
        }),
        ...(propertyRelationships.has(property) && { relationships: propertyRelationships.get(property) }),
      },
    }) satisfies ContractProperty;
  });
  const description = commentOn() ?? source?.comment?.text;
  const quality: QualityRule[] = [...uniqueTogetherRules, ...checks.rules];
  return {
    name,
    physicalName: name,
    ...(description && { description }),
    properties,
    ...(quality.length > 0 && { quality }),
    extensions: {
      physicalType: 'table',
      ...(objectRelationships.length > 0 && { relationships: objectRelationships }),
    },
  };
}

/**
 * A foreign key whose `REFERENCES t` names no column refers to t's primary key, as PostgreSQL and
 * SQL Server read it: a foreign key to that key where the file creates t with a key of as many
 * columns, else reported where it is.
 */
function withKeylessReferences(
  objects: SchemaObject[],
  tables: SqlTable[],
  text: string,
  notes: ImportNote[],
): SchemaObject[] {
  return objects.map((object) => {
    let linked = object;
    for (const reference of tables.find((table) => table.name === object.name)?.keylessReferences ?? []) {
      const target = objects.find((candidate) => candidate.name === reference.table);
      const key = (target?.properties ?? [])
        .filter((candidate) => candidate.primaryKey)
        .toSorted((one, other) => (one.primaryKeyPosition ?? 0) - (other.primaryKeyPosition ?? 0));
      const definition = key.map((column) => ({ column: column.name }));
      const relationship =
        target && key.length === reference.columns.length
          ? foreignKeyRelationship(object.name, reference.columns, { table: [{ table: reference.table }], definition })
          : `REFERENCES ${reference.table} names no column, and ${
              target
                ? `${reference.table}'s key is of ${key.length} columns, not ${reference.columns.length}`
                : `the file does not create ${reference.table} to say its key`
            }: the foreign key is not imported`;
      if (typeof relationship === 'string') {
        const where = reference.columns.length === 1 ? `${object.name}.${reference.columns[0]}` : object.name;
        notes.push({ path: where, message: relationship, ...rangeAt(text, reference.offset, 'REFERENCES'.length) });
      } else linked = withRelationship(linked, relationship);
    }
    return linked;
  });
}

/** The object with a foreign key: on its property when of one column, else on the object. */
function withRelationship(object: SchemaObject, relationship: OdcsRelationship): SchemaObject {
  if (Array.isArray(relationship.from)) {
    const relationships = [...((object.extensions?.relationships as OdcsRelationship[]) ?? []), relationship];
    return { ...object, extensions: { ...object.extensions, relationships } };
  }
  const { from, ...onProperty } = relationship;
  const column = String(from).slice(object.name.length + 1);
  const properties = object.properties.map((property) => {
    if (property.name !== column) return property;
    const relationships = [...((property.extensions?.relationships as OdcsRelationship[]) ?? []), onProperty];
    return { ...property, extensions: { ...property.extensions, relationships } };
  });
  return { ...object, properties };
}

/** An ODCS relationship; on a property, `from` is that property and is left out. */
interface OdcsRelationship {
  type: 'foreignKey';
  from?: string | string[];
  to: string | string[];
}

/** ODCS shorthand references (`table.column`) name tables and columns of letters, digits and `_`. */
const SHORTHAND_REFERENCE = /^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `FOREIGN KEY (a, b) REFERENCES other (x, y)` as `from: [t.a, t.b]`, `to: [other.x, other.y]`
 * (one column: strings); the target table need not be in the file. Why it cannot be, otherwise.
 */
function foreignKeyRelationship(
  table: string,
  from: string[],
  reference: ReferenceDefinition,
): OdcsRelationship | string {
  const target = reference.table?.[0]?.table ?? '';
  const to = (reference.definition ?? []).map(columnName);
  const written = `the foreign key (${from.join(', ')}) to ${target}(${to.join(', ')})`;
  if (to.length !== from.length) return `${written} has ${from.length} columns and ${to.length} targets: not imported`;
  const sources = from.map((column) => `${table}.${column}`);
  const targets = to.map((column) => `${target}.${column}`);
  if (![...sources, ...targets].every((reference) => SHORTHAND_REFERENCE.test(reference)))
    return `${written} names a table or column ODCS cannot reference (letters, digits and _ only): not imported`;
  return sources.length === 1
    ? { type: 'foreignKey', from: sources[0], to: targets[0] as string }
    : { type: 'foreignKey', from: sources, to: targets };
}

/** A column's bounds: its CHECKs', within its unsigned type's range (the tighter of each kind, as the database checks both). */
function boundsOf(
  type: SqlType | undefined,
  checked: Record<string, unknown> | undefined,
  isSqlServer: boolean,
): Record<string, unknown> {
  const range = type && sqlUnsignedBounds(type, isSqlServer);
  if (!range) return checked ?? {};
  const merged = withOptions(checked ?? {}, { ...range });
  // Only a second pattern is refused, and a type's range has none.
  return typeof merged === 'string' ? (checked ?? {}) : { ...range, ...merged };
}

/** MySQL's `COMMENT '…'` on a column. */
function columnComment(column: ColumnDefinition, hasBackslashEscapes: boolean): string | undefined {
  const comment = literal(column.comment?.value as Expression | undefined, hasBackslashEscapes);
  return comment === undefined ? undefined : String(comment);
}

/** A column that cannot hold NULL: NOT NULL, or its own primary key. */
function isNotNull(column: ColumnDefinition | undefined): boolean {
  return column !== undefined && (column.nullable?.type === 'not null' || isPrimaryKey(column));
}

/** A column's name as the source writes it, quotes and all, so a query names the same column. */
function nameAsWritten(column: SqlColumn | undefined, text: string): string | undefined {
  if (!column) return undefined;
  const [name] = tokenize(text.slice(column.start, column.typeStart), false).tokens;
  return name?.text;
}

function isPrimaryKey(column: ColumnDefinition): boolean {
  return /primary key/i.test(String(column.primary_key ?? column.unique_or_primary ?? ''));
}

function columnName(reference: ColumnDefinition['column'] | { column: ColumnDefinition['column']['column'] }): string {
  const column = reference.column;
  return typeof column === 'string' ? column : column.expr.value;
}
