import { linkDataset } from '../contracts/link-dataset';
import { writesTombstones } from '../model/connector-tombstones';
import {
  capturedTableName,
  connectorEngine,
  connectorTopicPrefixes,
  OUTBOX_TABLE,
  transactionTopicName,
} from '../model/connector-topics';
import type { Contract, SchemaObject } from '../model/contract';
import type { DataProduct } from '../model/data-product';
import type { Mesh } from '../model/mesh';
import type { OperationalSystem, PublishedEvent, SystemTable, Topic } from '../model/operational-system';
import { outputPortPartitions, type Port } from '../model/port';
import type { Problem } from '../model/problem';
import { beforeImageOf } from '../model/replica-identity';
import type { ConnectorSettings } from '../model/scenario';
import { isCompactedCdcTopic, isCompactedPortTopic } from '../model/topic-cleanup-policy';
import type { BrokerLog, TableColumn } from './broker-log';
import { carriedColumnsProblem, carriedDataset, columnsProblem, type Dataset, tableNameProblem } from './dataset';
import type { CdcFormat, CdcSource } from './log-format';
import { type EventIdForm, eventIdForm } from './outbox-event-id';
import { DOCUMENT_ID, idColumnProblem, keepsDocuments, recordShape } from './record-shape';

/** A log of the mesh, with the table a consumer of it keeps (see `linkDataset`). */
export interface PlannedLog {
  log: BrokerLog;
  dataset: Dataset;
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
  log: BrokerLog & { format: CdcFormat };
}

export interface OutboxTopicPlan {
  topic: Topic;
  path: string;
  event: PublishedEvent;
  table: SystemTable;
  fields: OutboxField[];
  /** How the relay writes each event's id: as the event's contract types `event_id`. */
  eventId: EventIdForm;
  log: BrokerLog;
}

