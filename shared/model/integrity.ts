import type { DataProduct } from './data-product';
import { isSourceEndpoint, isTargetEndpoint, resolveEndpoint } from './endpoints';
import type { Mesh } from './mesh';
import type { Port } from './port';
import type { Problem } from './problem';
import { isTopicFault } from './scenario';
import { topicReferredTo, topicsOf } from './topic-references';

/**
 * Referential checks the schema cannot express: unique ids, and every reference
 * (domain, contract, link endpoint, layout entry) pointing at something that exists.
 */
export function checkIntegrity(mesh: Mesh): Problem[] {
  const problems: Problem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });

  const nodeIds = new Map<string, string>();
  const claimNodeId = (id: string, path: string) => {
    const earlier = nodeIds.get(id);
    if (earlier) report(`${path}.id`, `duplicate id '${id}' (also used at ${earlier})`);
    else nodeIds.set(id, path);
  };
  for (const section of ['domains', 'products', 'systems'] as const) {
    for (const [index, node] of mesh[section].entries()) claimNodeId(node.id, `${section}[${index}]`);
  }
  for (const [index, note] of (mesh.notes ?? []).entries()) claimNodeId(note.id, `notes[${index}]`);

  checkUniqueIds(mesh.contracts, 'contracts', report);
  checkUniqueIds(mesh.links, 'links', report);
  checkUniqueIds(mesh.scenarios, 'scenarios', report);

  const domainIds = new Set(mesh.domains.map((domain) => domain.id));
  const contractIds = new Set(mesh.contracts.map((contract) => contract.id));
  const systemIds = new Set(mesh.systems.map((system) => system.id));

  mesh.products.forEach((product, index) => {
    const path = `products[${index}]`;
    if (!domainIds.has(product.domainId)) report(`${path}.domainId`, `no domain '${product.domainId}'`);
    checkUniqueIdsAt(portPlaces(product, path), report);
    product.inputPorts.forEach((port, portIndex) => {
      if (port.direction !== 'input') report(`${path}.inputPorts[${portIndex}].direction`, `must be 'input'`);
    });
    product.outputPorts.forEach((port, portIndex) => {
      const portPath = `${path}.outputPorts[${portIndex}]`;
      if (port.direction !== 'output') report(`${portPath}.direction`, `must be 'output'`);
      if (port.contractId && !contractIds.has(port.contractId)) {
        report(`${portPath}.contractId`, `no contract '${port.contractId}'`);
      }
    });
    if (product.discoveryPort.direction !== 'discovery') {
      report(`${path}.discoveryPort.direction`, `must be 'discovery'`);
    }
  });

  mesh.systems.forEach((system, index) => {
    const path = `systems[${index}]`;
    if (!domainIds.has(system.domainId)) report(`${path}.domainId`, `no domain '${system.domainId}'`);
    checkUniqueIds(system.messaging.topics, `${path}.messaging.topics`, report);
    const tableNames = new Set(system.database.tables.map((table) => table.name));
    system.messaging.topics.forEach((topic, topicIndex) => {
      if (topic.source.kind === 'cdc' && !tableNames.has(topic.source.table)) {
        report(`${path}.messaging.topics[${topicIndex}].source.table`, `no table '${topic.source.table}'`);
      }
    });
    system.publishes.forEach((event, eventIndex) => {
      const eventPath = `${path}.publishes[${eventIndex}]`;
      if (!tableNames.has(event.table)) report(`${eventPath}.table`, `no table '${event.table}'`);
      const table = system.database.tables.find((candidate) => candidate.name === event.table);
      event.aggregateKey?.forEach((column, columnIndex) => {
        if (table && !table.columns.some((candidate) => candidate.name === column)) {
          report(`${eventPath}.aggregateKey[${columnIndex}]`, `no column '${column}' in table '${table.name}'`);
        }
      });
      if (event.contractId && !contractIds.has(event.contractId)) {
        report(`${eventPath}.contractId`, `no contract '${event.contractId}'`);
      }
    });
    system.database.tables.forEach((table, tableIndex) => {
      const columns = new Set(table.columns.map((column) => column.name));
      table.primaryKey.forEach((key, keyIndex) => {
        if (!columns.has(key)) {
          report(`${path}.database.tables[${tableIndex}].primaryKey[${keyIndex}]`, `no column '${key}'`);
        }
      });
    });
  });

  mesh.links.forEach((link, index) => {
    const path = `links[${index}]`;
    const from = resolveEndpoint(mesh, link.from);
    const to = resolveEndpoint(mesh, link.to);
    if (!from) report(`${path}.from`, `no port or topic '${link.from.portId}' on '${link.from.nodeId}'`);
    else if (!isSourceEndpoint(from)) report(`${path}.from`, 'must be an output port or a topic');
    if (!to) report(`${path}.to`, `no port '${link.to.portId}' on '${link.to.nodeId}'`);
    else if (!isTargetEndpoint(to)) report(`${path}.to`, 'must be an input port');
  });

  for (const nodeId of Object.keys(mesh.layout.nodes)) {
    if (!nodeIds.has(nodeId))
      report(`layout.nodes[${JSON.stringify(nodeId)}]`, `no domain, product, system or note '${nodeId}'`);
  }

  mesh.scenarios.forEach((scenario, index) => {
    for (const section of ['data', 'rates', 'steps'] as const) {
      scenario[section].forEach((entry, entryIndex) => {
        if (!systemIds.has(entry.systemId)) {
          report(`scenarios[${index}].${section}[${entryIndex}].systemId`, `no system '${entry.systemId}'`);
        }
      });
    }
    scenario.faults?.forEach((fault, faultIndex) => {
      const path = `scenarios[${index}].faults[${faultIndex}]`;
      if (!isTopicFault(fault)) {
        if (!mesh.products.some((product) => product.id === fault.productId)) {
          report(`${path}.productId`, `no product '${fault.productId}'`);
        }
        return;
      }
      const system = mesh.systems.find((candidate) => candidate.id === fault.systemId);
      if (!system) report(`${path}.systemId`, `no system '${fault.systemId}'`);
      else if (!topicReferredTo(system, fault.topicId)) {
        report(
          `${path}.topicId`,
          `no topic '${fault.topicId}' on '${fault.systemId}': name one of ${topicsOf(system)}`,
        );
      }
    });
  });

  return problems;
}

function checkUniqueIds(
  items: ReadonlyArray<{ id: string }>,
  path: string,
  report: (path: string, message: string) => void,
): void {
  checkUniqueIdsAt(
    items.map((item, index) => ({ id: item.id, path: `${path}[${index}]` })),
    report,
  );
}

/** Reports each id met again, at its own place and at the first one's. */
function checkUniqueIdsAt(
  places: ReadonlyArray<{ id: string; path: string }>,
  report: (path: string, message: string) => void,
): void {
  const seen = new Map<string, string>();
  for (const { id, path } of places) {
    const earlier = seen.get(id);
    if (earlier !== undefined) report(`${path}.id`, `duplicate id '${id}' (also at ${earlier})`);
    else seen.set(id, path);
  }
}

/** A product's ports where the file holds them: a link names a port by id alone, so ids are unique across the three lists. */
export function portPlaces(product: DataProduct, path: string): Array<{ id: string; name: string; path: string }> {
  const place = ({ id, name }: Port, at: string) => ({ id, name, path: at });
  return [
    ...product.inputPorts.map((port, index) => place(port, `${path}.inputPorts[${index}]`)),
    ...product.outputPorts.map((port, index) => place(port, `${path}.outputPorts[${index}]`)),
    place(product.discoveryPort, `${path}.discoveryPort`),
  ];
}
