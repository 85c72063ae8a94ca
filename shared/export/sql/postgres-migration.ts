import { compareContracts } from '../../contracts/breaking-changes';
import { columnCommentText } from '../../contracts/column-comment';
import { type GuessedRename, guessObjectRenames, guessRenames } from '../../contracts/guessed-renames';
import { historyColumnNames, historyColumnsOf } from '../../contracts/history-columns';
import { nestedFieldRenames } from '../../contracts/nested-field-renames';
import { columnNameOf } from '../../contracts/physical-names';
import { isRequiredAsKey } from '../../contracts/primary-key';
import type { Contract, ContractProperty } from '../../model/contract';
import { dropColumnOrRefuse, dropTableOrRefuse } from './guarded-drops';
import { jsonKeyRenameStatement } from './json-key-renames';
import { refuseLossyTypeChange } from './lossy-type-changes';
import { addCheckOnceKept, setNotNullOnceFilled, setNotNullOrRefuse } from './once-filled';
import { columnTypeParts, exactNumbersOf, postgresTypeOf } from './postgres-column-types';
import { ident, qualified, sqlComment } from './postgres-names';
import {
  appendOnlyTriggerName,
  appendOnlyTriggerStatements,
  checkClause,
  checkConstraintOf,
  checkedProperties,
  checkName,
  columnCommentStatement,
  createTableStatements,
  currentIndexName,
  hasUniqueConstraint,
  historyName,
  historySeedStatement,
  historyTableStatements,
  newColumnCommentStatements,
  noTruncateTriggerName,
  noTruncateTriggerStatement,
  nullableColumnDefinition,
  type PostgresTable,
  primaryKeyName,
  tablesOf,
  uniqueName,
  uniqueProperties,
  versionsIndexName,
} from './postgres-tables';
import { primaryKeyStatements } from './primary-key-change';
import { clockTimeZoneFunctions, clockTimeZoneOfChange, valueInClockTimeZone } from './time-zone-changes';

/*
 * ALTER statements taking a contract's tables from its last saved version to the current one:
 * added, removed and renamed fields and schema objects (guessed-renames.ts: alike, and with evidence
 * they are one, which a comment on the RENAME states), type changes, nullability,
 * uniqueness, primary key, CHECKs (a new one waits for the rows that break it, see once-filled.ts),
 * history kept or dropped, event ↔ entity (the append-only trigger).
 * Every statement that carries a breaking change is preceded by a `-- breaking:` line with the
 * reason, so it is reviewed before it runs. The tables hold rows: no statement may need a value
 * the rows cannot have (see once-filled.ts).
 */

/**
 * The casts PostgreSQL has between the column types we write, besides those to and from text and
 * among numbers; a type change without one goes through text (`"x"::text::date`), as PostgreSQL
 * refuses the statement otherwise, even on an empty table.
 */
const DIRECT_CASTS = new Set([
  'date timestamptz',
  'timestamptz date',
  'timestamptz time',
  'date timestamp',
  'timestamp date',
  'timestamp time',
]);
const TEXT_TYPES = new Set(['text', 'varchar']);

function castThrough(fromType: string, toType: string): string {
  const [from, to] = [columnTypeParts(fromType).base, columnTypeParts(toType).base];
  const isDirect =
    TEXT_TYPES.has(from) ||
    TEXT_TYPES.has(to) ||
    (exactNumbersOf(fromType) !== undefined && exactNumbersOf(toType) !== undefined) ||
    DIRECT_CASTS.has(`${from} ${to}`);
  return isDirect ? '' : '::text';
}

/**
 * The statements for one contract; `previous` undefined means new, `next` undefined means no longer
 * served here, for the reason `whyDropped` gives its tables' `-- breaking:` lines.
 */
