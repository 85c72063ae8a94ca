import { ITEMS_UNIQUE_FUNCTION } from '../../export/sql/postgres-json-checks';
import { APPEND_ONLY_FUNCTION } from '../../export/sql/postgres-tables';
import { mysqlSigns } from './mysql-signs';
import { oracleSigns } from './oracle-signs';
import {
  enforcementClauses,
  keyStorageOptions,
  patternCasts,
  readCreateTable,
  readKeylessForeignKey,
  type SqlTable,
  written,
} from './sql-column-types';
import { readCreateDomain, type SqlDomain, withDomainTypes } from './sql-domains';
import { sqlServerSigns } from './sql-server-signs';
import {
  blank,
  elements,
  endsBatch,
  matching,
  neutralize,
  qualifiedName,
  type SourceEdit,
  type SqlNote,
  type SqlProblem,
  statements,
  type Token,
  tokenize,
  unquote,
} from './sql-tokens';

/*
 * A DDL dump (pg_dump, mysqldump, an SSMS script) statement by statement, before the SQL
 * parser reads it. The parser is handed only what it imports (CREATE TABLE, CREATE TYPE … AS
 * ENUM, ALTER TABLE … ADD a key), in a text where the rest is blanked in place: comments
 * (COMMENT ON), single-column unique indexes, identity columns and domains (sql-domains.ts) are read here, session
 * settings (SET, USE, GO) and schemas (namespaces) are dropped as they hold nothing of the schema, as are the functions the
 * SQL export writes (its CHECKs' uniqueItems, read from the call in sql-check-constraints.ts, and the
 * one its append-only triggers call); the triggers calling that one are read as their table being
 * append-only (sql-append-only-tables.ts), and any other statement is reported where it is. SQL
 * Server's `[names]` are handed over as `"names"`, which PostgreSQL's grammar reads with
 * REFERENCES and named defaults, unlike its own.
 */

/** `COMMENT ON TABLE t IS '…'` or `COMMENT ON COLUMN t.c IS '…'`. */
export interface SqlComment {
  table: string;
  column?: string;
  text: string;
  offset: number;
}

/** `CREATE UNIQUE INDEX … ON t (c)`: `c` is unique. */
export interface SqlUniqueIndex {
  table: string;
  column: string;
  offset: number;
}

/** `CREATE TRIGGER … ON t … EXECUTE FUNCTION reject_change_of_event()`: the SQL export's append-only table `t`. */
export interface SqlAppendOnlyTrigger {
  table: string;
  offset: number;
}

export interface SqlDump {
  tables: SqlTable[];
  /** The source as the parser reads it (lines and columns kept). */
  neutralText: string;
  /** Where each `ALTER TABLE` statement handed to the parser starts, in order. */
  alterTableStarts: number[];
  comments: SqlComment[];
  uniqueIndexes: SqlUniqueIndex[];
  /** The triggers that make a table append-only as the SQL export does for an event, in order. */
  appendOnlyTriggers: SqlAppendOnlyTrigger[];
  /** Statements and clauses read but not imported. */
  notes: SqlNote[];
  /** What stops the file from being read. */
  problems: SqlProblem[];
  /** The file writes what only SQL Server writes (`[names]`, `GO`, `N'…'`, sql-server-signs.ts), so its types are SQL Server's. */
  isSqlServer: boolean;
  /** What only Oracle writes that the file does (`CLOB`, `SYSDATE`): none unless the file is Oracle's. */
  oracleSigns: string[];
  /** The file is MySQL's, whose strings escape with a backslash (`'it\'s'`) unless NO_BACKSLASH_ESCAPES is set. */
  hasBackslashEscapes: boolean;
}

/** Statements that set up a session or a transaction, or drop what the dump then creates. */
const SESSION_STATEMENTS = /^(SET|USE|BEGIN|COMMIT|START|LOCK|UNLOCK|DROP|SELECT (PG_CATALOG \. )?SET_CONFIG)\b/;

