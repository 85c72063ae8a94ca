import type { ContractModel, SchemaObject } from '../model/contract';
import { quoted } from '../model/isolated-names';
import { inNumber, joinedWith } from '../model/word-list';
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

/**
 * How an entity's own `columns` clash with its history columns: named as they are, or, where the
 * contract gives a `prefix`, still named as they are after it.
 */
export function historyColumnsClashText(columns: readonly string[], prefix: string | undefined): string {
  const named = `${inNumber(columns.length, 'column', 'columns')} ${joinedWith(columns.map(quoted), 'and')}`;
  return prefix === undefined
    ? `its ${named} ${inNumber(columns.length, 'has the name', 'have the names')} each history version needs`
    : `the history columns' prefix ${quoted(prefix)} still clashes with its ${named}`;
}

/** What to do about an entity whose own `columns` are named like its history columns, after the contract's `prefix` if any. */
export function historyColumnsRemedy(columns: readonly string[], prefix: string | undefined): string {
  const them = inNumber(columns.length, 'it', 'them');
  const rename = `rename ${them} where the table gets ${them}`;
  return prefix === undefined
    ? `${rename}, or give the history columns a prefix with the contract's custom property historyColumnPrefix (e.g. dbt_)`
    : `give the history columns another prefix in the contract's custom property historyColumnPrefix, or ${rename}`;
}