export function migrationStatements(
  schema: string,
  previous?: Contract,
  next?: Contract,
  whyDropped = `contract '${previous?.name}' removed`,
): string[] {
  if (!previous && next) return [sqlComment(`${next.name} ${next.version} is new`), ...createAll(schema, next)];
  if (previous && !next) {
    return [
      sqlComment(`${previous.name} ${previous.version} is no longer served here`),
      ...tablesOf(schema, previous).flatMap((table) => dropTableStatements(table, whyDropped)),
    ];
  }
  // An unchanged contract is the same object in both designs (edits make new objects).
  if (!previous || !next || previous === next) return [];
  const comparison = compareContracts(previous, next);
  const breaking = comparison.changes.filter((change) => change.isBreaking);
  const noted = new Set<string>();
  /** The `-- breaking:` line of a subject, before the first statement about it. */
  const notesFor = (subject: string) => {
    const messages = breaking.filter((change) => change.subject === subject).map((change) => change.message);
    if (messages.length === 0 || noted.has(subject)) return [];
    noted.add(subject);
    return [sqlComment(`breaking: ${subject}: ${messages.join('; ')}`)];
  };
  // Tables are told apart by their schema objects; a changed physicalName renames the table.
  const previousTables = new Map(tablesOf(schema, previous).map((table) => [table.object.name, table]));
  const nextTables = tablesOf(schema, next);
  const nextObjects = new Set(nextTables.map((table) => table.object.name));
  const goneTables = [...previousTables.values()].filter((table) => !nextObjects.has(table.object.name));
  const { renames } = guessObjectRenames(
    goneTables.map((table) => table.object),
    nextTables.filter((table) => !previousTables.has(table.object.name)).map((table) => table.object),
  );
  const renamedFrom = new Map(
    [...renames].map(([from, rename]) => [rename.to, { table: previousTables.get(from) as PostgresTable, rename }]),
  );
  const statements = [
    ...goneTables
      .filter((table) => !renames.has(table.object.name))
      .flatMap((table) => [...notesFor(table.object.name), ...dropTableStatements(table)]),
    ...nextTables.flatMap((table) => {
      const renamed = renamedFrom.get(table.object.name);
      const old = previousTables.get(table.object.name) ?? renamed?.table;
      if (!old) return createTableStatements(table);
      if (old.name === table.name) return alterTableStatements(old, table, notesFor);
      return [
        ...notesFor(old.object.name),
        ...notesFor(table.object.name),
        ...(renamed ? [assumedRenameComment(old.object.name, renamed.rename)] : []),
        ...renameTableStatements(old, table.name),
        ...alterTableStatements({ ...old, name: table.name }, table, notesFor),
      ];
    }),
  ];
  if (statements.length === 0) return [];
  return [
    sqlComment(`${next.name}: ${previous.version} → ${next.version}${comparison.isBreaking ? ' (breaking)' : ''}`),
    ...(previous.kind === next.kind ? [] : notesFor('contract')),
    ...statements,
  ];
}

/** A rename is a guess (guessed-renames.ts): the statement that moves the rows says on what it rests. */
function assumedRenameComment(subject: string, rename: GuessedRename): string {
  return sqlComment(`assumed rename: ${subject} → ${rename.to} (${rename.evidence})`);
}

function createAll(schema: string, contract: Contract): string[] {
  return tablesOf(schema, contract).flatMap(createTableStatements);
}

function dropTableStatements(table: PostgresTable, reason?: string): string[] {
  return [
    ...(reason ? [sqlComment(`breaking: ${reason}`)] : []),
    ...(table.keepsHistory ? [dropTableOrRefuse(table.schema, historyName(table), table.contract)] : []),
    dropTableOrRefuse(table.schema, table.name, table.contract),
  ];
}

/**
 * The table, its history table, and the constraints, indexes and trigger named after it, renamed:
 * the rows stay, and every name is the one the new table's DDL gives.
 */
function renameTableStatements(table: PostgresTable, newName: string): string[] {
  const renamed = { ...table, name: newName };
  const target = qualified(table.schema, newName);
  const isKeyed = table.primaryKey.length > 0;
  const renameConstraint = (name: (of: string) => string) =>
    `ALTER TABLE ${target} RENAME CONSTRAINT ${ident(name(table.name))} TO ${ident(name(newName))};`;
  return [
    `ALTER TABLE ${qualified(table.schema, table.name)} RENAME TO ${ident(newName)};`,
    ...(isKeyed ? [renameConstraint(primaryKeyName)] : []),
    ...uniqueProperties(table).map((property) => renameConstraint((of) => uniqueName(of, columnNameOf(property)))),
    ...checkedProperties(table).map((property) => renameConstraint((of) => checkName(of, columnNameOf(property)))),
    ...(table.contract.kind === 'event'
      ? [
          `ALTER TRIGGER ${ident(appendOnlyTriggerName(table))} ON ${target} RENAME TO ${ident(appendOnlyTriggerName(renamed))};`,
          // Made again rather than renamed: tables exported before TRUNCATE was refused have none.
          `DROP TRIGGER IF EXISTS ${ident(noTruncateTriggerName(table))} ON ${target};`,
          noTruncateTriggerStatement(renamed),
        ]
      : []),
    ...(table.keepsHistory
      ? [
          `ALTER TABLE ${qualified(table.schema, historyName(table))} RENAME TO ${ident(historyName(renamed))};`,
          ...(isKeyed
            ? [currentIndexName, versionsIndexName].map(
                (index) => `ALTER INDEX ${qualified(table.schema, index(table))} RENAME TO ${ident(index(renamed))};`,
              )
            : []),
        ]
      : []),
  ];
}

