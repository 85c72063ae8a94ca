import type { DataProduct } from '../../model/data-product';
import type { Mesh } from '../../model/mesh';
import { inputFeeds } from '../input-feeds';
import { outputPortTopic, type StrimziResource, strimziResource } from './strimzi-resources';

/*
 * Who may read and write each topic, as Strimzi KafkaUsers with simple authorization: the
 * clients authenticate by mutual TLS (`tls`: the User Operator issues each user a certificate
 * in a Secret of the user's name, no password to hand around), and each user gets literal ACLs
 * on the topics the design has it read (Read, Describe) or write (Write, Describe), and Read on
 * the consumer groups it reads in (a product's is named as its user is).
 */

type TopicOperation = 'Read' | 'Write' | 'Describe';

/** A topic a client reads or writes, and what it does with it. */
export interface TopicAccess {
  topic: string;
  operations: readonly TopicOperation[];
}

export const READS: readonly TopicOperation[] = ['Read', 'Describe'];
export const WRITES: readonly TopicOperation[] = ['Write', 'Describe'];
const OPERATION_ORDER: readonly TopicOperation[] = ['Read', 'Write', 'Describe'];

/** The topics a product reads through its input ports' links and writes through its streamed output ports. */
export function productTopicAccess(mesh: Mesh, product: DataProduct): TopicAccess[] {
  const feedsOf = inputFeeds(mesh);
  const reads = product.inputPorts.flatMap((port) =>
    feedsOf(product.id, port.id).flatMap(({ source }) => {
      if (source.kind === 'topic') return [{ topic: source.topic.name, operations: READS }];
      const isStreamed = source.port.direction === 'output' && source.port.protocol === 'kafka-topic';
      return isStreamed ? [{ topic: outputPortTopic(source.product.id, source.port.id), operations: READS }] : [];
    }),
  );
  const writes = product.outputPorts
    .filter((port) => port.protocol === 'kafka-topic')
    .map((port) => ({ topic: outputPortTopic(product.id, port.id), operations: WRITES }));
  return [...reads, ...writes];
}

/** Whether a client reads any of the topics: then it reads in a consumer group. */
export function readsAny(access: readonly TopicAccess[]): boolean {
  return access.some(({ operations }) => operations.includes('Read'));
}

/** A KafkaUser allowed `access` (one ACL per topic, its operations merged), and Read on each of `groups`. */
export function kafkaUser(
  name: string,
  cluster: string,
  access: readonly TopicAccess[],
  groups: readonly string[],
): StrimziResource {
  const operationsByTopic = new Map<string, Set<TopicOperation>>();
  for (const { topic, operations } of access) {
    const merged = operationsByTopic.get(topic) ?? new Set();
    for (const operation of operations) merged.add(operation);
    operationsByTopic.set(topic, merged);
  }
  const acls = [
    ...[...operationsByTopic].map(([topic, operations]) => ({
      resource: { type: 'topic', name: topic, patternType: 'literal' },
      operations: OPERATION_ORDER.filter((operation) => operations.has(operation)),
    })),
    ...groups.map((group) => ({
      resource: { type: 'group', name: group, patternType: 'literal' },
      operations: ['Read'],
    })),
  ];
  return strimziResource('KafkaUser', name, cluster, {
    authentication: { type: 'tls' },
    authorization: { type: 'simple', acls },
  });
}
