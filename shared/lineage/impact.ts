import type { Endpoint, Link, Mesh } from '../model';
import { inputUse } from './input-use';
import { type MeshGraph, meshGraph } from './mesh-graph';
import { productLineage } from './product-lineage';
import { sourceDataset } from './source-dataset';

/** What an architect is about to change. */
export type ImpactOrigin =
  | { kind: 'field'; contractId: string; object: string; field: string }
  | { kind: 'port'; productId: string; portId: string }
  | { kind: 'topic'; systemId: string; topicId: string }
  | { kind: 'product'; productId: string };

/**
 * `field`: uses the changed data by name (an input port expects it, a transformation names it,
 * an output field is computed from it). `dataset`: reads a dataset downstream of the change
 * without naming what changed, so only a change of the dataset as a whole (a new major version,
 * a removed port) reaches it.
 */
export type ImpactLevel = 'field' | 'dataset';

/** A field at an impacted port, and the changed fields of the product's input it comes from (`input port.field`). */
export interface ImpactedField {
  name: string;
  from: string[];
}

export interface ImpactedPort {
  nodeId: string;
  portId: string;
  direction: 'input' | 'output' | 'topic';
  level: ImpactLevel;
  fields: ImpactedField[];
}

export interface ImpactedLink {
  linkId: string;
  level: ImpactLevel;
  /** The changed fields the link carries. */
  fields: string[];
}

export interface ImpactedProduct {
  productId: string;
  level: ImpactLevel;
  /** Links between the origin and the product, along the shortest path. */
  distance: number;
}

export interface ImpactedTransformation {
  productId: string;
  name: string;
  level: ImpactLevel;
  /** The changed fields its SQL names. */
  fields: string[];
  /** Its result's columns computed from them. */
  outputs: string[];
}

export interface Impact {
  origin: ImpactOrigin;
  /** The ports and topics the origin itself is: where the change is made. */
  originPorts: ImpactedPort[];
  products: ImpactedProduct[];
  ports: ImpactedPort[];
  links: ImpactedLink[];
  transformations: ImpactedTransformation[];
}

/** Changed data leaving a port or topic: some of its fields, or (dataset level) the dataset as a whole. */
interface Flow {
  endpoint: Endpoint;
  /** Lower-cased field names → the changed fields each comes from; empty at dataset level. */
  fields: ReadonlyMap<string, ImpactedField>;
  distance: number;
}

/**
 * Everything downstream of a contract field, a port, a topic or a product: the links, ports,
 * products and transformations that depend on it, each at the level it depends (see
 * `ImpactLevel`), following fields through transformations where their SQL names them.
 */
export function analyzeImpact(mesh: Mesh, origin: ImpactOrigin): Impact {
  const graph = meshGraph(mesh);
  const result = new ImpactCollector(graph, origin);
  const queue: Flow[] = [];
  const send = (flow: Flow) => {
    if (result.recordFlow(flow)) queue.push(flow);
  };
  for (const flow of originFlows(graph, origin, result)) send(flow);
  for (let next = queue.shift(); next; next = queue.shift()) {
    for (const link of graph.linksFrom(next.endpoint)) {
      for (const flow of flowThroughLink(graph, link, next, result)) send(flow);
    }
  }
  return result.impact();
}

function allFields(graph: MeshGraph, endpoint: Endpoint): Map<string, ImpactedField> {
  const fields = sourceDataset(graph, endpoint)?.fields ?? [];
  return new Map(fields.map((field) => [field.name.toLowerCase(), { name: field.name, from: [] }]));
}

function originFlows(graph: MeshGraph, origin: ImpactOrigin, result: ImpactCollector): Flow[] {
  switch (origin.kind) {
    case 'field': {
      const contract = graph.contracts.get(origin.contractId)?.item;
      const property = contract?.schema
        .find((object) => object.name === origin.object)
        ?.properties.find((candidate) => candidate.name === origin.field);
      if (!property) return [];
      const fields = new Map([[property.name.toLowerCase(), { name: property.name, from: [] }]]);
      return graph.contractUses(origin.contractId).flatMap((use) => {
        const endpoints =
          use.kind === 'port'
            ? [{ nodeId: use.product.id, portId: use.port.id }]
            : use.topics.map((topic) => ({ nodeId: use.system.id, portId: topic.id }));
        return endpoints.map((endpoint) => {
          result.recordOrigin(endpoint, use.kind === 'port' ? 'output' : 'topic', fields);
          return { endpoint, fields, distance: 0 };
        });
      });
    }
    case 'topic':
    case 'port': {
      const nodeId = origin.kind === 'topic' ? origin.systemId : origin.productId;
      const portId = origin.kind === 'topic' ? origin.topicId : origin.portId;
      const product = origin.kind === 'port' ? graph.products.get(nodeId)?.item : undefined;
      if (product?.inputPorts.some((port) => port.id === portId)) {
        const input = productLineage(graph, product).inputs.get(portId);
        const fields = input ? allFields(graph, input.link.from) : new Map<string, ImpactedField>();
        result.recordOrigin({ nodeId, portId }, 'input', fields);
        return flowsOutOfProduct(graph, product.id, portId, fields, 0, result);
      }
      const endpoint = { nodeId, portId };
      const fields = allFields(graph, endpoint);
      result.recordOrigin(endpoint, origin.kind === 'topic' ? 'topic' : 'output', fields);
      return [{ endpoint, fields, distance: 0 }];
    }
    case 'product': {
      const product = graph.products.get(origin.productId)?.item;
      return (product?.outputPorts ?? []).map((port) => {
        const endpoint = { nodeId: product?.id as string, portId: port.id };
        const fields = allFields(graph, endpoint);
        result.recordOrigin(endpoint, 'output', fields);
        return { endpoint, fields, distance: 0 };
      });
    }
  }
}

