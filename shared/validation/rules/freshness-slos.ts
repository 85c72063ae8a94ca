import { TIME_UNITS } from '../../contracts/sla-durations';
import { unreadableDurationUnit } from '../../contracts/sla-weakening';
import { Memo } from '../../lineage/memo';
import type { MeshGraph } from '../../lineage/mesh-graph';
import { type Contract, type DataProduct, type ElementRef, type Link, type Mesh, quoted } from '../../model';
import type { RuleFinding } from '../finding';
import { findingsPerElement } from '../findings-per-element';
import {
  type Freshness,
  formatMinutes,
  productFreshness,
  unmeasuredFreshnessSlas,
  unmeasuredFreshnessSlo,
} from '../freshness';
import { contractPlace, productPlace } from '../places';
import type { Rule } from '../rule';

/** The freshest a product can be: its slowest input's guarantee plus its own refresh interval, and how that comes about. */
interface Bound {
  minutes: number;
  /** The product's own promise and refresh interval. */
  own: Freshness;
  /** The slowest input, if any, and the guarantee it gives. */
  slowest?: { link: Link; upstreamId: string | undefined; minutes: number };
}

type Bounds = ReadonlyMap<string, Bound>;

/** One step of a chain: a product and its bound. */
interface Step {
  product: DataProduct;
  bound: Bound;
}

export const freshnessSlosRule: Rule = {
  id: 'freshness-slos',
  title: 'Freshness promises hold up against inputs',
  rationale:
    "A product cannot promise fresher data than its slowest input's promise plus its own refresh interval allows.",
  defaultSeverity: 'warning',
  reads: ['products', 'links', 'contracts'],
  check({ mesh, graph }) {
    const bounds = freshnessBounds(mesh, graph);
    const productFindings = findingsPerElement(
      findingsByProduct,
      mesh.products,
      (product) => findingReads(graph, product, bounds),
      (product) => {
        const unmeasured = unmeasuredFreshnessSlo(product);
        const bound = bounds.get(product.id) as Bound;
        const { promised } = bound.own;
        return [
          ...(unmeasured ? [unmeasuredFinding(graph, product, unmeasured)] : []),
          ...(promised === undefined || promised >= bound.minutes
            ? []
            : [finding(graph, chainOf(graph, product, bounds), promised)]),
        ];
      },
    );
    // A unit that is no unit of time is the contract's own finding (contract-semantics), listing every spelling read.
    const contractFindings = findingsPerElement(findingsByContract, mesh.contracts, [], (contract) =>
      unmeasuredFreshnessSlas(contract)
        .filter(({ sla }) => unreadableDurationUnit(sla) === undefined)
        .map(({ sla, index, why }) => ({
          ...contractPlace(graph, contract, 'slaProperties', index),
          message: `Contract ${quoted(contract.name)} gives its ${sla.property} ${why}: it is not checked.`,
          fixHint: `Give the SLA a number in one of ${TIME_UNITS}.`,
        })),
    );
    return [...productFindings, ...contractFindings];
  },
};

const findingsByContract = new Memo<Contract, RuleFinding[]>();

/**
 * What a product's finding reads: its bound; when it breaks its promise, the chain too: the
 * bounds of its products and their names (a product without a finding reads only its bound).
 */
function findingReads(graph: MeshGraph, product: DataProduct, bounds: Bounds): unknown[] {
  const bound = bounds.get(product.id) as Bound;
  const { promised } = bound.own;
  if (promised === undefined || promised >= bound.minutes) return [bound];
  return [bound, bounds, graph.productOutlines];
}

const findingsByProduct = new Memo<DataProduct, RuleFinding[]>();

function finding(graph: MeshGraph, chain: readonly Step[], promised: number): RuleFinding {
  const [{ product, bound }] = chain as [Step];
  const steps = chain.map((step) => describeStep(product, step));
  const related: ElementRef[] = chain.flatMap(({ product: step, bound: stepBound }) => [
    { kind: 'product' as const, productId: step.id },
    ...(stepBound.slowest ? [{ kind: 'link' as const, linkId: stepBound.slowest.link.id }] : []),
  ]);
  return {
    ...productPlace(graph, product),
    message: `${quoted(product.name)} promises data fresh within ${formatMinutes(promised)}, but can be no fresher than ${formatMinutes(bound.minutes)}: ${steps.reverse().join(' → ')}.`,
    fixHint: `Promise ${formatMinutes(bound.minutes)} or more, refresh more often, or agree a fresher SLO upstream.`,
    related,
  };
}