export interface SystemPlan {
  system: OperationalSystem;
  path: string;
  /** The tables SQL can hold: those with columns, named apart (see `columnsProblem`). */
  tables: SystemTable[];
  cdcTopics: CdcTopicPlan[];
  outboxTopics: OutboxTopicPlan[];
  /** The outbox table as the connector captures it: Debezium counts its rows in transaction events before routing them. */
  outboxTable: CdcSource;
  /** With transaction metadata on, the connector's `<prefix>.transaction` topic of BEGIN and END events. */
  transactionLog?: BrokerLog;
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

/**
 * Every log of the mesh: one per system topic and one per output port governed by a contract;
 * with transaction metadata on, each capturing system's transaction topic too (not linkable, so
 * not in `logs`).
 */
export function planLogs(mesh: Mesh, connector: ConnectorSettings = {}): LogPlan {
  const plan: LogPlan = { systems: [], logs: new Map(), portContracts: new Map(), problems: [] };
  const contractById = (id: string) => mesh.contracts.find((contract) => contract.id === id);
  const topicPrefixes = connectorTopicPrefixes(mesh.systems);
  mesh.systems.forEach((system, index) => {
    // A system without a connector (no table flagged for CDC, no outbox) has no prefix; its CDC topics carry nothing.
    const topicPrefix = topicPrefixes.get(system.id) ?? system.id;
    const systemPlan = planSystem(mesh, system, `systems[${index}]`, plan, contractById, topicPrefix);
    if (writesTransactionMetadata(system, connector)) planTransactionLog(systemPlan, plan, topicPrefix);
    plan.systems.push(systemPlan);
  });
  mesh.products.forEach((product, productIndex) => {
    product.outputPorts.forEach((port, portIndex) => {
      const path = `products[${productIndex}].outputPorts[${portIndex}]`;
      const planned = planPortLog(mesh, product, port, path, contractById);
      if ('problem' in planned) {
        plan.problems.push(planned.problem);
        return;
      }
      const key = endpointKey(product.id, port.id);
      plan.portContracts.set(key, planned.governing);
      plan.logs.set(key, planned.log);
    });
  });
  return plan;
}

/** The logs a system's topics carry, by endpoint: what its consumers' input tables are read from. */
export function planSystemLogs(
  mesh: Mesh,
  system: OperationalSystem,
  contractById: (id: string) => Contract | undefined,
): Map<string, PlannedLog> {
  const plan: LogPlan = { systems: [], logs: new Map(), portContracts: new Map(), problems: [] };
  // The topic prefix and paths shape only the logs' records and problems, not which logs there are.
  planSystem(mesh, system, '', plan, contractById, system.id);
  return plan.logs;
}

/** The log an output port publishes and the contract governing it, or why it publishes nothing. */
export function planPortLog(
  mesh: Mesh,
  product: DataProduct,
  port: Port,
  path: string,
  contractById: (id: string) => Contract | undefined,
): { governing: PortContract; log: PlannedLog } | { problem: Problem } {
  if (!port.contractId)
    return { problem: { path: `${path}.contractId`, message: 'no contract, so the port publishes nothing' } };
  const carried = linkDataset({ kind: 'port', product, port }, contractById);
  if (!carried?.contract) return { problem: ungovernedProblem(mesh, port.contractId, path) };
  const { contract, schema } = carried;
  const problem = carriedColumnsProblem(carried);
  if (problem) {
    return {
      problem: {
        path: `${path}.contractId`,
        message: `contract '${contract.id}' ${problem}, so the port publishes nothing`,
      },
    };
  }
  const key = endpointKey(product.id, port.id);
  const dataset = carriedDataset(carried);
  const log: BrokerLog = {
    table: key,
    name: key,
    partitions: outputPortPartitions(port),
    isCompacted: isCompactedPortTopic(port, contract),
    format: { kind: 'records', columns: dataset.columns, key: dataset.key },
  };
  return { governing: { contract, schemaObject: schema }, log: { log, dataset } };
}

/** Why the simulation leaves a system's table out: a name SQLite keeps, or columns SQL cannot hold beside the engine's. */
export function leftOutTableProblem(table: SystemTable): string | undefined {
  const problem =
    tableNameProblem(table.name) ??
    columnsProblem(
      table.columns.map((column) => column.name),
      'columns',
    );
  return problem && `table '${table.name}' ${problem}, so it is left out`;
}

function planSystem(
  mesh: Mesh,
  system: OperationalSystem,
  path: string,
  plan: LogPlan,
  contractById: (id: string) => Contract | undefined,
  topicPrefix: string,
): SystemPlan {
  const tables = system.database.tables.filter((table, tableIndex) => {
    const problem = leftOutTableProblem(table);
    if (problem) plan.problems.push({ path: `${path}.database.tables[${tableIndex}]`, message: problem });
    return !problem;
  });
  const systemPlan: SystemPlan = {
    system,
    path,
    tables,
    cdcTopics: [],
    outboxTopics: [],
    outboxTable: cdcSource(system, topicPrefix, OUTBOX_TABLE),
  };
  system.messaging.topics.forEach((topic, topicIndex) => {
    const topicPath = `${path}.messaging.topics[${topicIndex}]`;
    const key = endpointKey(system.id, topic.id);
    const carried = linkDataset({ kind: 'topic', system, topic }, contractById);
    if (topic.source.kind === 'cdc') {
      const tableName = topic.source.table;
      const table = tables.find((candidate) => candidate.name === tableName);
      if (!table || !carried) return;
      const dataset = carriedDataset(carried);
      const source = cdcSource(system, topicPrefix, table.name);
      if (recordShape(source.connector) === 'document') reportIdColumn(systemPlan, plan, table);
      const log: CdcTopicPlan['log'] = {
        table: key,
        name: topic.name,
        partitions: topic.partitions,
        isCompacted: isCompactedCdcTopic(system, topic),
        format: {
          kind: 'cdc',
          columns: capturedColumns(dataset.columns, source),
          key: table.primaryKey,
          // One setting per connector (tombstones.on.delete): as the exported connector writes them.
          tombstones: writesTombstones(system),
          beforeImage: beforeImageOf(system, table),
          source,
        },
      };
      systemPlan.cdcTopics.push({ topic, path: topicPath, table, log });
      // Rows of a table without a primary key may repeat, and nothing in their records tells the copies apart.
      plan.logs.set(key, { log, dataset: { ...dataset, ...(table.primaryKey.length === 0 && { keepsCopies: true }) } });
      return;
    }
    const eventName = topic.source.event;
    const event = system.publishes.find((candidate) => candidate.name === eventName);
    const table = event && system.database.tables.find((candidate) => candidate.name === event.table);
    if (!event || !table || !carried) {
      plan.problems.push({ path: `${topicPath}.source.event`, message: `no published event '${eventName}'` });
      return;
    }
    // A table left out has said why.
    if (!tables.includes(table)) return;
    if (event.contractId && !carried.contract) plan.problems.push(ungovernedProblem(mesh, event.contractId, topicPath));
    const dataset = carriedDataset(carried);
    const fields = outboxFields(table, dataset.columns);
    const problem = carriedColumnsProblem(carried);
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
      isCompacted: false,
      format: { kind: 'records', columns: dataset.columns, key: table.primaryKey, keepsWrite: true },
    };
    const eventId = eventIdForm(carried.schema.properties.find((property) => property.name === 'event_id'));
    systemPlan.outboxTopics.push({ topic, path: topicPath, event, table, fields, eventId, log });
    plan.logs.set(key, { log, dataset });
  });
  return systemPlan;
}

