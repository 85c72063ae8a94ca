import type { ContractProperty, DataProduct, Endpoint, Link, Mesh } from '../model';
import { type InputUse, inputUse } from './input-use';
import { Memo } from './memo';
import { contractOf, type MeshGraph, meshGraph } from './mesh-graph';
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
  /** Its fields the changed fields flow into. */
  fields: ImpactedField[];
  /**
   * For an output port, the changed fields of its product's input (`input port.field`) that only
   * decide which rows it publishes (joins, filters, grouping): its rows change, no field's value.
   */
  rowsFrom?: string[];
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
  /** The changed fields that decide which rows its result has (joins, filters, grouping). */
  rowsFrom?: string[];
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

/** A changed field on its way: its lower-cased key, its name, and the changed fields it comes from. */
interface FlowField extends ImpactedField {
  key: string;
}

/** Changed data leaving a port or topic: some of its fields, or (dataset level) the dataset as a whole. */
interface Flow {
  endpoint: Endpoint;
  /** Empty at dataset level. */
  fields: readonly FlowField[];
  distance: number;
}

/**
 * Everything downstream of a contract field, a port, a topic or a product: the links, ports,
 * products and transformations that depend on it, each at the level it depends (see
 * `ImpactLevel`), following fields through transformations where their SQL names them.
 */
export function analyzeImpact(mesh: Mesh, origin: ImpactOrigin): Impact {
  const graph = meshGraph(mesh);
  return analyses.get(origin, whatAnalysesRead(mesh, graph), () => analyze(graph, origin));
}

/**
 * Per origin, its last analysis, while nothing an analysis can read has changed: the links, the
 * contracts, the systems, and each product's lineage (its id, ports and transformations, and
 * what feeds it) and discovery port; never a product's name. An edit of a product's name,
 * description, owner or SLOs changes none of them; one of its SQL does.
 */
const analyses = new Memo<ImpactOrigin, Impact>();

function whatAnalysesRead(mesh: Mesh, graph: MeshGraph): unknown[] {
  const reads: unknown[] = [graph.links, graph.contracts, graph.systems];
  for (const product of mesh.products) reads.push(productLineage(graph, product), product.discoveryPort);
  return reads;
}

function analyze(graph: MeshGraph, origin: ImpactOrigin): Impact {
  const result = new ImpactCollector(graph, origin);
  const queue: Flow[] = [];
  const send = (flow: Flow) => {
    if (result.recordFlow(flow)) queue.push(flow);
  };
  for (const flow of originFlows(graph, origin, result)) send(flow);
  for (let at = 0; at < queue.length; at++) {
    const next = queue[at] as Flow;
    for (const link of graph.linksFrom(next.endpoint)) {
      const product = graph.products.get(link.to.nodeId)?.item;
      if (!product) continue;
      const use = inputUse(productLineage(graph, product), link.to.portId);
      const passage = passages.get(use, next.fields.map(nameOf), () =>
        passageThrough(
          product,
          use,
          next.fields.filter((field) => use.used.has(field.key)),
        ),
      );
      result.recordLink(link, passage);
      result.recordArrival(product, link.to.portId, passage, next.distance + 1);
      for (const { endpoint, fields } of passage.outputs) send({ endpoint, fields, distance: next.distance + 1 });
    }
  }
  return result.impact();
}

const nameOf = (field: FlowField) => field.name;

/** Every field leaving the endpoints, once per key (the last of fields named alike). */
function allFields(graph: MeshGraph, endpoints: readonly Endpoint[]): FlowField[] {
  const byKey = new Map<string, FlowField>();
  for (const endpoint of endpoints) {
    for (const { name } of servedProperties(graph, endpoint)) {
      byKey.set(name.toLowerCase(), { key: name.toLowerCase(), name, from: [] });
    }
  }
  return [...byKey.values()];
}

/** What an endpoint serves: every schema object of an output port's contract, not only the first its link carries; a topic's dataset. */
function servedProperties(graph: MeshGraph, endpoint: Endpoint): ContractProperty[] {
  const port = graph.products
    .get(endpoint.nodeId)
    ?.item.outputPorts.find((candidate) => candidate.id === endpoint.portId);
  if (port) return (contractOf(graph, port.contractId)?.schema ?? []).flatMap((object) => object.properties);
  return sourceDataset(graph, endpoint)?.schema.properties ?? [];
}

