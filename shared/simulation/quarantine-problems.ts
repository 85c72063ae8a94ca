import type { Mesh, Problem } from '../model';
import type { ContractViolations, PortMetrics } from './simulation-metrics';

/** One rule's quarantine at a port, as the CLI's summary and the run's problems say it: `required on fare: 45×, first at tick 8: fare is required`. */
export function violationText(violation: ContractViolations): string {
  const on = violation.property ? ` on ${violation.property}` : '';
  return `${violation.rule}${on}: ${violation.count}×, first at tick ${violation.first.tick}: ${violation.first.message}`;
}

/** What the run quarantined, one problem per port, rule and property, at the output port (`<productId>/<portId>`). */
export function quarantineProblems(mesh: Mesh, ports: Readonly<Record<string, PortMetrics>>): Problem[] {
  return Object.entries(ports).flatMap(([key, { violations }]) => {
    const path = outputPortPath(mesh, key);
    return violations.map((violation) => ({ path, message: `quarantined ${violationText(violation)}` }));
  });
}

function outputPortPath(mesh: Mesh, key: string): string {
  const [productId, portId] = key.split('/');
  const productIndex = mesh.products.findIndex((product) => product.id === productId);
  const portIndex = mesh.products[productIndex]?.outputPorts.findIndex((port) => port.id === portId) ?? -1;
  return portIndex < 0 ? key : `products[${productIndex}].outputPorts[${portIndex}]`;
}