function flowThroughLink(graph: MeshGraph, link: Link, flow: Flow, result: ImpactCollector): Flow[] {
  const product = graph.products.get(link.to.nodeId)?.item;
  if (!product) return [];
  const portId = link.to.portId;
  const use = inputUse(productLineage(graph, product), portId);
  const usedOnly = new Map<string, ImpactedField>();
  for (const [key, field] of flow.fields) if (use.used.has(key)) usedOnly.set(key, field);
  const level: ImpactLevel = usedOnly.size > 0 ? 'field' : 'dataset';
  const usedNames = [...usedOnly.values()].map((field) => field.name);
  const distance = flow.distance + 1;
  result.recordLink(link.id, level, usedNames);
  result.recordPort(
    { nodeId: product.id, portId },
    'input',
    level,
    usedNames.map((name) => ({ name, from: [] })),
  );
  result.recordProduct(product.id, level, distance);
  return flowsOutOfProduct(graph, product.id, portId, usedOnly, distance, result);
}

/** Changed fields arriving at an input port, followed through the product's transformations to its output ports. */
function flowsOutOfProduct(
  graph: MeshGraph,
  productId: string,
  portId: string,
  fields: ReadonlyMap<string, ImpactedField>,
  distance: number,
  result: ImpactCollector,
): Flow[] {
  const product = graph.products.get(productId)?.item;
  if (!product) return [];
  const use = inputUse(productLineage(graph, product), portId);
  for (const step of use.steps) {
    const named: string[] = [];
    const outputs = new Set<string>();
    let everyRow = false;
    for (const [key, field] of fields) {
      if (step.named.has(key)) named.push(field.name);
      if (step.rowFields.has(key)) everyRow = true;
      for (const column of step.columnsOf.get(key) ?? []) outputs.add(column);
    }
    const level = named.length > 0 ? 'field' : 'dataset';
    result.recordTransformation(productId, step.name, level, named, everyRow ? [...step.columns] : [...outputs]);
  }
  const flows: Flow[] = [];
  for (const output of use.outputs) {
    let everyRow = false;
    for (const key of fields.keys()) if (output.rowFields.has(key)) everyRow = true;
    const derived = new Map<string, ImpactedField>();
    for (const [key, field] of fields) {
      const source = `${use.portName}.${field.name}`;
      for (const column of everyRow ? output.columns : (output.columnsOf.get(key) ?? [])) {
        const known = derived.get(column.key);
        if (known) known.from.push(source);
        else derived.set(column.key, { name: column.name, from: [source] });
      }
    }
    const endpoint = { nodeId: productId, portId: output.portId };
    result.recordPort(endpoint, 'output', derived.size > 0 ? 'field' : 'dataset', [...derived.values()]);
    flows.push({ endpoint, fields: derived, distance });
  }
  return flows;
}

/** What is known of a port while the analysis runs: fields by name, with where each comes from. */
interface PortRecord {
  direction: ImpactedPort['direction'];
  level: ImpactLevel;
  fields: Map<string, Set<string>>;
}

/** Gathers what the analysis reaches, keeping for each element the strongest level and every field. */
class ImpactCollector {
  private readonly origins: ImpactedPort[] = [];
  private readonly ports = new Map<string, Map<string, PortRecord>>();
  private readonly links = new Map<string, { level: ImpactLevel; fields: Set<string> }>();
  private readonly products = new Map<string, ImpactedProduct>();
  private readonly transformations = new Map<
    string,
    Map<string, { level: ImpactLevel; fields: Set<string>; outputs: Set<string> }>
  >();
  /** The fields already sent out of each endpoint, so each flows once. */
  private readonly sent = new Map<string, Map<string, Set<string>>>();