function originFlows(graph: MeshGraph, origin: ImpactOrigin, result: ImpactCollector): Flow[] {
  switch (origin.kind) {
    case 'field': {
      const contract = contractOf(graph, origin.contractId);
      const property = contract?.schema
        .find((object) => object.name === origin.object)
        ?.properties.find((candidate) => candidate.name === origin.field);
      if (!property) return [];
      const fields = [{ key: property.name.toLowerCase(), name: property.name, from: [] }];
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
        const lineage = productLineage(graph, product);
        const input = lineage.inputs.get(portId);
        const fields = allFields(graph, input?.feeds.map((feed) => feed.link.from) ?? []);
        result.recordOrigin({ nodeId, portId }, 'input', fields);
        const passage = passageThrough(product, inputUse(lineage, portId), fields);
        result.recordArrival(product, undefined, passage, 0);
        return passage.outputs.map(({ endpoint, fields }) => ({ endpoint, fields, distance: 0 }));
      }
      const endpoint = { nodeId, portId };
      const fields = allFields(graph, [endpoint]);
      result.recordOrigin(endpoint, origin.kind === 'topic' ? 'topic' : 'output', fields);
      return [{ endpoint, fields, distance: 0 }];
    }
    case 'product': {
      const product = graph.products.get(origin.productId)?.item;
      return (product?.outputPorts ?? []).map((port) => {
        const endpoint = { nodeId: product?.id as string, portId: port.id };
        const fields = allFields(graph, [endpoint]);
        result.recordOrigin(endpoint, 'output', fields);
        return { endpoint, fields, distance: 0 };
      });
    }
  }
}

/** What changed fields arriving at an input port reach inside its product: its transformations, its output ports. */
interface Passage {
  /** The arriving fields the product uses by name; `field` level when there are any. */
  usedNames: readonly string[];
  level: ImpactLevel;
  steps: ReadonlyArray<{
    name: string;
    level: ImpactLevel;
    named: readonly string[];
    outputs: readonly string[];
    rowsFrom: readonly string[];
  }>;
  /**
   * The changed data leaving each output port (at `dataset` level when no field reaches it), and
   * the changed fields (`input port.field`) that decide its rows.
   */
  outputs: ReadonlyArray<{
    endpoint: Endpoint;
    level: ImpactLevel;
    fields: readonly FlowField[];
    rowsFrom: readonly string[];
  }>;
}

/**
 * Per use of an input port, the passage of the fields that last arrived there (by name): the
 * same fields arrive again on the next analysis, after an edit that left the product alone.
 */
const passages = new Memo<InputUse, Passage>();

/**
 * A field that only decides rows (a join key, a filter, a grouping) flows into no column: it is
 * listed apart, and what it reaches leaves the product at dataset level.
 */
function passageThrough(product: DataProduct, use: InputUse, used: readonly FlowField[]): Passage {
  const steps = use.steps.map((step) => {
    const named: string[] = [];
    const outputs: string[] = [];
    const rowsFrom: string[] = [];
    for (const field of used) {
      if (step.named.has(field.key)) named.push(field.name);
      if (step.rowFields.has(field.key)) rowsFrom.push(field.name);
      for (const column of step.columnsOf.get(field.key) ?? []) addNew(outputs, column);
    }
    const level: ImpactLevel = named.length > 0 ? 'field' : 'dataset';
    return { name: step.name, level, named, outputs, rowsFrom };
  });
  const outputs = use.outputs.map((output) => {
    const derived: FlowField[] = [];
    const rowsFrom: string[] = [];
    for (const field of used) {
      const source = `${use.portName}.${field.name}`;
      if (output.rowFields.has(field.key)) rowsFrom.push(source);
      for (const column of output.columnsOf.get(field.key) ?? []) {
        const known = derived.find((candidate) => candidate.key === column.key);
        if (known) known.from.push(source);
        else derived.push({ key: column.key, name: column.name, from: [source] });
      }
    }
    const level: ImpactLevel = derived.length > 0 ? 'field' : 'dataset';
    return { endpoint: { nodeId: product.id, portId: output.portId }, level, fields: derived, rowsFrom };
  });
  const level: ImpactLevel = used.length > 0 ? 'field' : 'dataset';
  return { usedNames: used.map(nameOf), level, steps, outputs };
}