export function readSqlDump(text: string): SqlDump {
  const { tokens, problems, notSql, hasBackslashEscapes } = tokenizeAsWritten(text);
  const found = statements(tokens, text);
  const dump: SqlDump = {
    tables: [],
    neutralText: text,
    alterTableStarts: [],
    comments: [],
    uniqueIndexes: [],
    appendOnlyTriggers: [],
    notes: [],
    problems,
    isSqlServer: false,
    oracleSigns: [],
    hasBackslashEscapes,
  };
  const edits: SourceEdit[] = [...notSql];
  const domains: SqlDomain[] = [];
  for (const current of found) {
    const { tokens: statement, terminator } = current;
    const isBatchEnd = endsBatch(current);
    if (isBatchEnd) dump.isSqlServer = true;
    const table = statement.length > 0 ? readCreateTable(statement, text, problems, dump.notes) : undefined;
    if (table) dump.tables.push(table);
    const domain = statement.length > 0 && !table ? readCreateDomain(statement, text, dump.notes) : undefined;
    if (domain) domains.push(domain);
    const read =
      statement.length === 0 || domain ? SKIPPED : table ? table.edits : otherStatement(statement, text, dump);
    // A statement skipped whole goes with its `;` or `GO`, so the parser never sees an empty statement.
    const first = statement[0] ?? terminator;
    const last = terminator ?? statement.at(-1);
    if (read === SKIPPED) edits.push(blank(first?.start ?? 0, last?.end ?? 0));
    else {
      // The parser reads no `GO`: one that ends a statement it reads ends it as a `;` does.
      if (isBatchEnd && terminator) edits.push({ start: terminator.start, end: terminator.end, text: ';' });
      edits.push(...read);
    }
  }
  // After the other edits, which win where they overlap: a type `[int]` is read as INT.
  tokens.forEach((token, index) => {
    if (token.kind === 'quoted' && token.text.startsWith('[') && !token.text.includes('"')) {
      edits.push({ start: token.start, end: token.end, text: `"${token.text.slice(1, -1)}"` });
      dump.isSqlServer = true;
    }
    // SQL Server's national strings, `N'placed'`, which PostgreSQL's grammar does not know.
    if (/^N$/i.test(token.text) && tokens[index + 1]?.kind === 'string' && tokens[index + 1]?.start === token.end) {
      edits.push(blank(token.start, token.end));
      dump.isSqlServer = true;
    }
    // MySQL's character set introducers, `_utf8mb4'gold'`, which mysqldump writes in CHECKs and expressions.
    if (
      /^_[a-z0-9]+$/i.test(token.text) &&
      tokens[index + 1]?.kind === 'string' &&
      tokens[index + 1]?.start === token.end
    )
      edits.push(blank(token.start, token.end));
  });
  dump.tables = withDomainTypes(dump.tables, domains);
  dump.oracleSigns = oracleSigns(dump.tables, tokens);
  // MySQL also takes NVARCHAR: a file that is MySQL's or Oracle's is not SQL Server's for what it shares.
  const isOtherDialect = hasBackslashEscapes || dump.oracleSigns.length > 0;
  if (!isOtherDialect && sqlServerSigns(dump.tables, tokens).length > 0) dump.isSqlServer = true;
  dump.neutralText = neutralize(text, edits);
  return dump;
}

/**
 * The tokens of a file, its strings read with backslash escapes where it is MySQL's: where it
 * quotes names with backticks or writes what only MySQL writes (`ENGINE=InnoDB`), or where only
 * that reading closes every string (`'Driver\'s'`).
 */
function tokenizeAsWritten(text: string): ReturnType<typeof tokenize> & { hasBackslashEscapes: boolean } {
  const standard = tokenize(text);
  const isMySql =
    standard.tokens.some((token) => token.kind === 'quoted' && token.text.startsWith('`')) ||
    mysqlSigns(standard.tokens).length > 0;
  const escaped = isMySql || standard.problems.length > 0 ? tokenize(text, true) : undefined;
  const isEscapedReading = escaped !== undefined && (isMySql || escaped.problems.length === 0);
  return isEscapedReading ? { ...escaped, hasBackslashEscapes: true } : { ...standard, hasBackslashEscapes: false };
}

