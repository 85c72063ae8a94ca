import type { Mesh } from '../model/mesh';
import type { Problem } from '../model/problem';
import type { ConnectorSettings } from '../model/scenario';
import type { BrokerLog } from './broker-log';
import { planLogs, type SystemPlan } from './log-plan';
import { type ProductPlan, planProduct } from './product-plan';

/** What the engine builds for a mesh, derived once per run; problems never stop the rest. */
export interface PipelinePlan {
  systems: SystemPlan[];
  /** In run order: a product comes after the products it consumes from. */
  products: ProductPlan[];
  logs: BrokerLog[];
  problems: Problem[];
}

/** The plan of a run; the scenario's connector settings decide whether systems have transaction topics. */
export function planPipeline(mesh: Mesh, connector: ConnectorSettings = {}): PipelinePlan {
  const logPlan = planLogs(mesh, connector);
  const problems = [...logPlan.problems];
  const products = mesh.products.map((_, index) => planProduct(mesh, index, logPlan, problems));
  return {
    systems: logPlan.systems,
    products: inRunOrder(mesh, products, problems),
    logs: [
      ...[...logPlan.logs.values()].map((planned) => planned.log),
      ...logPlan.systems.flatMap((system) => (system.transactionLog ? [system.transactionLog] : [])),
    ],
    problems,
  };
}

/**
 * Producers before their consumers, so a change flows end to end within one tick. Products on
 * a cycle keep mesh order and read what the rest of the cycle published the tick before.
 */
function inRunOrder(mesh: Mesh, products: ProductPlan[], problems: Problem[]): ProductPlan[] {
  const productIds = new Set(mesh.products.map((product) => product.id));
  const upstream = new Map(mesh.products.map((product) => [product.id, new Set<string>()]));
  for (const link of mesh.links) {
    if (productIds.has(link.from.nodeId) && link.from.nodeId !== link.to.nodeId) {
      upstream.get(link.to.nodeId)?.add(link.from.nodeId);
    }
  }
  const ordered: ProductPlan[] = [];
  const placed = new Set<string>();
  let remaining = products;
  while (remaining.length > 0) {
    const ready = remaining.filter((plan) => [...(upstream.get(plan.product.id) ?? [])].every((id) => placed.has(id)));
    if (ready.length === 0) {
      for (const plan of remaining) {
        problems.push({ path: plan.path, message: 'is on a cycle of links; it reads its inputs one tick late' });
      }
      return [...ordered, ...remaining];
    }
    for (const plan of ready) placed.add(plan.product.id);
    ordered.push(...ready);
    remaining = remaining.filter((plan) => !placed.has(plan.product.id));
  }
  return ordered;
}
