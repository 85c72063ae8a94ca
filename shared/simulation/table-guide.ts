import { historyColumnNames } from '../contracts/history-columns';
import { distinctPortName } from '../model/endpoints';
import { type Dataset, datasetHistoryColumns, historyTableName } from './dataset';
import { numberEncodedColumns } from './debezium-temporal-values';
import { logTableColumnNames } from './log-format';
import type { PipelinePlan } from './pipeline-plan';
import type { InputPlan, ProductPlan } from './product-plan';
import { QUARANTINE_TABLE } from './table-claims';

/** One table of a node as the SQL console lists it: what it holds and where its name comes from. */
export interface TableGuideEntry {
  table: string;
  holds: string;
  namedAfter: string;
  /** A raw zone's columns in table order (its record's and the engine's `_…`), known before any run. */
  rawZoneColumns?: string[];
}

/** Tables whose names start with `_` are the engine's own; none is listed. */
export const ENGINE_TABLE_PREFIX = '_';

/**
 * The tables a user can query on a system or product, in the order the engine creates them, with
 * the naming rules that gave them their names (see docs/simulation.md).
 */
export function tableGuide(plan: PipelinePlan, nodeId: string): TableGuideEntry[] {
  const system = plan.systems.find((candidate) => candidate.system.id === nodeId);
  if (system) {
    return system.tables.map((table) => ({
      table: table.name,
      holds: `the service's rows${table.cdc ? ', captured by CDC' : ''}`,
      namedAfter: `table '${table.name}' of the system's database`,
    }));
  }
  const product = plan.products.find((candidate) => candidate.product.id === nodeId);
  return product ? productTables(plan, product) : [];
}

function productTables(plan: PipelinePlan, product: ProductPlan): TableGuideEntry[] {
  const entries: TableGuideEntry[] = [];
  for (const input of product.inputs) {
    const encoded = numberEncodedColumns(input.source.log.format);
    entries.push({
      table: input.rawTable,
      holds: `every record read through input port '${distinctPortName(product.product, input.port)}', as it arrived${encoded.length > 0 ? `; ${encoded.join(', ')} as ISO text, where the record's JSON carries the number its connector wrote` : ''}`,
      namedAfter: `'raw_' and the input port's id in snake_case`,
      rawZoneColumns: logTableColumnNames(input.source.log.format),
    });
    if (input.dataset) {
      entries.push({
        table: input.dataset.name,
        holds: inputTableHolds(input.dataset),
        namedAfter: inputSourceName(plan, input),
      });
    }
  }
  for (const step of product.transformations) {
    const output = product.outputs.find((candidate) => candidate.dataset.name === step.transformation.name);
    entries.push({
      table: step.transformation.name,
      holds: `the result of the transformation '${step.transformation.name}'`,
      namedAfter: output
        ? `the schema object of contract '${output.governing.contract.id}', which output port '${distinctPortName(product.product, output.port)}' publishes`
        : 'the transformation step (no output port publishes it)',
    });
  }
  for (const output of product.outputs) {
    if (!output.dataset.keepsHistory || entries.some((entry) => entry.table === historyTableName(output.dataset)))
      continue;
    entries.push({
      table: historyTableName(output.dataset),
      holds: `every version of '${output.dataset.name}' (${historyColumnNames(datasetHistoryColumns(output.dataset)).join(', ')})`,
      namedAfter: `'${output.dataset.name}' and '_history': contract '${output.governing.contract.id}' keeps history`,
    });
  }
  entries.push({
    table: QUARANTINE_TABLE,
    holds: 'records that broke their contract: tick, port, rule, property, message, record',
    namedAfter: 'the engine',
  });
  return entries;
}

/** Where an input's clean table gets its name: the producer's source table, or its contract's schema object. */
function inputSourceName(plan: PipelinePlan, input: InputPlan): string {
  const { log } = input.source;
  if (log.format.kind === 'cdc') return `the source table '${log.format.source.table}' of CDC topic '${log.name}'`;
  const producer = plan.products.find((product) =>
    product.outputs.some((candidate) => candidate.log.log.table === log.table),
  );
  const output = producer?.outputs.find((candidate) => candidate.log.log.table === log.table);
  if (producer && output) {
    const { contract, schemaObject } = output.governing;
    const port = `${producer.product.name} · ${distinctPortName(producer.product, output.port)}`;
    return `the schema object '${schemaObject.name}' of the producer's contract '${contract.id}' (port '${port}')`;
  }
  const event = plan.systems
    .flatMap((system) => system.outboxTopics)
    .find((topic) => topic.log.table === log.table)?.event;
  return event?.contractId
    ? `the schema object of contract '${event.contractId}', which event '${event.name}' on '${log.name}' follows`
    : `the event '${event?.name}' on '${log.name}' in snake_case (it has no contract)`;
}

function inputTableHolds(dataset: Dataset): string {
  if (dataset.kind === 'event') return 'every event once, in arrival order (a redelivered event is not kept twice)';
  if (dataset.keepsCopies)
    return 'every row as often as its source table holds it, which has no primary key (an insert adds a copy, a delete removes one)';
  return 'the latest state per key (inserts and updates applied, deletes removed)';
}