/** The functions the SQL export writes for what it enforces (uniqueItems, append-only events): no table, nothing to note. */
const EXPORT_FUNCTIONS = new Set([ITEMS_UNIQUE_FUNCTION, APPEND_ONLY_FUNCTION]);

/**
 * `CREATE SCHEMA [IF NOT EXISTS] s [AUTHORIZATION r]`, as the SQL export writes for a product: a namespace, whose
 * tables' names are read unqualified. One that creates its own elements (`CREATE SCHEMA s CREATE VIEW …`) is noted.
 */
function isNamespaceOnly(spelled: string): boolean {
  return /^CREATE SCHEMA\b/.test(spelled) && !/ (CREATE|GRANT)\b/.test(spelled);
}

/** A statement the parser is not handed. */
const SKIPPED = 'skipped';

/** What the parser reads of a statement other than CREATE TABLE (edits to it), or that it is skipped. */
function otherStatement(statement: Token[], text: string, dump: SqlDump): SourceEdit[] | typeof SKIPPED {
  const words = statement.map((token) => (token.kind === 'word' ? token.text.toUpperCase() : token.text));
  const first = statement[0] as Token;
  const spelled = words.join(' ');
  if (SESSION_STATEMENTS.test(spelled) || isNamespaceOnly(spelled)) return SKIPPED;
  if (/^CREATE TYPE .* AS ENUM\b/.test(spelled)) return [];
  if (/^ALTER TABLE\b/.test(spelled)) return alterTable(statement, words, text, dump);
  if (/^COMMENT ON\b/.test(spelled)) {
    commentOn(statement, words, dump);
    return SKIPPED;
  }
  if (/^EXEC(UTE)?\b/.test(spelled)) {
    executeProcedure(statement, text, dump);
    return SKIPPED;
  }
  if (/^CREATE (UNIQUE )?((NON)?CLUSTERED )?INDEX\b/.test(spelled)) {
    createIndex(statement, words, text, dump);
    return SKIPPED;
  }
  const kindLength = words[0] === 'COPY' ? 1 : words[1] === 'OR' ? 4 : 2;
  const kind = words.slice(0, kindLength).join(' ');
  const ifExists = /^IF (NOT )?EXISTS\b/.exec(words.slice(kindLength).join(' '))?.[0].split(' ').length ?? 0;
  const name = /^(CREATE|ALTER|INSERT INTO|COPY)\b/.test(kind)
    ? qualifiedName(statement, kindLength + ifExists)
    : undefined;
  if (kind.endsWith('FUNCTION') && EXPORT_FUNCTIONS.has(name?.name ?? '')) return SKIPPED;
  if (/^CREATE (OR REPLACE )?(CONSTRAINT )?TRIGGER\b/.test(spelled) && appendOnlyTrigger(statement, words, dump))
    return SKIPPED;
  const why = /^(INSERT|COPY)\b/.test(kind)
    ? 'holds rows, not a schema'
    : kind.startsWith('CREATE')
      ? 'is not a table'
      : 'is not read';
  const message = `${name ? `${kind} ${name.name}` : kind} ${why}: not imported`;
  dump.notes.push({ path: name?.name ?? '(file)', message, offset: first.start });
  return SKIPPED;
}

/** Whether the trigger calls the function the SQL export's append-only triggers call; if so, its table is recorded. */
function appendOnlyTrigger(statement: Token[], words: string[], dump: SqlDump): boolean {
  const on = words.indexOf('ON');
  const execute = words.lastIndexOf('EXECUTE');
  const table = on === -1 ? undefined : qualifiedName(statement, on + 1);
  const called = execute === -1 ? undefined : qualifiedName(statement, execute + 2);
  if (!table || called?.name !== APPEND_ONLY_FUNCTION) return false;
  dump.appendOnlyTriggers.push({ table: table.name, offset: (statement[0] as Token).start });
  return true;
}

