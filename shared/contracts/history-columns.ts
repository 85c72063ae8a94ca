import type { ContractModel, SchemaObject } from '../model/contract';
import { columnNameOf, tableNameOf } from './physical-names';

/** The columns a history table adds to each version of an entity. */
export interface HistoryColumns {
  validFrom: string;
  validTo: string;
  isCurrent: string;
}

/**
 * The history columns of a contract that keeps history: `valid_from`, `valid_to`, `is_current`,
 * after its `historyColumnPrefix` when it gives one (`dbt_valid_from`…, as dbt snapshots name
 * them), so an entity with validity columns of its own can keep history too.
 */
export function historyColumnsOf(contract: Pick<ContractModel, 'historyColumnPrefix'>): HistoryColumns {
  const prefix = contract.historyColumnPrefix ?? '';
  return { validFrom: `${prefix}valid_from`, validTo: `${prefix}valid_to`, isCurrent: `${prefix}is_current` };
}

/** The history columns in the order a history table has them. */
export function historyColumnNames(columns: HistoryColumns): string[] {
  return [columns.validFrom, columns.validTo, columns.isCurrent];
}

/** The history columns a contract gets without a prefix. */
export const DEFAULT_HISTORY_COLUMNS: HistoryColumns = historyColumnsOf({});

/** What to do about an entity whose own columns are named like its history columns. */
export const HISTORY_COLUMNS_REMEDY =
  "rename them, or give the history columns a prefix with the contract's custom property historyColumnPrefix (e.g. dbt_)";

/**
 * The properties of a schema object named like the history columns its table gets (a clash a
 * history table cannot hold), each at its index, with the message the contract checks and the
 * SQL export both give; none when the contract keeps no history.
 */
export function historyColumnClashes(
  contract: Pick<ContractModel, 'kind' | 'keepHistory' | 'historyColumnPrefix'>,
  object: SchemaObject,
): { index: number; message: string }[] {
  if (contract.kind !== 'entity' || !contract.keepHistory) return [];
  const historyColumns = historyColumnNames(historyColumnsOf(contract));
  return object.properties.flatMap((property, index) => {
    const column = columnNameOf(property);
    if (!historyColumns.includes(column)) return [];
    const message = `property '${property.name}' of '${tableNameOf(object)}' clashes with the history column '${column}'`;
    return [{ index, message }];
  });
}
