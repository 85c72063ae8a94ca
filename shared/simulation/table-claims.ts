import { historyColumnsOf } from '../contracts/history-columns';
import type { Transformation } from '../model/data-product';
import type { Port } from '../model/port';
import { type Dataset, historyColumnClashes, historyTableName } from './dataset';
import type { PortContract } from './log-plan';
import { sqlNameKey } from './sql-text';

/** What in a product names one of its tables. */
export type TableNamer =
  | { kind: 'input'; port: Port; path: string }
  | { kind: 'transformation'; transformation: Transformation; path: string }
  | { kind: 'history'; port: Port; path: string }
  | { kind: 'quarantine' };

/** A table the engine leaves out of a product's run, and why. */
export type TableRefusal =
  | {
      kind: 'name-taken';
      table: string;
      /** The holder's spelling of the name: SQLite takes `TITLES` for `titles`. */
      heldAs: string;
      claimant: Exclude<TableNamer, { kind: 'quarantine' }>;
      holder: TableNamer;
    }
  | { kind: 'nothing-produces'; table: string; port: Port; path: string }
  | { kind: 'history-columns'; table: string; columns: string[]; prefix: string | undefined; port: Port; path: string };

export const QUARANTINE_TABLE = 'quarantine';

type NameTaken = Extract<TableRefusal, { kind: 'name-taken' }>;

/** ` (as 'TITLES', …)` where the holder spells the name otherwise, so a message says why the two are one. */
export function otherSpellingText({ table, heldAs }: NameTaken): string {
  return heldAs === table ? '' : ` (as '${heldAs}', one name to SQLite, which ignores the case of letters A to Z)`;
}

/** What a product would build tables for: its fed inputs, its steps, its governed output ports. */
export interface TableSources {
  /** Input ports with a dataset coming in, in port order: `dataset` is the clean table each fills. */
  inputs: { port: Port; path: string; rawTable: string; dataset: Dataset }[];
  transformations: { transformation: Transformation; path: string }[];
  /** Output ports with a log, in port order: `published` is the contract-shaped dataset of their log. */
  outputs: { port: Port; path: string; governing: PortContract; published: Dataset }[];
}

/** The tables a product builds under their names; the datasets are copies of the sources'. */
export interface TableClaims {
  /** Each input's clean table, absent when its name is taken. */
  inputs: { port: Port; dataset?: Dataset }[];
  /** The steps whose name is their own; `dataset` when an output port publishes the step's result. */
  transformations: { transformation: Transformation; path: string; dataset?: Dataset }[];
  /** Per output port that publishes a table, the table; `isEventOfEntity` when an event contract would publish an entity. */
  outputs: { port: Port; path: string; governing: PortContract; dataset: Dataset; isEventOfEntity: boolean }[];
  refusals: TableRefusal[];
}

/**
 * How a product names its tables (see README.md), in the order it claims them: `raw_<port>` and
 * a clean table named after what it carries per input, one table per transformation named after
 * the step, and `<name>_history` beside entities published with history. A name used twice (to
 * SQLite, which ignores the case of ASCII letters), a published table nothing makes and history
 * columns an entity already has are refused.
 */
export function claimTables({ inputs, transformations, outputs }: TableSources): TableClaims {
  const refusals: TableRefusal[] = [];
  // By SQLite's key of each name: it takes `titles` and `TITLES` for one table.
  const claimed = new Map<string, { holder: TableNamer; heldAs: string }>([
    [sqlNameKey(QUARANTINE_TABLE), { holder: { kind: 'quarantine' }, heldAs: QUARANTINE_TABLE }],
  ]);
  const claim = (table: string, claimant: Exclude<TableNamer, { kind: 'quarantine' }>): boolean => {
    const taken = claimed.get(sqlNameKey(table));
    if (taken === undefined) {
      claimed.set(sqlNameKey(table), { holder: claimant, heldAs: table });
      return true;
    }
    refusals.push({ kind: 'name-taken', table, ...taken, claimant });
    return false;
  };

  const claimedInputs = inputs.map(({ port, path, rawTable, dataset }) => {
    const namer = { kind: 'input', port, path } as const;
    claim(rawTable, namer);
    return { port, ...(claim(dataset.name, namer) && { dataset: { ...dataset } }) };
  });

  const published = new Map<string, Dataset>();
  for (const { published: dataset } of outputs) if (!published.has(dataset.name)) published.set(dataset.name, dataset);
  const claimedSteps = transformations.flatMap(({ transformation, path }) => {
    if (!claim(transformation.name, { kind: 'transformation', transformation, path })) return [];
    const dataset = published.get(transformation.name);
    return [{ transformation, path, ...(dataset && { dataset: { ...dataset, keepsHistory: false } }) }];
  });

  const datasets = new Map<string, Dataset>();
  for (const holder of [...claimedInputs, ...claimedSteps]) {
    if (holder.dataset) datasets.set(holder.dataset.name, holder.dataset);
  }
  const claimedOutputs = outputs.flatMap(({ port, path, governing }) => {
    const dataset = datasets.get(governing.schemaObject.name);
    if (!dataset) {
      refusals.push({ kind: 'nothing-produces', table: governing.schemaObject.name, port, path });
      return [];
    }
    const isEventOfEntity = governing.contract.kind === 'event' && dataset.kind === 'entity';
    if (!isEventOfEntity && governing.contract.kind === 'entity' && governing.contract.keepHistory) {
      claimHistory(dataset);
    }
    return [{ port, path, governing, dataset, isEventOfEntity }];

    function claimHistory(entity: Dataset) {
      if (entity.kind !== 'entity') return;
      const historyColumns = historyColumnsOf(governing.contract);
      const clashes = historyColumnClashes(entity, historyColumns);
      if (clashes.length > 0) {
        refusals.push({
          kind: 'history-columns',
          table: entity.name,
          columns: clashes,
          prefix: governing.contract.historyColumnPrefix,
          port,
          path,
        });
      } else if (!entity.keepsHistory && claim(historyTableName(entity), { kind: 'history', port, path })) {
        entity.keepsHistory = true;
        entity.historyColumns = historyColumns;
      }
    }
  });

  return { inputs: claimedInputs, transformations: claimedSteps, outputs: claimedOutputs, refusals };
}