/** Words of an ALTER TABLE change that say what it does: `ADD COLUMN`, `OWNER TO`, `CHECK CONSTRAINT`. */
const ALTER_WORDS = new Set(
  'ADD DROP ALTER COLUMN CONSTRAINT OWNER TO CHECK NOCHECK RENAME SET ENABLE DISABLE TRIGGER INDEX REPLICA IDENTITY ROW LEVEL SECURITY CLUSTER ON DEFAULT ATTACH DETACH PARTITION INHERIT VALIDATE'.split(
    ' ',
  ),
);

/**
 * `ALTER TABLE [ONLY] t [WITH CHECK] ADD [CONSTRAINT n] FOREIGN KEY | PRIMARY KEY | UNIQUE | CHECK …`
 * goes to the parser (SSMS writes every CHECK so), but a FOREIGN KEY whose REFERENCES names no column,
 * which no grammar of the parser reads, joins its table's keyless references; either, added to a table the
 * file does not create, is reported; SQL Server's `ADD CONSTRAINT df DEFAULT (x) FOR c` is reported as a default of c,
 * pg_dump's `ALTER COLUMN c ADD GENERATED … AS IDENTITY` marks c an identity; the rest is reported.
 */
function alterTable(statement: Token[], words: string[], text: string, dump: SqlDump): SourceEdit[] | typeof SKIPPED {
  const first = statement[0] as Token;
  let index = 2;
  if (words[index] === 'IF' && words[index + 1] === 'EXISTS') index += 2;
  const edits: SourceEdit[] = [];
  if (words[index] === 'ONLY') edits.push(blank(statement[index]?.start ?? 0, statement[index]?.end ?? 0));
  if (words[index] === 'ONLY') index++;
  const name = qualifiedName(statement, index);
  if (!name) return [];
  const table = name.name;
  index = name.next;
  if (words[index] === 'WITH' && (words[index + 1] === 'CHECK' || words[index + 1] === 'NOCHECK')) {
    edits.push(blank(statement[index]?.start ?? 0, statement[index + 1]?.end ?? 0));
    index += 2;
  }
  const change = index;
  if (words[index] === 'ADD') index++;
  if (words[index] === 'CONSTRAINT') index += 2;
  const addedKey =
    words[change] === 'ADD' ? /^(FOREIGN|PRIMARY|UNIQUE|CHECK)$/.exec(words[index] ?? '')?.[0] : undefined;
  const created = dump.tables.find((candidate) => candidate.name === table);
  if (addedKey && !created) {
    // The parser would read it, but no table of the import takes it.
    const what = /^(FOREIGN|PRIMARY)$/.test(addedKey) ? `${addedKey} KEY` : addedKey;
    dump.notes.push({
      path: table,
      message: `ALTER TABLE ${table} ADD ${what} is not read, as the file does not create ${table}: not imported`,
      offset: first.start,
    });
    return SKIPPED;
  }
  const keyless =
    created && addedKey === 'FOREIGN' ? readKeylessForeignKey(statement.slice(index), table, text) : undefined;
  if (created && keyless) {
    created.keylessReferences.push(keyless.reference);
    dump.notes.push(...keyless.notes);
    return SKIPPED;
  }
  if (addedKey) {
    dump.alterTableStarts.push(first.start);
    return [...edits, ...addedConstraintEdits(words[index], statement.slice(index))];
  }
  /** `DEFAULT expr` from `at` to `end` (excluded), reported as a default of `column`. */
  const reportDefault = (column: Token, at: number, end: number): typeof SKIPPED => {
    const expression = text.slice(statement[at + 1]?.start ?? 0, statement[end - 1]?.end ?? 0);
    const message = `default ${expression} has no ODCS equivalent: not imported`;
    dump.notes.push({ path: `${table}.${unquote(column)}`, message, offset: (statement[at] as Token).start });
    return SKIPPED;
  };
  const forAt = words.lastIndexOf('FOR');
  const forColumn = statement[forAt + 1];
  if (words[change] === 'ADD' && words[index] === 'DEFAULT' && forAt > index && forColumn)
    return reportDefault(forColumn, index, forAt);
  const columnAt = words[change + 1] === 'COLUMN' ? change + 2 : change + 1;
  const column = statement[columnAt];
  if (words[change] === 'ALTER' && column) {
    // pg_dump: `ALTER COLUMN id SET DEFAULT nextval(…)`, `ALTER COLUMN id ADD GENERATED … AS IDENTITY (…)`.
    if (words[columnAt + 1] === 'SET' && words[columnAt + 2] === 'DEFAULT')
      return reportDefault(column, columnAt + 2, statement.length);
    const found = dump.tables
      .find((candidate) => candidate.name === table)
      ?.columns.find((candidate) => candidate.name === unquote(column));
    if (found && words[columnAt + 1] === 'ADD' && words[columnAt + 2] === 'GENERATED' && words.includes('IDENTITY')) {
      found.isIdentity = true;
      return SKIPPED;
    }
  }
  // SSMS follows each `WITH CHECK ADD … FOREIGN KEY` with this: the key is enforced, as imported.
  if (words[change] === 'CHECK' && words[change + 1] === 'CONSTRAINT') return SKIPPED;
  let end = change;
  while (ALTER_WORDS.has(words[end] ?? '') && statement[end]?.kind === 'word') end++;
  const what = words.slice(change, end).join(' ') || 'a change';
  dump.notes.push({
    path: table,
    message: `ALTER TABLE ${table} ${what} is not read: not imported`,
    offset: first.start,
  });
  return SKIPPED;
}