/**
 * Whether a system's connector writes transaction metadata, when the scenario turns it on: not
 * MongoDB's, whose changes are single-document writes here, outside any multi-document
 * transaction, and Debezium's MongoDB connector gives those none.
 */
export function writesTransactionMetadata(system: OperationalSystem, connector: ConnectorSettings): boolean {
  return connector.transactionMetadata === true && !keepsDocuments(system);
}

/**
 * Debezium's transaction topic, `<topic prefix>.transaction`, for a system that captures a table;
 * a design topic already called that (a MySQL table named `transaction`) keeps the name, and
 * the connector then writes no transaction events, as it could not either.
 */
function planTransactionLog(systemPlan: SystemPlan, plan: LogPlan, topicPrefix: string): void {
  const { system } = systemPlan;
  if (!systemPlan.cdcTopics.some((topic) => topic.table.cdc)) return;
  const name = transactionTopicName(topicPrefix);
  const clashing = system.messaging.topics.findIndex((topic) => topic.name === name || topic.id === name);
  if (clashing !== -1) {
    plan.problems.push({
      path: `${systemPlan.path}.messaging.topics[${clashing}].name`,
      message: `'${name}' is the connector's transaction topic, so no transaction events are written`,
    });
    return;
  }
  systemPlan.transactionLog = {
    table: endpointKey(system.id, name),
    name,
    partitions: 1,
    isCompacted: false,
    format: { kind: 'records', columns: TRANSACTION_EVENT_COLUMNS, key: ['id'] },
  };
}

/** A transaction event's fields, in the order of Debezium's schema for them; `data_collections` is a JSON array. */
const TRANSACTION_EVENT_COLUMNS: TableColumn[] = [
  { name: 'status', type: 'TEXT' },
  { name: 'id', type: 'TEXT' },
  { name: 'event_count', type: 'INTEGER' },
  { name: 'data_collections', type: 'TEXT', holdsJson: true },
  { name: 'ts_ms', type: 'INTEGER' },
];

/** A MongoDB table's column `_id` outside its primary key (see `idColumnProblem`), once per table. */
function reportIdColumn(systemPlan: SystemPlan, plan: LogPlan, table: SystemTable): void {
  const columnNames = table.columns.map((column) => column.name);
  const message = idColumnProblem(columnNames, table.primaryKey);
  if (message === undefined) return;
  const tableIndex = systemPlan.system.database.tables.indexOf(table);
  const path = `${systemPlan.path}.database.tables[${tableIndex}].columns[${columnNames.indexOf(DOCUMENT_ID)}]`;
  if (!plan.problems.some((problem) => problem.path === path)) plan.problems.push({ path, message });
}

/**
 * A captured table's columns as its connector writes them: Debezium's relational connectors write a
 * JSON column's value as its text (`io.debezium.data.Json`), whatever a contract calls it;
 * MongoDB's writes it as the embedded document or array it is.
 */
function capturedColumns(columns: readonly TableColumn[], source: CdcSource): TableColumn[] {
  if (recordShape(source.connector) === 'document') return [...columns];
  return columns.map(({ holdsJson: _text, ...column }) => column);
}

/**
 * What a CDC record's `source` block says: the connector Debezium has for the system's engine (the
 * simulator's own, `sqlite`, for an engine it has none for), the connector's topic prefix as its
 * name, and the table's schema and name as Debezium gives them (see `capturedTableName`), as the
 * Strimzi export configures the connector.
 */
function cdcSource(system: OperationalSystem, topicPrefix: string, tableName: string): CdcSource {
  const { schema, table } = capturedTableName(system, tableName);
  const { connector } = connectorEngine(system);
  return { connector, name: topicPrefix, db: system.database.name, ...(schema !== undefined && { schema }), table };
}

/**
 * Where each field of an outbox event (see `linkDataset`) takes its value: a field named like a
 * column of the changed row from that column, `event_id` and `occurred_at` from the outbox relay.
 */
function outboxFields(table: SystemTable, columns: readonly TableColumn[]): OutboxField[] {
  const rowColumns = new Set(table.columns.map((column) => column.name));
  const relayField = (name: string): OutboxFieldSource =>
    name === 'event_id' ? 'event-id' : name === 'occurred_at' ? 'occurred-at' : 'none';
  return columns.map((column) => ({
    column,
    source: rowColumns.has(column.name) ? 'row' : relayField(column.name),
  }));
}

/** Why a contract named at `path` governs nothing: it is not in the mesh, or has no schema object. */
function ungovernedProblem(mesh: Mesh, contractId: string, path: string): Problem {
  const contract = mesh.contracts.find((candidate) => candidate.id === contractId);
  return {
    path: `${path}.contractId`,
    message: contract ? `contract '${contractId}' has no schema object` : `no contract '${contractId}'`,
  };
}
