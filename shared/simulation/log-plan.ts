import type { Contract, SchemaObject } from '../model/contract';
import type { Mesh } from '../model/mesh';
import type { OperationalSystem, PublishedEvent, SystemTable, Topic } from '../model/operational-system';
import type { Problem } from '../model/problem';
import type { BrokerLog, TableColumn } from './broker-log';
import { columnsProblem, contractColumns, contractKey, type Dataset, tableNameProblem } from './dataset';
import { snakeCase } from './sql-text';
import { columnSqlType } from './sql-types';

/** A log of the mesh, with the table a consumer of it keeps. */
export interface PlannedLog {
  log: BrokerLog;
  dataset: Dataset;
  /** Classified properties of the producer's contract, by name: what consumers must keep tagged. */
  classifications: ReadonlyMap<string, string>;
}

/** Where a field of an outbox event comes from: the changed row, or the outbox relay itself. */
export type OutboxFieldSource = 'row' | 'event-id' | 'occurred-at' | 'none';

export interface OutboxField {
  column: TableColumn;
  source: OutboxFieldSource;
}

export interface CdcTopicPlan {
  topic: Topic;
  path: string;
  table: SystemTable;
  log: BrokerLog;
}

export interface OutboxTopicPlan {
  topic: Topic;
  path: string;
  event: PublishedEvent;
  table: SystemTable;
  fields: OutboxField[];
  log: BrokerLog;
}

export interface SystemPlan {
  system: OperationalSystem;
  path: string;
  /** The tables SQL can hold: those with columns, named apart (see `columnsProblem`). */
  tables: SystemTable[];
  cdcTopics: CdcTopicPlan[];
  outboxTopics: OutboxTopicPlan[];
}

/** A product's output port with the contract that governs it. */
export interface PortContract {
  contract: Contract;
  schemaObject: SchemaObject;
}

export interface LogPlan {
  systems: SystemPlan[];
  /** By endpoint: `<systemId>/<topicId>` or `<productId>/<portId>`. */
  logs: Map<string, PlannedLog>;
  portContracts: Map<string, PortContract>;
  problems: Problem[];
}

export function endpointKey(nodeId: string, portId: string): string {
  return `${nodeId}/${portId}`;
}

/** Every log of the mesh: one per system topic and one per output port governed by a contract. */
export function planLogs(mesh: Mesh): LogPlan {
  const plan: LogPlan = { systems: [], logs: new Map(), portContracts: new Map(), problems: [] };
  mesh.systems.forEach((system, index) => {
    plan.systems.push(planSystem(mesh, system, `systems[${index}]`, plan));
  });
  mesh.products.forEach((product, productIndex) => {
    product.outputPorts.forEach((port, portIndex) => {
      const path = `products[${productIndex}].outputPorts[${portIndex}]`;
      if (!port.contractId) {
        plan.problems.push({ path: `${path}.contractId`, message: 'no contract, so the port publishes nothing' });
        return;
      }
      const governing = portContract(mesh, port.contractId, path, plan.problems);
      if (!governing) return;
      const problem = columnsProblem(
        governing.schemaObject.properties.map((property) => property.name),
        'properties',
      );
      if (problem) {
        plan.problems.push({
          path: `${path}.contractId`,
          message: `contract '${governing.contract.id}' ${problem}, so the port publishes nothing`,
        });
        return;
      }
      const key = endpointKey(product.id, port.id);
      plan.portContracts.set(key, governing);
      const { contract, schemaObject } = governing;
      const dataset: Dataset = {
        name: schemaObject.name,
        kind: contract.kind,
        columns: contractColumns(schemaObject.properties),
        key: contractKey(contract.kind, schemaObject.properties),
        keepsHistory: false,
      };
      const classifications = new Map(
        schemaObject.properties.flatMap((property) =>
          property.classification ? [[property.name, property.classification] as const] : [],
        ),
      );
      const log: BrokerLog = {
        table: key,
        name: key,
        partitions: 1,
        format: { kind: 'records', columns: dataset.columns, key: dataset.key },
      };
      plan.logs.set(key, { log, dataset, classifications });
    });
  });
  return plan;
}

