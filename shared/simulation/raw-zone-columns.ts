import type { DataProduct, Mesh, Port } from '../model';
import { logTableColumnNames } from './log-format';
import { endpointKey, planPortLog, planSystemLogs } from './log-plan';

/**
 * The columns of an input port's raw zone (`raw_<port>`), as the engine creates it: its source log's
 * (`_position`, the record's header, `before_<field>` / `after_<field>` for a change record, ...).
 * Undefined while no link feeds the port, or its source publishes nothing.
 */
export function rawZoneColumns(mesh: Mesh, product: DataProduct, port: Port): string[] | undefined {
  const link = mesh.links.find((candidate) => candidate.to.nodeId === product.id && candidate.to.portId === port.id);
  if (!link) return undefined;
  const { nodeId, portId } = link.from;
  const contractById = (id: string) => mesh.contracts.find((contract) => contract.id === id);
  const system = mesh.systems.find((candidate) => candidate.id === nodeId);
  const producer = mesh.products.find((candidate) => candidate.id === nodeId);
  const producerPort = producer?.outputPorts.find((candidate) => candidate.id === portId);
  const portLog = producer && producerPort && planPortLog(mesh, producer, producerPort, '', contractById);
  const planned = system
    ? planSystemLogs(mesh, system, contractById).get(endpointKey(nodeId, portId))
    : portLog && 'log' in portLog
      ? portLog.log
      : undefined;
  return planned && logTableColumnNames(planned.log.format);
}