/** What the parser cannot read of a constraint ALTER TABLE adds, from its `FOREIGN`, `PRIMARY`, `UNIQUE` or `CHECK` on. */
function addedConstraintEdits(kind: string | undefined, constraint: Token[]): SourceEdit[] {
  if (kind === 'FOREIGN') return enforcementClauses(constraint);
  if (kind === 'CHECK') return [...enforcementClauses(constraint), ...patternCasts(constraint)];
  return keyStorageOptions(constraint);
}

/** `COMMENT ON TABLE [s.]t IS '…'`, `COMMENT ON COLUMN [s.]t.c IS '…'`; on anything else, reported. */
function commentOn(statement: Token[], words: string[], dump: SqlDump): void {
  const offset = (statement[0] as Token).start;
  const name = qualifiedName(statement, 3);
  const value = name && words[name.next] === 'IS' ? statement[name.next + 1] : undefined;
  if (value?.kind === 'word' && value.text.toUpperCase() === 'NULL') return; // removes a comment
  const isColumn = words[2] === 'COLUMN' && (name?.parts.length ?? 0) >= 2;
  if (name && value?.kind === 'string' && (words[2] === 'TABLE' || isColumn)) {
    const table = isColumn ? (name.parts.at(-2) as string) : name.name;
    dump.comments.push({ table, ...(isColumn && { column: name.name }), text: unquote(value), offset });
    return;
  }
  const what = `COMMENT ON ${words[2] ?? ''}${name ? ` ${name.parts.join('.')}` : ''}`;
  dump.notes.push({ path: name?.name ?? '(file)', message: `${what} is not read: not imported`, offset });
}

/** sp_addextendedproperty's parameters, in the order it takes them unnamed. */
const EXTENDED_PROPERTY_PARAMETERS = [
  'NAME',
  'VALUE',
  'LEVEL0TYPE',
  'LEVEL0NAME',
  'LEVEL1TYPE',
  'LEVEL1NAME',
  'LEVEL2TYPE',
  'LEVEL2NAME',
] as const;

/**
 * `EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'…', … @level1name=N't'[, …
 * @level2type=N'COLUMN', @level2name=N'c']`: SSMS's comment on a table or column, read as
 * COMMENT ON is. Another property or procedure is reported by its name as written.
 */