/** Adds a value to a short list that keeps each value once, in the order first added (a set, without a set's weight). */
function addNew<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}

/** A product the analysis reached: how, and when first (the order its ports and transformations are listed in). */
interface Visit {
  /** Its input ports reached and the passages through them, in the order they came; no port for the origin's own. */
  arrivals: Array<{ portId: string | undefined; passage: Passage }>;
  /** When its first port, and its first transformation, were reached (among all products'). */
  portsReached?: number;
  stepsReached?: number;
}

/** What a product shows of the analysis: its reached ports (but the origin's) and transformations. */
interface ProductShare {
  ports: ImpactedPort[];
  transformations: ImpactedTransformation[];
}

/**
 * Per product, its share for the passages that reached it: made again only for a product
 * reached otherwise than in the last analysis (or edited).
 */
const shares = new Memo<DataProduct, ProductShare>();

interface LinkRecord {
  linkId: string;
  level: ImpactLevel;
  fields: readonly string[];
  order: number;
}

/** Gathers what the analysis reaches, keeping for each element the strongest level and every field. */
class ImpactCollector {
  private readonly origins: ImpactedPort[] = [];
  private readonly visits = new Map<DataProduct, Visit>();
  /** A counter of first visits, which orders ports and transformations. */
  private reached = 0;
  /** Links, with their place in the document (the order they are listed in). */
  private readonly links = new Map<Link, LinkRecord>();
  /** Products, with their place in the document (the order among products at one distance). */
  private readonly products = new Map<DataProduct, { product: ImpactedProduct; order: number }>();
  /** The fields (keys) already sent out of each endpoint, so each flows once. */
  private readonly sent = new Map<string, Map<string, string[]>>();

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
      const keys: string[] = [];
      for (const field of flow.fields) addNew(keys, field.key);
      byPort.set(flow.endpoint.portId, keys);
      return true;
    }
    let isNew = false;
    for (const { key } of flow.fields) {
      if (before.includes(key)) continue;
      before.push(key);
      isNew = true;
    }
    return isNew;
  }

  recordOrigin(endpoint: Endpoint, direction: ImpactedPort['direction'], fields: readonly FlowField[]) {
    const named = fields.map(({ name, from }) => ({ name, from }));
    this.origins.push({ ...endpoint, direction, level: 'field', fields: named });
  }

  recordLink(link: Link, passage: Passage) {
    const known = this.links.get(link);
    if (!known) {
      const order = this.graph.links.get(link.id)?.index ?? 0;
      this.links.set(link, { linkId: link.id, level: passage.level, fields: passage.usedNames, order });
    } else {
      const fields = [...known.fields];
      for (const field of passage.usedNames) addNew(fields, field);
      known.level = strongest(known.level, passage.level);
      known.fields = fields;
    }
  }

  /** Changed fields reaching a product through an input port (or, without one, at the origin itself). */
  recordArrival(product: DataProduct, portId: string | undefined, passage: Passage, distance: number) {
    let visit = this.visits.get(product);
    if (!visit) {
      visit = { arrivals: [] };
      this.visits.set(product, visit);
    }
    visit.arrivals.push({ portId, passage });
    if (visit.portsReached === undefined && (portId !== undefined || passage.outputs.length > 0)) {
      visit.portsReached = this.reached++;
    }
    if (visit.stepsReached === undefined && passage.steps.length > 0) visit.stepsReached = this.reached++;
    if (portId === undefined) return;
    if (this.origin.kind === 'product' && this.origin.productId === product.id) return;
    const known = this.products.get(product)?.product;
    if (!known) {
      const order = this.graph.products.get(product.id)?.index ?? 0;
      this.products.set(product, { product: { productId: product.id, level: passage.level, distance }, order });
    } else {
      known.level = strongest(known.level, passage.level);
      known.distance = Math.min(known.distance, distance);
    }
  }

  impact(): Impact {
    const visited = [...this.visits].map(([product, visit]) => {
      const reads: unknown[] = [];
      for (const { portId, passage } of visit.arrivals) reads.push(portId, passage);
      return { visit, share: shares.get(product, reads, () => shareOf(product, visit)) };
    });
    const isOrigin = (port: ImpactedPort) =>
      this.origins.some((origin) => origin.nodeId === port.nodeId && origin.portId === port.portId);
    const ports: ImpactedPort[] = [];
    for (const { share } of inOrder(visited, (visit) => visit.portsReached)) {
      for (const port of share.ports) if (!isOrigin(port)) ports.push(port);
    }
    const transformations: ImpactedTransformation[] = [];
    for (const { share } of inOrder(visited, (visit) => visit.stepsReached)) {
      for (const transformation of share.transformations) transformations.push(transformation);
    }
    return {
      origin: this.origin,
      originPorts: this.origins,
      products: [...this.products.values()]
        .sort((a, b) => a.product.distance - b.product.distance || a.order - b.order)
        .map(({ product }) => product),
      ports,
      links: [...this.links.values()]
        .sort((a, b) => a.order - b.order)
        .map(({ linkId, level, fields }) => ({ linkId, level, fields: [...fields] })),
      transformations,
    };
  }
}

