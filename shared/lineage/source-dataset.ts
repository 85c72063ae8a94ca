import type { Contract, Endpoint, SchemaObject } from '../model';
import { snakeCase } from '../simulation/sql-text';
import { contractOf, type MeshGraph } from './mesh-graph';

export interface DatasetField {
  name: string;
  classification?: string;
}

/** What a link carries from its source: the table a consumer keeps it in, and its fields. */
export interface SourceDataset {
  /** As the CDC engine names a consumer's clean table (see shared/simulation/README.md). */
  name: string;
  fields: DatasetField[];
  /** The contract governing it, when there is one. */
  contract?: Contract;
}

/** Fields the outbox relay adds to every event it publishes. */
const RELAY_FIELDS = ['event_id', 'occurred_at'];

/** The dataset leaving an output port or a topic; undefined when the endpoint or its contract is missing. */
export function sourceDataset(graph: MeshGraph, endpoint: Endpoint): SourceDataset | undefined {
  const product = graph.products.get(endpoint.nodeId)?.item;
  if (product) {
    const port = product.outputPorts.find((candidate) => candidate.id === endpoint.portId);
    const contract = contractOf(graph, port?.contractId);
    const object = contract?.schema[0];
    return contract && object && { name: object.name, fields: fieldsOf(object), contract };
  }
  const system = graph.systems.get(endpoint.nodeId)?.item;
  const topic = system?.messaging.topics.find((candidate) => candidate.id === endpoint.portId);
  if (!system || !topic) return undefined;
  const { source } = topic;
  if (source.kind === 'cdc') {
    const table = system.database.tables.find((candidate) => candidate.name === source.table);
    return table && { name: table.name, fields: table.columns.map((column) => ({ name: column.name })) };
  }
  const event = system.publishes.find((candidate) => candidate.name === source.event);
  const contract = contractOf(graph, event?.contractId);
  const object = contract?.schema[0];
  if (contract && object) return { name: object.name, fields: fieldsOf(object), contract };
  const table = system.database.tables.find((candidate) => candidate.name === event?.table);
  const columns = table?.columns.map((column) => column.name) ?? [];
  return { name: snakeCase(source.event), fields: [...RELAY_FIELDS, ...columns].map((name) => ({ name })) };
}

function fieldsOf(object: SchemaObject): DatasetField[] {
  return object.properties.map(({ name, classification }) => (classification ? { name, classification } : { name }));
}
