import type { Mesh } from './mesh';
import type { OperationalSystem, Topic } from './operational-system';
import { type Fault, isTopicFault, type Scenario } from './scenario';

/**
 * Scenarios name a topic by its id, which stays when its table is renamed (links, layout and
 * saved scenarios keep it), or by the name the canvas shows, which follows the table: both are
 * read here, and a scenario is stored with ids.
 */
export function topicReferredTo(system: OperationalSystem, reference: string): Topic | undefined {
  const topics = system.messaging.topics;
  return topics.find((topic) => topic.id === reference) ?? topics.find((topic) => topic.name === reference);
}

/** The system's topics as a scenario may name them: `'orders.public.orders' (id 'orders-cdc')`. */
export function topicsOf(system: OperationalSystem): string {
  const topics = system.messaging.topics.map((topic) =>
    topic.name === topic.id ? `'${topic.id}'` : `'${topic.name}' (id '${topic.id}')`,
  );
  return topics.length > 0 ? topics.join(', ') : 'none';
}

/** How a scenario names topics: by id, as the file keeps it, or by name, as the editor shows it. */
type TopicNaming = 'id' | 'name';

/** The fault with its topic named by id (or by name), where it names one of the design's topics. */
export function faultWithTopic<F extends Fault>(mesh: Mesh, fault: F, naming: TopicNaming = 'id'): F {
  if (!isTopicFault(fault)) return fault;
  const system = mesh.systems.find((candidate) => candidate.id === fault.systemId);
  const topic = system && topicReferredTo(system, fault.topicId);
  return topic && topic[naming] !== fault.topicId ? { ...fault, topicId: topic[naming] } : fault;
}

/** The scenario with every topic it names named by id (or by name). */
export function scenarioWithTopics(mesh: Mesh, scenario: Scenario, naming: TopicNaming = 'id'): Scenario {
  if (!scenario.faults?.some((fault) => faultWithTopic(mesh, fault, naming) !== fault)) return scenario;
  return { ...scenario, faults: scenario.faults.map((fault) => faultWithTopic(mesh, fault, naming)) };
}

/** What a fault is aimed at, as the canvas names it: the topic's or the product's name. */
export function faultTargetName(mesh: Mesh, fault: Fault): string {
  if (!isTopicFault(fault)) {
    return mesh.products.find((product) => product.id === fault.productId)?.name ?? fault.productId;
  }
  const system = mesh.systems.find((candidate) => candidate.id === fault.systemId);
  return (system && topicReferredTo(system, fault.topicId)?.name) ?? fault.topicId;
}
