import { endpointName, isSourceEndpoint, type ResolvedEndpoint, resolveEndpoint } from './endpoints';
import { quoted } from './isolated-names';
import type { Endpoint } from './link';
import type { Mesh } from './mesh';

/** An allowed connection, oriented the way data flows; or why it is refused, in words for the user. */
export type ConnectionCheck = { ok: true; from: Endpoint; to: Endpoint } | { ok: false; reason: string };

export interface ConnectionOptions {
  /** When re-routing a link, the link being moved does not count as a duplicate of itself. */
  replacingLinkId?: string;
}

/**
 * Whether a link may join two endpoints, in whichever order the user dragged them: data flows
 * from an output port or a system's topic into an input port of another product.
 */
export function checkConnection(
  mesh: Mesh,
  first: Endpoint,
  second: Endpoint,
  options: ConnectionOptions = {},
): ConnectionCheck {
  const firstEnd = resolveEndpoint(mesh, first);
  const secondEnd = resolveEndpoint(mesh, second);
  if (!firstEnd || !secondEnd) return refuse('One end of the link no longer exists.');
  if (isDiscovery(firstEnd) || isDiscovery(secondEnd)) {
    return refuse('A discovery port publishes metadata for catalogs; links cannot start or end there.');
  }
  const firstSends = isSourceEndpoint(firstEnd);
  const secondSends = isSourceEndpoint(secondEnd);
  if (firstSends && secondSends) {
    return refuse('Both ends send data (output ports or topics): link an output to an input port.');
  }
  if (!firstSends && !secondSends) {
    return refuse('Both ends are input ports: link an output port or topic to an input port.');
  }
  const [from, to] = firstSends ? [first, second] : [second, first];
  if (from.nodeId === to.nodeId) return refuse('A product cannot feed its own input port.');
  const isDuplicate = mesh.links.some(
    (link) => link.id !== options.replacingLinkId && sameEndpoint(link.from, from) && sameEndpoint(link.to, to),
  );
  if (isDuplicate) return refuse('These two ports are already linked.');
  // An input port consumes one dataset; a product that needs two has two input ports.
  const feeding = mesh.links.find((link) => link.id !== options.replacingLinkId && sameEndpoint(link.to, to));
  if (feeding) {
    return refuse(
      `${quoted(endpointName(mesh, to))} is already fed by ${quoted(endpointName(mesh, feeding.from))}; add another input port for a second source.`,
    );
  }
  return { ok: true, from, to };
}

export function sameEndpoint(a: Endpoint, b: Endpoint): boolean {
  return a.nodeId === b.nodeId && a.portId === b.portId;
}

function isDiscovery(resolved: ResolvedEndpoint): boolean {
  return resolved.kind === 'port' && resolved.port.direction === 'discovery';
}

function refuse(reason: string): ConnectionCheck {
  return { ok: false, reason };
}
