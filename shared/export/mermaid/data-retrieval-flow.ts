import type { Contract, DataProduct, OperationalSystem, Port } from '../../model';
import { contractLabel, listed } from './diagram-labels';
import { type Flowchart, type FlowEdge, type FlowItem, flowNode, flowSubgraph } from './flowchart';
import { createMermaidIds } from './mermaid-text';
import type { MeshGraph, ResolvedLink } from './mesh-graph';

const SERVICE = 'service';
const DATABASE = 'database';
const MESSAGING = 'messaging';

/**
 * The design note's data retrieval flow for one operational system: the microservice persists to
 * its database and publishes to messaging, the database's CDC feeds messaging too; each product
 * fed by the system takes the records into raw, cleans them into events and entities (with their
 * history where the contract keeps it) and serves them through its output ports to its consumers.
 */
export function dataRetrievalFlow(graph: MeshGraph, system: OperationalSystem): Flowchart {
  const ids = createMermaidIds();
  const edges: FlowEdge[] = [{ from: SERVICE, to: DATABASE, label: 'persist' }];
  const topics = system.messaging.topics;
  if (system.publishes.length > 0 || topics.some((topic) => topic.source.kind === 'outbox')) {
    edges.push({ from: SERVICE, to: MESSAGING, label: 'publish' });
  }
  if (topics.some((topic) => topic.source.kind === 'cdc')) edges.push({ from: DATABASE, to: MESSAGING, label: 'CDC' });

  const fed = fedProducts(graph.linksFrom(system.id));
  const items: FlowItem[] = [systemPart(ids('system', system.id), system)];
  const consumers: FlowItem[] = [];
  /** Where a consumer's link lands: the raw zone of a product fed by the system, or a node for it. */
  const consumerTarget = (product: DataProduct) => {
    if (fed.has(product)) return ids('raw', product.id);
    const known = consumers.some((item) => item.id === ids('consumer', product.id));
    if (!known) consumers.push(flowNode(ids('consumer', product.id), product.name, 'rounded'));
    return ids('consumer', product.id);
  };
  for (const [product, links] of fed) {
    const zone = (name: string) => ids(name, product.id);
    const zones: FlowItem[] = [
      flowNode(zone('raw'), `Raw: ${listed(links.map((link) => link.to.port.name))}`),
      flowNode(zone('clean'), 'Clean'),
    ];
    edges.push(
      { from: MESSAGING, to: zone('raw'), label: listed(links.map(topicName)) },
      { from: zone('raw'), to: zone('clean') },
    );
    const datasets = outputDatasets(graph, product);
    const addZone = (name: string, label: string, contracts: Contract[], from: string) => {
      if (contracts.length === 0) return;
      zones.push(flowNode(zone(name), `${label}: ${listed(contracts.map((contract) => contract.name))}`));
      edges.push({ from, to: zone(name) });
    };
    addZone('events', 'Events', datasets.events, zone('clean'));
    addZone('entities', 'Entities', datasets.entities, zone('clean'));
    addZone('history', 'History', datasets.withHistory, zone('entities'));
    for (const { port, contract } of datasets.ports) {
      const portId = ids('port', `${product.id}/${port.id}`);
      zones.push(flowNode(portId, `${port.name} · ${contractLabel(contract)}`, 'in-out'));
      edges.push({ from: zone(datasetZone(contract)), to: portId });
      if (contract?.kind === 'entity' && contract.keepHistory) edges.push({ from: zone('history'), to: portId });
      for (const consumer of graph.linksFrom(product.id)) {
        if (consumer.from.kind !== 'port' || consumer.from.port.id !== port.id) continue;
        edges.push({ from: portId, to: consumerTarget(consumer.to.product), label: consumer.to.port.name });
      }
    }
    items.push(flowSubgraph(ids('product', product.id), product.name, zones, graph.domain(product.domainId)?.color));
  }
  items.push(...consumers);
  return { title: `Data retrieval flow: ${system.name}`, direction: 'LR', items, edges };
}

function systemPart(id: string, system: OperationalSystem): FlowItem {
  const { service, database, messaging } = system;
  const language = service.language ? ` (${service.language})` : '';
  return flowSubgraph(id, system.name, [
    flowNode(SERVICE, `Microservice: ${service.name}${language}`),
    flowNode(
      DATABASE,
      `Database: ${database.name} (${database.engine}) · ${listed(database.tables.map((table) => table.name))}`,
      'db',
    ),
    flowNode(
      MESSAGING,
      `Messaging: ${messaging.broker} · ${listed(messaging.topics.map((topic) => topic.name))}`,
      'h-cyl',
    ),
  ]);
}

/** The products the system feeds, in the order of their first link, each with its links from the system. */
function fedProducts(links: readonly ResolvedLink[]): Map<DataProduct, ResolvedLink[]> {
  const byProduct = new Map<DataProduct, ResolvedLink[]>();
  for (const link of links) {
    const list = byProduct.get(link.to.product);
    if (list) list.push(link);
    else byProduct.set(link.to.product, [link]);
  }
  return byProduct;
}

/** Events feed event ports, entities entity ports; a port without a contract serves what was cleaned. */
function datasetZone(contract: Contract | undefined): 'clean' | 'events' | 'entities' {
  if (!contract) return 'clean';
  return contract.kind === 'event' ? 'events' : 'entities';
}

function topicName(link: ResolvedLink): string {
  return link.from.kind === 'topic' ? link.from.topic.name : link.from.port.name;
}

interface OutputDatasets {
  ports: Array<{ port: Port; contract: Contract | undefined }>;
  events: Contract[];
  entities: Contract[];
  withHistory: Contract[];
}

/** The output ports with their contracts, and the distinct contracts by kind. */
function outputDatasets(graph: MeshGraph, product: DataProduct): OutputDatasets {
  const ports = product.outputPorts.map((port) => ({ port, contract: graph.contract(port.contractId) }));
  const contracts = [...new Set(ports.flatMap(({ contract }) => (contract ? [contract] : [])))];
  const entities = contracts.filter((contract) => contract.kind === 'entity');
  return {
    ports,
    events: contracts.filter((contract) => contract.kind === 'event'),
    entities,
    withHistory: entities.filter((contract) => contract.keepHistory),
  };
}