function unmeasuredFinding(
  graph: MeshGraph,
  product: DataProduct,
  { slo, index }: NonNullable<ReturnType<typeof unmeasuredFreshnessSlo>>,
): RuleFinding {
  const place = productPlace(graph, product);
  return {
    ...place,
    path: `${place.path}.observability.slos[${index}]`,
    message: `${quoted(product.name)} promises freshness in ${quoted(slo.unit)}, which is no unit of time this check reads (${TIME_UNITS}): the promise is not checked.`,
    fixHint: `Give the freshness SLO's target in one of ${TIME_UNITS}.`,
  };
}

/**
 * Per list of links: each product's bound, while every product's inputs, promise and interval
 * stay the same (an edit of a product's name, description, owner or SQL keeps them).
 */
const boundsByLinks = new Memo<readonly Link[], Bounds>();
/** The bounds last computed, whose unchanged bounds are kept (the same objects) by the next computation. */
let lastBounds: Bounds = new Map();

function freshnessBounds(mesh: Mesh, graph: MeshGraph): Bounds {
  const reads: unknown[] = [];
  for (const product of mesh.products) {
    const { promised, interval } = productFreshness(graph, product);
    reads.push(product.id, product.inputPorts, promised, interval);
  }
  return boundsByLinks.get(mesh.links, reads, () => {
    lastBounds = computeBounds(mesh, graph, lastBounds);
    return lastBounds;
  });
}

/**
 * Each product's bound, computed once over the links (a product in a cycle counts its cyclic
 * inputs as fresh); a bound equal to the one before is that one, so what was made of it is kept.
 */
function computeBounds(mesh: Mesh, graph: MeshGraph, before: Bounds): Bounds {
  const bounds = new Map<string, Bound>();
  const inProgress = new Set<string>();
  const guarantee = (product: DataProduct): number =>
    productFreshness(graph, product).promised ?? boundOf(product)?.minutes ?? 0;
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
    const own = productFreshness(graph, product);
    const bound: Bound = {
      minutes: slowestMinutes + own.interval,
      own,
      ...(slowestLink && { slowest: { link: slowestLink, upstreamId: slowestUpstream?.id, minutes: slowestMinutes } }),
    };
    inProgress.delete(product.id);
    const previous = before.get(product.id);
    const kept = previous && isSameBound(previous, bound) ? previous : bound;
    bounds.set(product.id, kept);
    return kept;
  };
  for (const product of mesh.products) boundOf(product);
  return bounds;
}

function isSameBound(before: Bound, now: Bound): boolean {
  return (
    before.minutes === now.minutes &&
    before.own === now.own &&
    before.slowest?.link === now.slowest?.link &&
    before.slowest?.upstreamId === now.slowest?.upstreamId &&
    before.slowest?.minutes === now.slowest?.minutes
  );
}

/** From the product back along its slowest inputs, to one that promises its own freshness or reads only sources. */
function chainOf(graph: MeshGraph, product: DataProduct, bounds: Bounds): Step[] {
  const chain: Step[] = [];
  const seen = new Set<string>();
  let step: DataProduct | undefined = product;
  while (step && !seen.has(step.id)) {
    seen.add(step.id);
    const bound = bounds.get(step.id);
    if (!bound) break;
    chain.push({ product: step, bound });
    if (step !== product && bound.own.promised !== undefined) break;
    const upstreamId: string | undefined = bound.slowest?.upstreamId;
    step = upstreamId === undefined ? undefined : graph.products.get(upstreamId)?.item;
  }
  return chain;
}

/** One step of the chain in words: what it contributes to the bound. */
function describeStep(product: DataProduct, { product: step, bound }: Step): string {
  const own = bound.own.promised;
  if (step !== product && own !== undefined) return `${quoted(step.name)} promises ${formatMinutes(own)}`;
  if (bound.own.interval > 0) return `${quoted(step.name)} refreshes every ${formatMinutes(bound.own.interval)}`;
  return bound.slowest
    ? `${quoted(step.name)} adds no delay of its own`
    : `${quoted(step.name)} reads its sources as they change`;
}