/** The visited products that reached something (`when` they did), in the order they did. */
function inOrder<T extends { visit: Visit }>(visited: readonly T[], when: (visit: Visit) => number | undefined): T[] {
  return visited
    .filter(({ visit }) => when(visit) !== undefined)
    .sort((a, b) => (when(a.visit) as number) - (when(b.visit) as number));
}

/** A product's ports and transformations as its arrivals reached them, merged: the strongest level, every field. */
function shareOf(product: DataProduct, visit: Visit): ProductShare {
  const ports = new Map<string, ImpactedPort>();
  const port = (portId: string, direction: ImpactedPort['direction'], level: ImpactLevel) => {
    let known = ports.get(portId);
    if (!known) {
      known = { nodeId: product.id, portId, direction, level, fields: [] };
      ports.set(portId, known);
    }
    known.level = strongest(known.level, level);
    return known;
  };
  const fieldOf = (port: ImpactedPort, name: string) => {
    let known = port.fields.find((field) => field.name === name);
    if (!known) {
      known = { name, from: [] };
      port.fields.push(known);
    }
    return known;
  };
  const transformations = new Map<string, ImpactedTransformation>();
  for (const { portId, passage } of visit.arrivals) {
    if (portId !== undefined) {
      const input = port(portId, 'input', passage.level);
      for (const name of passage.usedNames) fieldOf(input, name);
    }
    for (const step of passage.steps) {
      let known = transformations.get(step.name);
      if (!known) {
        known = { productId: product.id, name: step.name, level: step.level, fields: [], outputs: [] };
        transformations.set(step.name, known);
      }
      known.level = strongest(known.level, step.level);
      for (const field of step.named) addNew(known.fields, field);
      for (const output of step.outputs) addNew(known.outputs, output);
      addRowSources(known, step.rowsFrom);
    }
    for (const output of passage.outputs) {
      const reached = port(output.endpoint.portId, 'output', output.level);
      for (const field of output.fields) {
        const known = fieldOf(reached, field.name);
        for (const source of field.from) addNew(known.from, source);
      }
      addRowSources(reached, output.rowsFrom);
    }
  }
  return { ports: [...ports.values()], transformations: [...transformations.values()] };
}

/** Adds the fields that decide an element's rows; the list exists only once there is one. */
function addRowSources(element: { rowsFrom?: string[] }, fields: readonly string[]): void {
  for (const field of fields) {
    element.rowsFrom ??= [];
    addNew(element.rowsFrom, field);
  }
}

function strongest(a: ImpactLevel, b: ImpactLevel): ImpactLevel {
  return a === 'field' || b === 'field' ? 'field' : 'dataset';
}
