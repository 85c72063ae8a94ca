import type { Contract } from '../../model/contract';
import type { Mesh } from '../../model/mesh';
import type { Problem } from '../../model/problem';
import type { ScopedElements } from '../export-scope';
import { defineTarget, type ExportFile } from '../export-target';
import { createSlugAllocator } from '../file-names';
import { toYamlDocuments } from '../yaml-text';
import { debeziumConnector, engineOf, hasCdc, KNOWN_ENGINES } from './debezium-connector';
import {
  isLegalTopicName,
  KAFKA_CLUSTER,
  MAX_RESOURCE_NAME_LENGTH,
  type StrimziResource,
  strimziResource,
} from './strimzi-resources';

/*
 * Kafka on Kubernetes with Strimzi (kafka.strimzi.io/v1): a KafkaTopic per topic of the
 * operational systems and per streaming (kafka-topic) output port, and a KafkaConnector per
 * system with CDC (see debezium-connector.ts). Topics holding entities are compacted (CDC
 * topics, entity contracts); topics of events keep the delete policy. An output port's topic
 * is `<product id>.<port id>`, with 3 partitions; replication is left to the cluster's default.
 */

const OUTPUT_PORT_PARTITIONS = 3;

export const strimziTarget = defineTarget({
  id: 'strimzi',
  label: 'Kafka on Kubernetes (Strimzi)',
  readBy: 'kubectl apply -f, with the Strimzi operator (1.x) running the topics and Kafka Connect',
  write({ mesh, scoped }) {
    const problems = strimziProblems(mesh, scoped);
    if (problems.length > 0) return { ok: false, errors: problems };
    const topics = kafkaTopics(mesh, scoped);
    const connectors = kafkaConnectors(mesh, scoped);
    const files: ExportFile[] = [
      ...(topics.length > 0
        ? [
            {
              path: 'strimzi/kafka-topics.yaml',
              content: toYamlDocuments(topics),
              about: `${topics.length} KafkaTopics`,
            },
          ]
        : []),
      ...(connectors.length > 0
        ? [
            {
              path: 'strimzi/kafka-connectors.yaml',
              content: toYamlDocuments(connectors),
              about: `${connectors.length} Debezium KafkaConnectors`,
            },
          ]
        : []),
    ];
    return { ok: true, value: files };
  },
});

function kafkaTopics(mesh: Mesh, scoped: ScopedElements): StrimziResource[] {
  const allocate = createSlugAllocator();
  const contracts = new Map(mesh.contracts.map((contract) => [contract.id, contract]));
  const topic = (name: string, partitions: number, isCompacted: boolean) => {
    const resourceName = allocate([name], MAX_RESOURCE_NAME_LENGTH);
    return strimziResource('KafkaTopic', resourceName, KAFKA_CLUSTER, {
      ...(resourceName === name ? {} : { topicName: name }),
      partitions,
      config: { 'cleanup.policy': isCompacted ? 'compact' : 'delete' },
    });
  };
  return [
    ...scoped.systems.flatMap((system) =>
      system.messaging.topics.map((systemTopic) =>
        topic(systemTopic.name, systemTopic.partitions, systemTopic.source.kind === 'cdc'),
      ),
    ),
    ...scoped.products.flatMap((product) =>
      product.outputPorts
        .filter((port) => port.protocol === 'kafka-topic')
        .map((port) =>
          topic(
            outputPortTopic(product.id, port.id),
            OUTPUT_PORT_PARTITIONS,
            isEntity(contracts.get(port.contractId ?? '')),
          ),
        ),
    ),
  ];
}

function kafkaConnectors(mesh: Mesh, scoped: ScopedElements): StrimziResource[] {
  const allocate = createSlugAllocator();
  return scoped.systems.filter(hasCdc).flatMap((system) => {
    const engine = engineOf(system);
    const name = allocate([`${system.id} cdc`], MAX_RESOURCE_NAME_LENGTH);
    return engine ? [debeziumConnector(system, engine, name, mesh.systems.indexOf(system))] : [];
  });
}

export function outputPortTopic(productId: string, portId: string): string {
  return `${productId}.${portId}`;
}

function isEntity(contract: Contract | undefined): boolean {
  return contract?.kind === 'entity';
}

/** What Kafka or Debezium would refuse, at the element to fix. */
function strimziProblems(mesh: Mesh, scoped: ScopedElements): Problem[] {
  const illegal = (name: string) =>
    `'${name}' is not a legal Kafka topic name (letters, digits, '.', '_', '-'; at most 249 characters)`;
  return [
    ...scoped.systems.flatMap((system) => {
      const at = `systems[${mesh.systems.indexOf(system)}]`;
      const topicProblems = system.messaging.topics.flatMap((topic, index) =>
        isLegalTopicName(topic.name)
          ? []
          : [
              {
                path: `${at}.messaging.topics[${index}].name`,
                message: `system '${system.name}': ${illegal(topic.name)}`,
              },
            ],
      );
      const engineProblems =
        hasCdc(system) && !engineOf(system)
          ? [
              {
                path: `${at}.database.engine`,
                message: `system '${system.name}': no Debezium connector for the database engine '${system.database.engine}' (known: ${KNOWN_ENGINES.join(', ')})`,
              },
            ]
          : [];
      return [...topicProblems, ...engineProblems];
    }),
    ...scoped.products.flatMap((product) =>
      product.outputPorts.flatMap((port, index) => {
        const name = outputPortTopic(product.id, port.id);
        return port.protocol === 'kafka-topic' && !isLegalTopicName(name)
          ? [
              {
                path: `products[${mesh.products.indexOf(product)}].outputPorts[${index}]`,
                message: `data product '${product.name}': ${illegal(name)}`,
              },
            ]
          : [];
      }),
    ),
  ];
}
