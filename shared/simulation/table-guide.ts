import { historyTableName } from './dataset';
import type { PipelinePlan } from './pipeline-plan';
import type { InputPlan, ProductPlan } from './product-plan';
import { QUARANTINE_TABLE } from './product-plan';

/** One table of a node as the SQL console lists it: what it holds and where its name comes from. */
export interface TableGuideEntry {
  table: string;
  holds: string;
  namedAfter: string;
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
    return system.system.database.tables.map((table) => ({
      table: table.name,
      holds: `the service's rows${table.cdc ? ', captured by CDC' : ''}`,
      namedAfter: `table '${table.name}' of the system's database`,
    }));
  }
  const product = plan.products.find((candidate) => candidate.product.id === nodeId);
  return product ? productTables(product) : [];
}

function productTables(product: ProductPlan): TableGuideEntry[] {
  const entries: TableGuideEntry[] = [];
  for (const input of product.inputs) {
    entries.push({
      table: input.rawTable,
      holds: `every record read through input port '${input.port.id}', as it arrived`,
      namedAfter: `'raw_' and the input port's id in snake_case`,
    });
    if (input.dataset) {
      entries.push({
        table: input.dataset.name,
        holds:
          input.dataset.kind === 'entity'
            ? 'the latest state per key (inserts and updates applied, deletes removed)'
            : 'every event once, in arrival order (a redelivered event is not kept twice)',
        namedAfter: inputSourceName(input),
      });
    }
  }
  for (const step of product.transformations) {
    const output = product.outputs.find((candidate) => candidate.dataset.name === step.transformation.name);
    entries.push({
      table: step.transformation.name,
      holds: `the result of the transformation '${step.transformation.name}'`,
      namedAfter: output
        ? `the schema object of contract '${output.governing.contract.id}', which output port '${output.port.id}' publishes`
        : 'the transformation step (no output port publishes it)',
    });
  }
  for (const output of product.outputs) {
    if (!output.dataset.keepsHistory || entries.some((entry) => entry.table === historyTableName(output.dataset)))
      continue;
    entries.push({
      table: historyTableName(output.dataset),
      holds: `every version of '${output.dataset.name}' (valid_from, valid_to, is_current)`,
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

function inputSourceName(input: InputPlan): string {
  const format = input.source.log.format;
  if (format.kind === 'cdc') return `the source table '${format.source.table}' of CDC topic '${input.source.log.name}'`;
  return `the schema object of the contract '${input.source.log.name}' carries (an outbox event without one: its name in snake_case)`;
}
