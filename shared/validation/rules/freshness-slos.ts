import type { MeshGraph } from '../../lineage/mesh-graph';
import type { DataProduct, ElementRef, Link, Mesh } from '../../model';
import { formatMinutes, promisedFreshness, refreshInterval } from '../freshness';
import { productPlace } from '../places';
import type { Rule } from '../rule';

/** The freshest a product can be: its slowest input's guarantee plus its own refresh interval, and how that comes about. */
interface Bound {
  minutes: number;
  /** The slowest input, if any, and the guarantee it gives. */
  slowest?: { link: Link; upstream: DataProduct | undefined; minutes: number };
  interval: number;
}

export const freshnessSlosRule: Rule = {
  id: 'freshness-slos',
  title: 'Freshness promises hold up against inputs',
  rationale:
    "A product cannot promise fresher data than its slowest input's promise plus its own refresh interval allows.",
  defaultSeverity: 'warning',
  check({ mesh, graph }) {
    const bounds = freshnessBounds(mesh, graph);
    return mesh.products.flatMap((product) => {
      const promised = promisedFreshness(graph, product);
      const bound = bounds.get(product.id);
      if (promised === undefined || !bound || promised >= bound.minutes) return [];
      const chain = chainOf(graph, product, bounds);
      const steps = chain.map(({ product: step, bound: stepBound }) => describeStep(graph, product, step, stepBound));
      const related: ElementRef[] = chain.flatMap(({ product: step, bound: stepBound }) => [
        { kind: 'product' as const, productId: step.id },
        ...(stepBound.slowest ? [{ kind: 'link' as const, linkId: stepBound.slowest.link.id }] : []),
      ]);
      return [
        {
          ...productPlace(graph, product),
          message: `'${product.name}' promises data fresh within ${formatMinutes(promised)}, but can be no fresher than ${formatMinutes(bound.minutes)}: ${steps.reverse().join(' → ')}.`,
          fixHint: `Promise ${formatMinutes(bound.minutes)} or more, refresh more often, or agree a fresher SLO upstream.`,
          related,
        },
      ];
    });
  },
};

/** Each product's bound, computed once over the links (a product in a cycle counts its cyclic inputs as fresh). */
function freshnessBounds(mesh: Mesh, graph: MeshGraph): Map<string, Bound> {
  const bounds = new Map<string, Bound>();
  const inProgress = new Set<string>();
  const guarantee = (product: DataProduct): number =>
    promisedFreshness(graph, product) ?? boundOf(product)?.minutes ?? 0;
  const boundOf = (product: DataProduct): Bound | undefined => {
    const known = bounds.get(product.id);
    if (known || inProgress.has(product.id)) return known;
    inProgress.add(product.id);
    let slowestLink: Link | undefined;
    let slowestUpstream: DataProduct | undefined;
    let slowestMinutes = 0;
    for (const port of product.inputPorts) {
      for (const link of graph.linksInto({ nodeId: product.id, portId: port.id })) {
        const upstream = graph.products.get(link.from.nodeId)?.item;
        const minutes = upstream && upstream !== product ? guarantee(upstream) : 0;
        if (slowestLink && minutes <= slowestMinutes) continue;
        slowestLink = link;
        slowestUpstream = upstream;
        slowestMinutes = minutes;
      }
    }
    const interval = refreshInterval(graph, product);
    const bound: Bound = {
      minutes: slowestMinutes + interval,
      interval,
      ...(slowestLink && { slowest: { link: slowestLink, upstream: slowestUpstream, minutes: slowestMinutes } }),
    };
    inProgress.delete(product.id);
    bounds.set(product.id, bound);
    return bound;
  };
  for (const product of mesh.products) boundOf(product);
  return bounds;
}

/** From the product back along its slowest inputs, to one that promises its own freshness or reads only sources. */
function chainOf(graph: MeshGraph, product: DataProduct, bounds: ReadonlyMap<string, Bound>) {
  const chain: Array<{ product: DataProduct; bound: Bound }> = [];
  const seen = new Set<string>();
  let step: DataProduct | undefined = product;
  while (step && !seen.has(step.id)) {
    seen.add(step.id);
    const bound = bounds.get(step.id);
    if (!bound) break;
    chain.push({ product: step, bound });
    if (step !== product && promisedFreshness(graph, step) !== undefined) break;
    step = bound.slowest?.upstream;
  }
  return chain;
}

/** One step of the chain in words: what it contributes to the bound. */
function describeStep(graph: MeshGraph, product: DataProduct, step: DataProduct, bound: Bound): string {
  const own = promisedFreshness(graph, step);
  if (step !== product && own !== undefined) return `'${step.name}' promises ${formatMinutes(own)}`;
  if (bound.interval > 0) return `'${step.name}' refreshes every ${formatMinutes(bound.interval)}`;
  return bound.slowest ? `'${step.name}' adds no delay of its own` : `'${step.name}' reads its sources as they change`;
}
