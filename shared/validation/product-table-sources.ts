import { contractOf, type MeshGraph } from '../lineage/mesh-graph';
import type { DataProduct, Endpoint } from '../model';
import { endpointKey, type PlannedLog, planPortLog, planSystemLogs } from '../simulation/log-plan';
import { rawTableName } from '../simulation/sql-text';
import { claimTables, type TableClaims, type TableSources } from '../simulation/table-claims';

/** The tables a product builds, as the engine claims them from what `tableSourcesOf` finds. */
export function tableClaimsOf(graph: MeshGraph, product: DataProduct, path: string): TableClaims {
  return claimTables(tableSourcesOf(graph, product, path));
}

/**
 * What a product would build tables for, as the engine plans it but read from the product and
 * what feeds it rather than from a plan of the whole mesh: each input's table is named after the
 * log its first link reads (the one the engine simulates), each output port's after its contract.
 */
export function tableSourcesOf(graph: MeshGraph, product: DataProduct, path: string): TableSources {
  return {
    inputs: product.inputPorts.flatMap((port, portIndex) => {
      const [link] = graph.linksInto({ nodeId: product.id, portId: port.id });
      const source = link && plannedLogAt(graph, link.from);
      if (!source) return [];
      const dataset = { ...source.dataset, keepsHistory: false };
      return [{ port, path: `${path}.inputPorts[${portIndex}]`, rawTable: rawTableName(port.id), dataset }];
    }),
    transformations: product.transformations.map((transformation, index) => ({
      transformation,
      path: `${path}.transformations[${index}]`,
    })),
    outputs: product.outputPorts.flatMap((port, portIndex) => {
      const portPath = `${path}.outputPorts[${portIndex}]`;
      const planned = planPortLog(graph.mesh, product, port, portPath, (id) => contractOf(graph, id));
      if ('problem' in planned) return [];
      return [{ port, path: portPath, governing: planned.governing, published: planned.log.dataset }];
    }),
  };
}

/** The log the engine plans at an output port or a system's topic, if any. */
function plannedLogAt(graph: MeshGraph, endpoint: Endpoint): PlannedLog | undefined {
  const contractById = (id: string) => contractOf(graph, id);
  const product = graph.products.get(endpoint.nodeId)?.item;
  if (product) {
    const port = product.outputPorts.find((candidate) => candidate.id === endpoint.portId);
    const planned = port && planPortLog(graph.mesh, product, port, '', contractById);
    return planned && 'log' in planned ? planned.log : undefined;
  }
  const system = graph.systems.get(endpoint.nodeId)?.item;
  return system && planSystemLogs(graph.mesh, system, contractById).get(endpointKey(endpoint.nodeId, endpoint.portId));
}