function planSystem(mesh: Mesh, system: OperationalSystem, path: string, plan: LogPlan): SystemPlan {
  const tables = system.database.tables.filter((table, tableIndex) => {
    const problem =
      tableNameProblem(table.name) ??
      columnsProblem(
        table.columns.map((column) => column.name),
        'columns',
      );
    if (problem) {
      plan.problems.push({
        path: `${path}.database.tables[${tableIndex}]`,
        message: `table '${table.name}' ${problem}, so it is left out`,
      });
    }
    return !problem;
  });
  const systemPlan: SystemPlan = { system, path, tables, cdcTopics: [], outboxTopics: [] };
  system.messaging.topics.forEach((topic, topicIndex) => {
    const topicPath = `${path}.messaging.topics[${topicIndex}]`;
    const key = endpointKey(system.id, topic.id);
    if (topic.source.kind === 'cdc') {
      const tableName = topic.source.table;
      const table = tables.find((candidate) => candidate.name === tableName);
      if (!table) return;
      const columns = tableColumns(table);
      const primaryKey = table.primaryKey.length > 0 ? table.primaryKey : columns.map((column) => column.name);
      const log: BrokerLog = {
        table: key,
        name: topic.name,
        partitions: topic.partitions,
        format: {
          kind: 'cdc',
          columns,
          key: table.primaryKey,
          tombstones: topic.tombstones,
          source: { name: connectorName(system), db: system.database.name, table: table.name },
        },
      };
      const dataset: Dataset = { name: table.name, kind: 'entity', columns, key: primaryKey, keepsHistory: false };
      systemPlan.cdcTopics.push({ topic, path: topicPath, table, log });
      plan.logs.set(key, { log, dataset, classifications: new Map() });
      return;
    }
    const eventName = topic.source.event;
    const event = system.publishes.find((candidate) => candidate.name === eventName);
    const table = event && system.database.tables.find((candidate) => candidate.name === event.table);
    if (!event || !table) {
      plan.problems.push({ path: `${topicPath}.source.event`, message: `no published event '${eventName}'` });
      return;
    }
    // A table left out has said why.
    if (!tables.includes(table)) return;
    const governing = event.contractId ? portContract(mesh, event.contractId, topicPath, plan.problems) : undefined;
    const fields = outboxFields(table, governing?.schemaObject);
    const columns = fields.map((field) => field.column);
    const problem = columnsProblem(
      columns.map((column) => column.name),
      governing ? 'properties' : 'columns',
    );
    if (problem) {
      plan.problems.push({
        path: `${topicPath}.source.event`,
        message: `event '${event.name}' ${problem}, so its topic carries nothing`,
      });
      return;
    }
    const log: BrokerLog = {
      table: key,
      name: topic.name,
      partitions: topic.partitions,
      format: { kind: 'records', columns, key: table.primaryKey },
    };
    const dataset: Dataset = {
      name: governing?.schemaObject.name ?? snakeCase(event.name),
      kind: 'event',
      columns,
      key: governing ? contractKey('event', governing.schemaObject.properties) : ['event_id'],
      keepsHistory: false,
    };
    systemPlan.outboxTopics.push({ topic, path: topicPath, event, table, fields, log });
    plan.logs.set(key, { log, dataset, classifications: new Map() });
  });
  return systemPlan;
}

/**
 * The connector's logical name, which Debezium uses as its topic prefix: `orders` for topics named
 * `orders.public.orders`. Taken from the first CDC topic named `<prefix>[.<schema>].<table>`;
 * the system id when none is.
 */
function connectorName(system: OperationalSystem): string {
  for (const topic of system.messaging.topics) {
    if (topic.source.kind !== 'cdc' || !topic.name.endsWith(`.${topic.source.table}`)) continue;
    const segments = topic.name.slice(0, -topic.source.table.length - 1).split('.');
    const prefix = segments.length > 1 ? segments.slice(0, -1) : segments;
    if (prefix.every((segment) => segment.length > 0)) return prefix.join('.');
  }
  return system.id;
}

function tableColumns(table: SystemTable): TableColumn[] {
  return table.columns.map((column) => ({
    name: column.name,
    type: columnSqlType(column.type),
    ...(column.type === 'boolean' && { isBoolean: true }),
  }));
}

/**
 * An outbox event carries its contract's properties: a property named like a column of the
 * changed row takes its value, `event_id` and `occurred_at` are set by the outbox relay.
 * Without a contract the event is the whole row plus those two.
 */
function outboxFields(table: SystemTable, schemaObject: SchemaObject | undefined): OutboxField[] {
  const rowColumns = new Map(tableColumns(table).map((column) => [column.name, column]));
  const relayField = (name: string): OutboxFieldSource =>
    name === 'event_id' ? 'event-id' : name === 'occurred_at' ? 'occurred-at' : 'none';
  if (!schemaObject) {
    return [
      { column: { name: 'event_id', type: 'TEXT' }, source: 'event-id' },
      { column: { name: 'occurred_at', type: 'TEXT' }, source: 'occurred-at' },
      ...[...rowColumns.values()].map((column) => ({ column, source: 'row' as const })),
    ];
  }
  return contractColumns(schemaObject.properties).map((column) => ({
    column,
    source: rowColumns.has(column.name) ? 'row' : relayField(column.name),
  }));
}

function portContract(
  mesh: Mesh,
  contractId: string | undefined,
  path: string,
  problems: Problem[],
): PortContract | undefined {
  if (!contractId) return undefined;
  const contract = mesh.contracts.find((candidate) => candidate.id === contractId);
  const schemaObject = contract?.schema[0];
  if (!contract || !schemaObject) {
    problems.push({
      path: `${path}.contractId`,
      message: contract ? `contract '${contractId}' has no schema object` : `no contract '${contractId}'`,
    });
    return undefined;
  }
  return { contract, schemaObject };
}
