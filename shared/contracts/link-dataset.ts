import type { Contract, ContractProperty, DatasetKind, SchemaObject } from '../model/contract';
import type { ResolvedEndpoint } from '../model/endpoints';
import type { LogicalType } from '../model/logical-type';
import type { SystemTable } from '../model/operational-system';
import { type Column, type ColumnType, numericDigits } from '../model/table';
import { snakeCase } from '../simulation/sql-text';
import { importedProperty } from './import/imported-schema';
import { storedProperties } from './measures';

/** What a link carries from its source: the table a consumer keeps it in, column by column. */
export interface LinkDataset {
  /** Named as the CDC engine names a consumer's clean table (see shared/simulation/README.md). */
  schema: SchemaObject;
  kind: DatasetKind;
  /** The contract governing it, when there is one. */
  contract?: Contract;
}

const LOGICAL_TYPE_OF: Record<ColumnType, LogicalType> = {
  text: 'string',
  integer: 'integer',
  real: 'number',
  numeric: 'number',
  boolean: 'boolean',
  timestamp: 'timestamp',
  date: 'date',
  json: 'object',
};

/**
 * A column's type where its logical type alone loses it: ODCS has no decimal, so an exact numeric
 * is a `number` with its physical type (the standard's own example: DECIMAL(18,2)), with its
 * digits where the column declares them, which keeps a consumer's column NUMERIC like the source's.
 */
function physicalTypeOf(column: Column): string | undefined {
  if (column.type !== 'numeric') return undefined;
  const digits = numericDigits(column);
  return digits ? `numeric(${digits.precision},${digits.scale})` : 'numeric';
}

/** What the outbox relay adds to every event it publishes, its key first. */
const RELAY_PROPERTIES: ContractProperty[] = [
  importedProperty('event_id', 'string', {
    required: true,
    unique: true,
    primaryKey: true,
    primaryKeyPosition: 1,
    description: 'Identifies the event; set by the outbox relay.',
  }),
  importedProperty('occurred_at', 'timestamp', {
    required: true,
    description: 'When the event occurred; set by the outbox relay.',
  }),
];

/**
 * The dataset leaving an output port or a topic, as the engine's log carries it: a contract's
 * first schema object where one governs it, but its measures; a CDC topic's table, an entity keyed like it; an
 * outbox event without a contract as the relay's fields then the changed row's columns. Undefined
 * where the log carries nothing: an input port, a port without a contract, an event or table missing.
 */
export function linkDataset(
  source: ResolvedEndpoint,
  contractById: (id: string) => Contract | undefined,
): LinkDataset | undefined {
  if (source.kind === 'port') {
    return source.port.direction === 'output' ? governed(source.port.contractId, contractById) : undefined;
  }
  const { system, topic } = source;
  const tableNamed = (name: string) => system.database.tables.find((candidate) => candidate.name === name);
  if (topic.source.kind === 'cdc') {
    const table = tableNamed(topic.source.table);
    return (
      table && { schema: { name: table.name, properties: columnProperties(table, table.primaryKey) }, kind: 'entity' }
    );
  }
  const eventName = topic.source.event;
  const event = system.publishes.find((candidate) => candidate.name === eventName);
  const table = event && tableNamed(event.table);
  if (!event || !table) return undefined;
  // The engine publishes any outbox topic as events, even under a contract that says entity.
  const byContract = governed(event.contractId, contractById);
  if (byContract) return { ...byContract, kind: 'event' };
  const properties = [...RELAY_PROPERTIES, ...columnProperties(table, [])];
  return { schema: { name: snakeCase(event.name), properties }, kind: 'event' };
}

function governed(
  contractId: string | undefined,
  contractById: (id: string) => Contract | undefined,
): LinkDataset | undefined {
  const contract = contractId === undefined ? undefined : contractById(contractId);
  const object = contract && publishedSchemaObject(contract);
  // A measure is computed when the table is queried: no column of it, nor a field of its records.
  const schema = object && { ...object, properties: storedProperties(object.properties) };
  return contract && schema && { schema, kind: contract.kind, contract };
}

/** What a port under the contract publishes: the table named like its first schema object; the others it does not. */
export function publishedSchemaObject(contract: Contract): SchemaObject | undefined {
  return contract.schema[0];
}

/** The table's columns as properties: typed, required where the table holds no null, keyed by `key`. */
function columnProperties(table: SystemTable, key: readonly string[]): ContractProperty[] {
  return table.columns.map((column) => {
    const keyPosition = key.indexOf(column.name) + 1;
    const physicalType = physicalTypeOf(column);
    return importedProperty(column.name, LOGICAL_TYPE_OF[column.type], {
      ...(physicalType && { physicalType }),
      required: !column.nullable || table.primaryKey.includes(column.name),
      unique: keyPosition > 0 && key.length === 1,
      primaryKey: keyPosition > 0,
      ...(keyPosition > 0 && { primaryKeyPosition: keyPosition }),
      ...(column.description && { description: column.description }),
    });
  });
}