function executeProcedure(statement: Token[], text: string, dump: SqlDump): void {
  const first = statement[0] as Token;
  const procedure = qualifiedName(statement, 1);
  const afterName = procedure?.next ?? 1;
  const last = statement.at(-1) as Token;
  const listEnd: Token = { kind: 'punct', text: ')', start: last.end, end: last.end };
  const parameters = new Map<string, string>();
  for (const [position, { tokens: argument }] of elements([...statement.slice(afterName), listEnd]).entries()) {
    const isNamed = argument[0]?.text === '@' && argument[2]?.text === '=';
    const parameter = isNamed ? argument[1]?.text.toUpperCase() : EXTENDED_PROPERTY_PARAMETERS[position];
    const value = argument.at(-1);
    if (parameter && value?.kind === 'string') parameters.set(parameter, unquote(value));
  }
  const isExtendedProperty = procedure?.name.toLowerCase() === 'sp_addextendedproperty';
  const table = parameters.get('LEVEL1NAME');
  const column = parameters.get('LEVEL2NAME');
  const description = parameters.get('VALUE');
  const level2 = parameters.get('LEVEL2TYPE')?.toUpperCase();
  const isOnTableOrColumn =
    parameters.get('LEVEL1TYPE')?.toUpperCase() === 'TABLE' &&
    (level2 === undefined || (level2 === 'COLUMN' && column !== undefined));
  if (
    isExtendedProperty &&
    parameters.get('NAME') === 'MS_Description' &&
    table &&
    description !== undefined &&
    isOnTableOrColumn
  ) {
    dump.comments.push({ table, ...(column !== undefined && { column }), text: description, offset: first.start });
    return;
  }
  const on = [table, column].filter(Boolean).join('.');
  const message = isExtendedProperty
    ? `extended property ${parameters.get('NAME') ?? '(unnamed)'}${on ? ` on ${on}` : ''} is not read: not imported`
    : `${first.text} ${written(statement.slice(1, afterName), text) || '(no procedure)'} is not read: not imported`;
  dump.notes.push({ path: (isExtendedProperty && on) || '(file)', message, offset: first.start });
}

const INDEX_WORDS = /^(CREATE|UNIQUE|CLUSTERED|NONCLUSTERED|INDEX|CONCURRENTLY|IF|NOT|EXISTS)$/i;

/**
 * `CREATE [UNIQUE] INDEX [n] ON t (c)`: a unique index on one column makes it unique, as UNIQUE
 * on the column would; any other index (several columns, an expression, a WHERE) is reported.
 */
function createIndex(statement: Token[], words: string[], text: string, dump: SqlDump): void {
  const offset = (statement[0] as Token).start;
  const on = words.indexOf('ON');
  const target = qualifiedName(statement, words[on + 1] === 'ONLY' ? on + 2 : on + 1);
  const open = statement.findIndex((token, index) => index > on && token.text === '(');
  if (on === -1 || !target || open === -1) {
    dump.notes.push({ path: '(file)', message: 'CREATE INDEX is not read: not imported', offset });
    return;
  }
  const close = matching(statement, open);
  const keys = elements(statement.slice(open + 1, close + 1)).map((element) => element.tokens);
  const isUnique = words[1] === 'UNIQUE';
  const isPartial = words.slice(close).includes('WHERE');
  const only = keys[0];
  const isPlainColumn =
    keys.length === 1 &&
    only !== undefined &&
    (only[0]?.kind === 'word' || only[0]?.kind === 'quoted') &&
    only.slice(1).every((token) => /^(ASC|DESC)$/i.test(token.text));
  if (isUnique && isPlainColumn && !isPartial && only) {
    dump.uniqueIndexes.push({ table: target.name, column: unquote(only[0] as Token), offset });
    return;
  }
  const indexName = statement
    .slice(1, on)
    .filter((token) => token.kind === 'quoted' || (token.kind === 'word' && !INDEX_WORDS.test(token.text)))
    .at(-1);
  const columns = written(statement.slice(open, close + 1), text);
  const spelled = `${isUnique ? 'unique index' : 'index'}${indexName ? ` ${unquote(indexName)}` : ''} ${columns}${isPartial ? ' WHERE …' : ''}`;
  dump.notes.push({ path: target.name, message: `${spelled} has no ODCS equivalent: not imported`, offset });
}