  constructor(
    private readonly graph: MeshGraph,
    private readonly origin: ImpactOrigin,
  ) {}

  /** Whether the flow brings something new out of its endpoint (a new field, or a first visit). */
  recordFlow(flow: Flow): boolean {
    let byPort = this.sent.get(flow.endpoint.nodeId);
    if (!byPort) {
      byPort = new Map();
      this.sent.set(flow.endpoint.nodeId, byPort);
    }
    const before = byPort.get(flow.endpoint.portId);
    if (before === undefined) {
      byPort.set(flow.endpoint.portId, new Set(flow.fields.keys()));
      return true;
    }
    let isNew = false;
    for (const key of flow.fields.keys()) {
      if (before.has(key)) continue;
      before.add(key);
      isNew = true;
    }
    return isNew;
  }

  recordOrigin(endpoint: Endpoint, direction: ImpactedPort['direction'], fields: ReadonlyMap<string, ImpactedField>) {
    this.origins.push({ ...endpoint, direction, level: 'field', fields: [...fields.values()] });
  }

  recordPort(endpoint: Endpoint, direction: ImpactedPort['direction'], level: ImpactLevel, fields: ImpactedField[]) {
    let byPort = this.ports.get(endpoint.nodeId);
    if (!byPort) {
      byPort = new Map();
      this.ports.set(endpoint.nodeId, byPort);
    }
    let record = byPort.get(endpoint.portId);
    if (!record) {
      record = { direction, level, fields: new Map() };
      byPort.set(endpoint.portId, record);
    }
    record.level = strongest(record.level, level);
    for (const field of fields) {
      let from = record.fields.get(field.name);
      if (!from) {
        from = new Set();
        record.fields.set(field.name, from);
      }
      for (const source of field.from) from.add(source);
    }
  }

  recordLink(linkId: string, level: ImpactLevel, fields: readonly string[]) {
    const known = this.links.get(linkId);
    if (!known) this.links.set(linkId, { level, fields: new Set(fields) });
    else {
      known.level = strongest(known.level, level);
      for (const field of fields) known.fields.add(field);
    }
  }

  recordProduct(productId: string, level: ImpactLevel, distance: number) {
    if (this.origin.kind === 'product' && this.origin.productId === productId) return;
    const known = this.products.get(productId);
    if (!known) this.products.set(productId, { productId, level, distance });
    else {
      known.level = strongest(known.level, level);
      known.distance = Math.min(known.distance, distance);
    }
  }

  recordTransformation(productId: string, name: string, level: ImpactLevel, fields: string[], outputs: string[]) {
    let byName = this.transformations.get(productId);
    if (!byName) {
      byName = new Map();
      this.transformations.set(productId, byName);
    }
    const known = byName.get(name);
    if (!known) byName.set(name, { level, fields: new Set(fields), outputs: new Set(outputs) });
    else {
      known.level = strongest(known.level, level);
      for (const field of fields) known.fields.add(field);
      for (const output of outputs) known.outputs.add(output);
    }
  }

  impact(): Impact {
    const documentOrder = (productId: string) =>
      this.graph.products.get(productId)?.index ?? this.graph.systems.get(productId)?.index ?? 0;
    const isOrigin = (nodeId: string, portId: string) =>
      this.origins.some((origin) => origin.nodeId === nodeId && origin.portId === portId);
    const ports: ImpactedPort[] = [];
    for (const [nodeId, byPort] of this.ports) {
      for (const [portId, record] of byPort) {
        if (isOrigin(nodeId, portId)) continue;
        const fields = [...record.fields].map(([name, from]) => ({ name, from: [...from] }));
        ports.push({ nodeId, portId, direction: record.direction, level: record.level, fields });
      }
    }
    return {
      origin: this.origin,
      originPorts: this.origins,
      products: [...this.products.values()].sort(
        (a, b) => a.distance - b.distance || documentOrder(a.productId) - documentOrder(b.productId),
      ),
      ports,
      links: [...this.links]
        .map(([linkId, { level, fields }]) => ({ linkId, level, fields: [...fields] }))
        .sort((a, b) => (this.graph.links.get(a.linkId)?.index ?? 0) - (this.graph.links.get(b.linkId)?.index ?? 0)),
      transformations: [...this.transformations].flatMap(([productId, byName]) =>
        [...byName].map(([name, { level, fields, outputs }]) => ({
          productId,
          name,
          level,
          fields: [...fields],
          outputs: [...outputs],
        })),
      ),
    };
  }
}

function strongest(a: ImpactLevel, b: ImpactLevel): ImpactLevel {
  return a === 'field' || b === 'field' ? 'field' : 'dataset';
}
