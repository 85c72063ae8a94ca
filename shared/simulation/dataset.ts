import { DEFAULT_HISTORY_COLUMNS, type HistoryColumns, historyColumnNames } from '../contracts/history-columns';
import { type LinkDataset, publishedSchemaObject } from '../contracts/link-dataset';
import { isMeasure } from '../contracts/measures';
import { keyPropertiesInOrder } from '../contracts/primary-key';
import type { ContractProperty, DatasetKind } from '../model/contract';
import { inNumber, joinedWith } from '../model/word-list';
import type { TableColumn } from './broker-log';
import { HEADERS_COLUMN, LOG_COLUMNS, WRITE_COLUMN } from './log-format';
import { propertySqlType } from './sql-types';

/**
 * A table a data product keeps: an entity (latest state per key, maybe with history) or an
 * event table (append-only, deduplicated by its key). An event's key is its identity and may
 * be empty; an entity without a declared key is keyed by all its columns, and may keep copies.
 */
export interface Dataset {
  name: string;
  kind: DatasetKind;
  columns: TableColumn[];
  key: string[];
  /** Entities only: whether `<name>_history` keeps every version (valid_from, valid_to, is_current). */
  keepsHistory: boolean;
  /** Where history is kept: its columns' names, as the contract gives them (see `historyColumnsOf`). */
  historyColumns?: HistoryColumns;
  /**
   * Entities fed by a CDC topic: each change carries its source position (`source.sequence`), and
   * one that is not newer than the last applied to its key (a redelivery, an older record) is skipped.
   */
  tracksSourcePositions?: boolean;
  /**
   * Entities of a CDC topic whose table has no primary key: nothing tells two equal rows apart, so
   * each is kept as often as the source holds it, and a delete removes one copy.
   */
  keepsCopies?: boolean;
}

/** The table a consumer keeps what a link carries in (see `linkDataset`): named, typed and keyed as its schema says. */
export function carriedDataset({ schema, kind }: Pick<LinkDataset, 'schema' | 'kind'>): Dataset {
  return {
    name: schema.name,
    kind,
    columns: contractColumns(schema.properties),
    key: contractKey(kind, schema.properties),
    keepsHistory: false,
  };
}

export function contractColumns(properties: readonly ContractProperty[]): TableColumn[] {
  return properties.map((property) => ({
    name: property.name,
    type: propertySqlType(property),
    ...(property.logicalType === 'boolean' && { isBoolean: true }),
    ...(isJsonType(property.logicalType) && { holdsJson: true }),
    ...((property.logicalType === 'date' || property.logicalType === 'timestamp') && {
      temporal: property.logicalType,
    }),
  }));
}

/** A 3.2 map is a JSON object, as an object property is. */
function isJsonType(type: ContractProperty['logicalType']): boolean {
  return type === 'object' || type === 'array' || type === 'map';
}

/**
 * Primary-key properties in key order. Without one, an event is identified by its unique
 * properties and an entity by all its properties.
 */
export function contractKey(kind: DatasetKind, properties: readonly ContractProperty[]): string[] {
  const primary = keyPropertiesInOrder(properties).map((property) => property.name);
  if (primary.length > 0) return primary;
  if (kind === 'event') return properties.filter((property) => property.unique).map((property) => property.name);
  return properties.map((property) => property.name);
}

/** Columns the engine keeps beside a record's own: in logs and raw zones, and in its apply and pending tables. */
const ENGINE_COLUMNS = new Set([
  ...LOG_COLUMNS,
  WRITE_COLUMN.name,
  HEADERS_COLUMN.name,
  '_seq',
  '_source_position',
  '_prior',
]);

/** A column of one of these names hides the row id the engine samples, trims and pages by. */
const ROW_ID_NAMES = new Set(['rowid', 'oid', '_rowid_']);

/**
 * Why the properties a link carries cannot make a table (see `columnsProblem`); a contract whose
 * published object holds only measures says so, as they were left out of what it carries.
 */
export function carriedColumnsProblem(carried: LinkDataset): string | undefined {
  const written = carried.contract && publishedSchemaObject(carried.contract)?.properties;
  if (carried.schema.properties.length === 0 && written?.some(isMeasure))
    return 'has only measures, computed when queried, not stored as columns';
  return columnsProblem(
    carried.schema.properties.map((property) => property.name),
    carried.contract ? 'properties' : 'columns',
  );
}

/**
 * Why columns (or a contract's properties, the `noun`) cannot make a table, after the name of what
 * holds them: none yet, or every clash at once: names SQL takes for one (it ignores case), names
 * the engine keeps beside every record, and SQLite's names for the row id. Undefined when they can.
 */
export function columnsProblem(names: readonly string[], noun: 'columns' | 'properties'): string | undefined {
  if (names.length === 0) return `has no ${noun} yet`;
  const namesByFolded = new Map<string, string[]>();
  const engineNames: string[] = [];
  const rowIdNames: string[] = [];
  for (const name of names) {
    const folded = name.toLowerCase();
    if (ENGINE_COLUMNS.has(folded)) engineNames.push(name);
    else if (ROW_ID_NAMES.has(folded)) rowIdNames.push(name);
    else namesByFolded.set(folded, [...(namesByFolded.get(folded) ?? []), name]);
  }
  const clashes = [
    ...[...namesByFolded.values()]
      .filter((sameToSql) => sameToSql.length > 1)
      .map((sameToSql) => [sameToSql, 'one column to SQL, which ignores case'] as const),
    [
      engineNames,
      `${inNumber(engineNames.length, 'a column', 'columns')} the engine keeps beside every record`,
    ] as const,
    [
      rowIdNames,
      `SQLite's own ${inNumber(rowIdNames.length, 'name', 'names')} for a row's id, which the engine reads`,
    ] as const,
  ]
    .filter(([clashing]) => clashing.length > 0)
    .map(
      ([clashing, why]) =>
        `names ${joinedWith(
          clashing.map((name) => `'${name}'`),
          'and',
        )}, ${why}`,
    );
  return clashes.length === 0 ? undefined : clashes.join('; ');
}

/** Why a table cannot be named so: SQLite keeps names starting with `sqlite_` for itself. */
export function tableNameProblem(name: string): string | undefined {
  return name.toLowerCase().startsWith('sqlite_')
    ? 'starts with sqlite_, which SQLite keeps for its own tables'
    : undefined;
}

export function historyTableName(dataset: Pick<Dataset, 'name'>): string {
  return `${dataset.name}_history`;
}

/** The columns the entity's history table adds to each version. */
export function datasetHistoryColumns(dataset: Pick<Dataset, 'historyColumns'>): HistoryColumns {
  return dataset.historyColumns ?? DEFAULT_HISTORY_COLUMNS;
}

/** The entity's own columns named like one of `history` (SQLite compares names ignoring case). */
export function historyColumnClashes(dataset: Pick<Dataset, 'columns'>, history: HistoryColumns): string[] {
  const reserved = new Set(historyColumnNames(history).map((name) => name.toLowerCase()));
  return dataset.columns.map((column) => column.name).filter((name) => reserved.has(name.toLowerCase()));
}
