import { postgresName } from '../../export/sql/postgres-names';
import { type ContractProperty, HISTORY_COLUMN_PREFIX_PATTERN, type SchemaObject } from '../../model/contract';
import { historyColumnNames, historyColumnsOf } from '../history-columns';
import type { ImportedHistory } from './imported-schema';

/*
 * The SQL export writes, beside each table of an entity that keeps history, `<table>_history`:
 * the same columns (NOT NULL where the table's are), then `valid_from timestamptz NOT NULL`,
 * `valid_to timestamptz`, `is_current boolean NOT NULL`, after the contract's
 * historyColumnPrefix. Read back, such tables are the contract's keepHistory, not tables.
 */

const VALIDITY_COLUMNS = [
  { physicalType: 'TIMESTAMPTZ', required: true },
  { physicalType: 'TIMESTAMPTZ', required: false },
  { physicalType: 'BOOLEAN', required: true },
] as const;

/** `history` is the export's history table of `table`. */
export interface HistoryTable {
  table: string;
  history: string;
}

export interface HistoryTablesRead {
  objects: SchemaObject[];
  /** Set where every table has its history table, all under one prefix. */
  history?: ImportedHistory;
  /** The history tables read as keepHistory, each beside its table, whose notes (their indexes) are the export's own. */
  historyTables: HistoryTable[];
  /** Why history tables of the export's shape stayed tables, each at its table. */
  notes: { table: string; message: string }[];
}

/** The tables' history tables read as the contract's keepHistory and historyColumnPrefix, where all of them have one. */
export function readHistoryTables(objects: SchemaObject[]): HistoryTablesRead {
  const pairs = objects.flatMap((object) => {
    const history = objects.find((candidate) => candidate.name === postgresName(`${object.name}_history`));
    const prefix = history && historyColumnPrefixOf(object, history);
    return prefix === undefined || !history ? [] : [{ object, history, prefix }];
  });
  const historyTables = new Set(pairs.map(({ history }) => history.name));
  const tables = objects.filter((object) => !historyTables.has(object.name));
  const withoutHistory = tables.filter((table) => !pairs.some(({ object }) => object === table));
  const prefixes = new Set(pairs.map(({ prefix }) => prefix));
  if (pairs.length === 0) return { objects, historyTables: [], notes: [] };
  if (withoutHistory.length > 0 || prefixes.size > 1) {
    const why =
      withoutHistory.length > 0
        ? `${withoutHistory.map(({ name }) => name).join(', ')} ${withoutHistory.length === 1 ? 'has' : 'have'} none: a contract keeps the history of all its tables or none`
        : 'the other history tables name their validity columns otherwise: a contract names them once';
    const notes = pairs.map(({ object, history }) => ({
      table: history.name,
      message: `${history.name} is the history table of ${object.name} as the SQL export writes it, but ${why}, so it is imported as a table`,
    }));
    return { objects, historyTables: [], notes };
  }
  const [prefix = ''] = prefixes;
  return {
    objects: tables,
    history: prefix === '' ? {} : { columnPrefix: prefix },
    historyTables: pairs.map(({ object, history }) => ({ table: object.name, history: history.name })),
    notes: [],
  };
}

/**
 * The prefix of the validity columns where `history` is `table`'s history table as the export
 * writes it ('' for none); undefined where it is another table.
 */
function historyColumnPrefixOf(table: SchemaObject, history: SchemaObject): string | undefined {
  const own = table.properties;
  const validity = history.properties.slice(own.length);
  const validFrom = validity[0]?.name ?? '';
  const prefix = validFrom.slice(0, -'valid_from'.length);
  const isPrefix = validFrom.endsWith('valid_from') && (prefix === '' || HISTORY_COLUMN_PREFIX_PATTERN.test(prefix));
  if (!isPrefix || validity.length !== VALIDITY_COLUMNS.length) return undefined;
  const validityNames = historyColumnNames(historyColumnsOf({ historyColumnPrefix: prefix }));
  const isSameColumn = (column: ContractProperty | undefined, property: ContractProperty) =>
    column?.name === property.name &&
    column.physicalType === property.physicalType &&
    column.required === (property.required || property.primaryKey);
  const isVersioned =
    own.every((property, index) => isSameColumn(history.properties[index], property)) &&
    validity.every(
      (column, index) =>
        column.name === validityNames[index] &&
        column.physicalType === VALIDITY_COLUMNS[index]?.physicalType &&
        column.required === VALIDITY_COLUMNS[index]?.required,
    ) &&
    !own.some(({ name }) => validityNames.includes(name)) &&
    !history.properties.some((column) => column.primaryKey || column.unique);
  return isVersioned ? prefix : undefined;
}