/** The history columns renamed where the contract's `historyColumnPrefix` changed: indexes on them follow. */
function historyColumnRenames(history: string, before: Contract, after: Contract): string[] {
  const was = historyColumnNames(historyColumnsOf(before));
  const is = historyColumnNames(historyColumnsOf(after));
  return was.flatMap((from, index) => {
    const to = is[index] as string;
    return from === to ? [] : [`ALTER TABLE ${history} RENAME COLUMN ${ident(from)} TO ${ident(to)};`];
  });
}

function alterTableStatements(
  before: PostgresTable,
  after: PostgresTable,
  notesFor: (subject: string) => string[],
): string[] {
  const target = qualified(after.schema, after.name);
  const history = qualified(after.schema, historyName(after));
  const keepsHistory = before.keepsHistory && after.keepsHistory;
  /** The table, and its history when both versions keep one. */
  const altered = [target, ...(keepsHistory ? [history] : [])];
  const onBoth = (alteration: string) => altered.map((table) => `ALTER TABLE ${table} ${alteration};`);
  const subject = (property: ContractProperty) => `${after.object.name}.${property.name}`;
  // A column of the key waits for values with the key (primary-key-change.ts); any other is refused while rows lack one.
  const isInKey = (column: string) => after.primaryKey.includes(column);
  const holdsEvents = before.contract.kind === 'event' && after.contract.kind === 'event';
  const setNotNull = (table: string, column: string, isAdded: boolean) =>
    isInKey(column)
      ? setNotNullOnceFilled(table, column)
      : setNotNullOrRefuse(table, column, {
          isAdded,
          appendOnlyTrigger: holdsEvents && table === target ? appendOnlyTriggerName(before) : undefined,
        });

  const nextByName = new Map(after.columns.map((property) => [property.name, property]));
  const previousByName = new Map(before.columns.map((property) => [property.name, property]));
  const removed = before.columns.filter((property) => !nextByName.has(property.name));
  const added = after.columns.filter((property) => !previousByName.has(property.name));
  const { renames } = guessRenames(removed, added);
  const renamedTo = new Set([...renames.values()].map((rename) => rename.to));
  const kept = before.columns.flatMap((property) => {
    const counterpart = nextByName.get(property.name);
    return counterpart ? [{ before: property, after: counterpart }] : [];
  });
  /** The columns the table had before, renamed or not. */
  const carriedOver = [
    ...[...renames].map(([from, rename]) => ({
      before: previousByName.get(from) as ContractProperty,
      after: nextByName.get(rename.to) as ContractProperty,
      subject: `${after.object.name}.${from}`,
      rename,
    })),
    ...kept.map((pair) => ({ ...pair, subject: subject(pair.after), rename: undefined })),
  ];
  /** Columns whose name changes: a property renamed, or its physicalName changed. */
  const renamedColumns = carriedOver.filter((pair) => columnNameOf(pair.before) !== columnNameOf(pair.after));
  const newColumnOf = new Map(renamedColumns.map((pair) => [columnNameOf(pair.before), columnNameOf(pair.after)]));
  const previousKey = before.primaryKey.map((column) => newColumnOf.get(column) ?? column);
  const isKeyChanged = JSON.stringify(previousKey) !== JSON.stringify(after.primaryKey);
  const wasNotNull = new Set(
    carriedOver.filter((pair) => isRequiredAsKey(pair.before)).map((pair) => columnNameOf(pair.after)),
  );
  /** Key columns rows may have no value in: added, or optional before. */
  const keyColumnsMaybeEmpty = after.primaryKey.filter((column) => !wasNotNull.has(column));
  /** The CHECK of an added column, which holds no value yet: no row can break it. */
  const newColumnCheck = (property: ContractProperty) => {
    const check = checkConstraintOf(after, property);
    return check ? [`ALTER TABLE ${target} ADD ${checkClause(check)};`] : [];
  };
  /**
   * Columns whose CHECK changes: its condition, its name (a renamed column's), or its column's type,
   * as PostgreSQL keeps a condition parsed for the old type (`(amount)::numeric >= (0)::numeric`).
   * The old one goes first, so that no type change trips on it.
   */
  /** Fields renamed inside a JSON document column: the key moves in the stored documents. */
  const jsonKeyRenames = carriedOver
    .filter(
      (pair) =>
        postgresTypeOf(pair.before, before.typeDialect) === 'jsonb' &&
        postgresTypeOf(pair.after, after.typeDialect) === 'jsonb',
    )
    .flatMap((pair) =>
      nestedFieldRenames(pair.before, pair.after, pair.before.name).map((rename) => ({
        column: columnNameOf(pair.after),
        rename,
        subject: `${before.object.name}.${rename.path}`,
      })),
    );
  /** An event table's append-only trigger refuses the UPDATE: a key renamed, as a column is, changes no stored value. */
  const eventTrigger = holdsEvents && jsonKeyRenames.length > 0 ? ident(appendOnlyTriggerName(before)) : undefined;
  const changedChecks = carriedOver.flatMap((pair) => {
    const [was, is] = [checkConstraintOf(before, pair.before), checkConstraintOf(after, pair.after)];
    const isSame =
      was?.name === is?.name &&
      was?.condition === is?.condition &&
      postgresTypeOf(pair.before, before.typeDialect) === postgresTypeOf(pair.after, after.typeDialect);
    return isSame ? [] : [{ ...pair, was, is }];
  });

  return [
    ...(before.contract.kind === 'event' && after.contract.kind === 'entity'
      ? [
          `DROP TRIGGER ${ident(appendOnlyTriggerName(before))} ON ${target};`,
          `DROP TRIGGER IF EXISTS ${ident(noTruncateTriggerName(before))} ON ${target};`,
        ]
      : []),
    ...(before.keepsHistory && !after.keepsHistory
      ? [
          sqlComment('breaking: history is no longer kept'),
          dropTableOrRefuse(after.schema, historyName(after), before.contract),
        ]
      : []),
    ...(keepsHistory ? historyColumnRenames(history, before.contract, after.contract) : []),
    ...changedChecks.flatMap(({ was, subject: about }) =>
      was ? [...notesFor(about), `ALTER TABLE ${target} DROP CONSTRAINT IF EXISTS ${ident(was.name)};`] : [],
    ),
    ...(isKeyChanged
      ? [
          ...notesFor(after.object.name),
          `ALTER TABLE ${target} DROP CONSTRAINT IF EXISTS ${ident(primaryKeyName(after.name))};`,
          ...(keepsHistory
            ? [currentIndexName(before), versionsIndexName(before)].map(
                (index) => `DROP INDEX IF EXISTS ${qualified(after.schema, index)};`,
              )
            : []),
        ]
      : []),
    ...kept
      .filter(({ before: old, after: now }) => hasUniqueConstraint(before, old) && !hasUniqueConstraint(after, now))
      .flatMap(({ before: old, after: now }) => [
        ...notesFor(subject(now)),
        `ALTER TABLE ${target} DROP CONSTRAINT IF EXISTS ${ident(uniqueName(before.name, columnNameOf(old)))};`,
      ]),
    ...renamedColumns.flatMap(({ before: old, after: now, subject: about, rename }) => {
      const [from, to] = [columnNameOf(old), columnNameOf(now)];
      return [
        ...notesFor(about),
        ...(rename ? [assumedRenameComment(about, rename)] : []),
        ...onBoth(`RENAME COLUMN ${ident(from)} TO ${ident(to)}`),
        ...(hasUniqueConstraint(before, old) && hasUniqueConstraint(after, now)
          ? [
              `ALTER TABLE ${target} RENAME CONSTRAINT ${ident(uniqueName(after.name, from))} TO ${ident(uniqueName(after.name, to))};`,
            ]
          : []),
      ];
    }),
    ...(eventTrigger ? [`ALTER TABLE ${target} DISABLE TRIGGER ${eventTrigger};`] : []),
    ...jsonKeyRenames.flatMap(({ column, rename, subject: about }) => [
      ...notesFor(about),
      assumedRenameComment(about, rename.rename),
      ...altered.map((table) => jsonKeyRenameStatement(table, column, rename)),
    ]),
    ...(eventTrigger ? [`ALTER TABLE ${target} ENABLE TRIGGER ${eventTrigger};`] : []),
    ...removed
      .filter((property) => !renames.has(property.name))
      .flatMap((property) => [
        ...notesFor(subject(property)),
        ...altered.map((table) => dropColumnOrRefuse(table, columnNameOf(property), before.contract)),
      ]),
    ...added
      .filter((property) => !renamedTo.has(property.name))
      .flatMap((property) => [
        ...notesFor(subject(property)),
        ...onBoth(`ADD COLUMN ${nullableColumnDefinition(after, property)}`),
        ...newColumnCommentStatements(target, [property]),
        ...newColumnCheck(property),
        ...(isRequiredAsKey(property)
          ? [
              sqlComment(
                isInKey(columnNameOf(property))
                  ? `${property.name} is required: NOT NULL once every row has a value (a warning says when not)`
                  : `${property.name} is required: NOT NULL, refused while rows have no value`,
              ),
              ...altered.map((table) => setNotNull(table, columnNameOf(property), true)),
            ]
          : []),
      ]),
    ...kept.flatMap(({ before: old, after: now }) => {
      const column = columnNameOf(now);
      const fromType = postgresTypeOf(old, before.typeDialect);
      const toType = postgresTypeOf(now, after.typeDialect);
      const clockTimeZone = clockTimeZoneOfChange(old, now, fromType, toType);
      const newValue = clockTimeZone
        ? valueInClockTimeZone(column, fromType, toType, clockTimeZone)
        : `${ident(column)}${castThrough(fromType, toType)}::${toType}`;
      const nullability = (table: string, wasNotNull: boolean, isNotNull: boolean) => {
        if (wasNotNull === isNotNull) return [];
        return isNotNull
          ? [setNotNull(table, column, false)]
          : [`ALTER TABLE ${table} ALTER COLUMN ${ident(column)} DROP NOT NULL;`];
      };
      const functions = clockTimeZoneFunctions(fromType, toType);
      const alterations = [
        ...(fromType === toType
          ? []
          : [
              ...functions.define,
              ...altered.flatMap((table) => refuseLossyTypeChange(table, column, fromType, toType, clockTimeZone)),
              ...onBoth(`ALTER COLUMN ${ident(column)} TYPE ${toType} USING ${newValue}`),
              ...functions.drop,
            ]),
        ...altered.flatMap((table) => nullability(table, isRequiredAsKey(old), isRequiredAsKey(now))),
      ];
      return alterations.length > 0 ? [...notesFor(subject(now)), ...alterations] : [];
    }),
    ...changedChecks.flatMap(({ is, subject: about }) =>
      is ? [...notesFor(about), ...addCheckOnceKept(target, is)] : [],
    ),
    ...kept
      .filter(({ before: old, after: now }) => !hasUniqueConstraint(before, old) && hasUniqueConstraint(after, now))
      .flatMap(({ after: now }) => [
        ...notesFor(subject(now)),
        `ALTER TABLE ${target} ADD CONSTRAINT ${ident(uniqueName(after.name, columnNameOf(now)))} UNIQUE (${ident(columnNameOf(now))});`,
      ]),
    ...(isKeyChanged && after.primaryKey.length > 0
      ? primaryKeyStatements({ after, previousKey, keyColumnsMaybeEmpty, keepsHistory })
      : []),
    ...carriedOver
      .filter(({ before: old, after: now }) => columnCommentText(old) !== columnCommentText(now))
      .map(({ after: now }) => columnCommentStatement(target, now)),
    ...(before.contract.kind === 'entity' && after.contract.kind === 'event' ? appendOnlyTriggerStatements(after) : []),
    ...(!before.keepsHistory && after.keepsHistory
      ? [...historyTableStatements(after), historySeedStatement(after)]
      : []),
  ];
}
