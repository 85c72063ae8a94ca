import { meshGraph } from '../../lineage/mesh-graph';
import { sourceContract } from '../../lineage/source-contract';
import { capturedTables, hasConnector } from '../../model/connected-system';
import { capturedCdcTopics } from '../../model/connector-tombstones';
import { connectorTopicPrefixes } from '../../model/connector-topics';
import type { Contract } from '../../model/contract';
import { DEBEZIUM_ENGINE_IDS } from '../../model/database-engine';
import { quoted } from '../../model/isolated-names';
import type { Mesh } from '../../model/mesh';
import type { OperationalSystem } from '../../model/operational-system';
import { STREAMED_PORT_PARTITIONS } from '../../model/port';
import { isCompactedCdcTopic, isCompactedPortTopic } from '../../model/topic-cleanup-policy';
import { writesTransactionMetadata } from '../../simulation/log-plan';
import type { ScopedElements } from '../export-scope';
import { defineTarget, type ExportFile, type ExportProblem } from '../export-target';
import { createSlugAllocator } from '../file-names';
import { toYamlDocuments } from '../yaml-text';
import { skippedTruncateWarnings } from './compacted-cdc-topics';
import {
  connectorName,
  connectorSecret,
  debeziumConnector,
  engineOf,
  MAX_CONNECTOR_SLUG_LENGTH,
  outboxRowsWritten,
  schemaHistoryGroup,
  schemaHistoryTopic,
  transactionTopic,
} from './debezium-connector';
import { designWideNames } from './design-wide-names';
import { kafkaUser, productTopicAccess, READS, readsAny, type TopicAccess, WRITES } from './kafka-users';
import { secondCdcTopicProblems } from './one-topic-per-captured-table';
import { fullReplicaIdentityTables, replicaIdentitySql } from './replica-identity-sql';
import {
  CONNECT_CLUSTER,
  KAFKA_CLUSTER,
  MAX_RESOURCE_NAME_LENGTH,
  outputPortTopic,
  SECRETS_NAMESPACE,
  type StrimziResource,
  strimziResource,
  topicNameProblem,
} from './strimzi-resources';
import { type GovernedTopic, retentionConfig, unreadRetentionWarnings } from './topic-retention';

/*
 * Kafka on Kubernetes with Strimzi (kafka.strimzi.io/v1): a KafkaTopic per topic of the
 * operational systems and per streaming (kafka-topic) output port, and a KafkaConnector per
 * system with CDC or an outbox (see debezium-connector.ts), and a KafkaUser per client of the topics with
 * the ACLs of what it reads and writes (see kafka-users.ts). Topics holding entities are compacted (CDC
 * topics, entity contracts); topics of events keep the delete policy. A connector writing to a
 * compacted topic skips truncates (see compacted-cdc-topics.ts), and the export warns of each
 * scenario truncate the simulation sends that it skips. Where a scenario turns transaction
 * metadata on, the connectors provide it as the simulation shows, with a KafkaTopic for each
 * connector's transaction topic. A delete-policy topic keeps its records
 * as long as its contract's retention SLA promises, a compacted one its tombstones at least a week
 * (see topic-retention.ts). A PostgreSQL system whose captured tables the design sets FULL gets the
 * SQL that sets their REPLICA IDENTITY so (see replica-identity-sql.ts). An output port's topic
 * is `<product id>.<port id>`, with the partitions the simulation gives it; replication is left
 * to the cluster's default.
 */

export const strimziTarget = defineTarget({
  id: 'strimzi',
  label: 'Kafka on Kubernetes (Strimzi)',
  readBy:
    'kubectl apply -f, with the Strimzi operator (1.x) running the topics and users, and a KafkaConnect cluster of yours named kafka-connect (with the Debezium 2.7 connector plugins and the Secrets config provider) running the connectors',
  write({ mesh, scoped }) {
    const problems = strimziProblems(mesh, scoped);
    if (problems.length > 0) return { ok: false, errors: problems };
    const exported = exportedTopics(mesh, scoped);
    const topics = kafkaTopics(exported, mesh);
    const connected = connectorsOf(mesh, scoped);
    const connectors = connected.map(({ system, engine, identity, providesTransactionMetadata }) =>
      debeziumConnector(system, engine, identity, { providesTransactionMetadata }),
    );
    const users = kafkaUsers(mesh, scoped);
    const warnings = [
      ...skippedTruncateWarnings(mesh, connectedSystems(mesh, scoped)),
      ...unreadRetentionWarnings(mesh, exported),
    ];
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
              about: `${connectors.length} Debezium KafkaConnectors, each reading its database's Secret in namespace ${SECRETS_NAMESPACE}: ${secretsRead(connected)}${outboxRowsSaid(connected)}`,
            },
          ]
        : []),
      ...replicaIdentityFiles(connected),
      ...(users.length > 0
        ? [
            {
              path: 'strimzi/kafka-users.yaml',
              content: toYamlDocuments(users),
              about: `${users.length} KafkaUsers (mutual TLS, simple authorization): ${users.map((user) => user.metadata.name).join(', ')}, each allowed only the topics it reads or writes${users.some((user) => user.metadata.name === CONNECT_CLUSTER) ? '; kafka-connect with the ACLs of every connector of the design, which its one Connect cluster runs, so every export writes it alike' : ''}`,
            },
          ]
        : []),
    ];
    return warnings.length > 0 ? { ok: true, value: files, warnings } : { ok: true, value: files };
  },
});

/** A topic the export writes a KafkaTopic for. */
interface ExportedTopic extends GovernedTopic {
  partitions: number;
  config: Record<string, string | number>;
}

/** Debezium's schema history topic: one partition, in order, never deleted nor compacted, or the connector cannot restart. */
const SCHEMA_HISTORY_CONFIG = { 'cleanup.policy': 'delete', 'retention.ms': -1 };
/** Debezium's transaction topic: BEGIN and END events, one partition as the simulation keeps them, read like events. */
const TRANSACTION_TOPIC_CONFIG = { 'cleanup.policy': 'delete' };

const topicConfig = (isCompacted: boolean, contract: Contract | undefined) => ({
  'cleanup.policy': isCompacted ? 'compact' : 'delete',
  ...retentionConfig(isCompacted, contract),
});

/**
 * The systems' topics and the streamed output ports' topics, each with the contract governing its
 * records (none for CDC), then the connectors' schema history topics.
 */
function exportedTopics(mesh: Mesh, scoped: ScopedElements): ExportedTopic[] {
  const graph = meshGraph(mesh);
  const contracts = new Map(mesh.contracts.map((contract) => [contract.id, contract]));
  return [
    ...scoped.systems.flatMap((system) =>
      system.messaging.topics.map((topic) => {
        const contract = sourceContract(graph, { nodeId: system.id, portId: topic.id });
        const config = topicConfig(isCompactedCdcTopic(system, topic), contract);
        return { name: topic.name, partitions: topic.partitions, contract, config };
      }),
    ),
    ...scoped.products.flatMap((product) =>
      product.outputPorts
        .filter((port) => port.protocol === 'kafka-topic')
        .map((port) => {
          const contract = contracts.get(port.contractId ?? '');
          const config = topicConfig(isCompactedPortTopic(port, contract), contract);
          return { name: outputPortTopic(product.id, port.id), partitions: STREAMED_PORT_PARTITIONS, contract, config };
        }),
    ),
    ...connectorOwnTopics(mesh, scoped).map(({ name, config }) => ({
      name,
      partitions: 1,
      contract: undefined,
      config,
    })),
  ];
}

/** A topic a connector writes itself, besides its tables' changes: its schema history, its transaction topic. */
interface ConnectorOwnTopic {
  name: string;
  config: Record<string, string | number>;
  system: OperationalSystem;
  /** What the connector writes to it: `its schema history`. */
  holds: string;
}

const SCHEMA_HISTORY = 'its schema history';

function connectorOwnTopics(mesh: Mesh, scoped: ScopedElements): ConnectorOwnTopic[] {
  return connectorsOf(mesh, scoped).flatMap(({ system, engine, identity, providesTransactionMetadata }) => {
    const history = schemaHistoryTopic(system, engine, identity);
    const transactions = transactionTopic(identity, { providesTransactionMetadata });
    return [
      ...(history ? [{ name: history, config: SCHEMA_HISTORY_CONFIG, system, holds: SCHEMA_HISTORY }] : []),
      ...(transactions
        ? [{ name: transactions, config: TRANSACTION_TOPIC_CONFIG, system, holds: 'its transaction topic' }]
        : []),
    ];
  });
}

function kafkaTopics(topics: readonly ExportedTopic[], mesh: Mesh): StrimziResource[] {
  const designTopics = exportedTopics(mesh, mesh).map(({ name }) => name);
  const resourceNames = designWideNames(designTopics, MAX_RESOURCE_NAME_LENGTH);
  return topics.map(({ name, partitions, config }) => {
    const resourceName = resourceNames.get(name) as string;
    return strimziResource('KafkaTopic', resourceName, KAFKA_CLUSTER, {
      ...(resourceName === name ? {} : { topicName: name }),
      partitions,
      config,
    });
  });
}

/**
 * The KafkaUsers of the export (see kafka-users.ts): the Connect cluster's, which its connectors
 * write with, reading their schema histories back in their groups, then one per product in scope
 * that reads or writes a topic, its consumer group named as the user is. One Connect cluster runs
 * every connector of the design, so its user has the ACLs of them all whatever the scope: the
 * exports of two domains write it alike, and applying one does not take the other's ACLs away.
 */
function kafkaUsers(mesh: Mesh, scoped: ScopedElements): StrimziResource[] {
  const hasConnectors = connectorsOf(mesh, scoped).length > 0;
  const clients = mesh.products.filter((product) => productTopicAccess(mesh, product).length > 0);
  const userNames = designWideNames(
    clients.map((product) => product.id),
    MAX_RESOURCE_NAME_LENGTH,
    (slug) => slug === CONNECT_CLUSTER,
  );
  const productUsers = scoped.products.flatMap((product) => {
    const access = productTopicAccess(mesh, product);
    if (access.length === 0) return [];
    const name = userNames.get(product.id) as string;
    return [kafkaUser(name, KAFKA_CLUSTER, access, readsAny(access) ? [name] : [])];
  });
  return [
    ...(hasConnectors
      ? [kafkaUser(CONNECT_CLUSTER, KAFKA_CLUSTER, connectorTopicAccess(mesh, mesh), schemaHistoryGroups(mesh, mesh))]
      : []),
    ...productUsers,
  ];
}

function schemaHistoryGroups(mesh: Mesh, scoped: ScopedElements): string[] {
  return connectorsOf(mesh, scoped).flatMap(({ system, engine, identity }) => {
    const group = schemaHistoryGroup(system, engine, identity);
    return group ? [group] : [];
  });
}

/** What the connectors write: their tables' changes, outbox events, transaction topics; and the schema history they read back on restart. */
function connectorTopicAccess(mesh: Mesh, scoped: ScopedElements): TopicAccess[] {
  const written = connectorsOf(mesh, scoped).flatMap(({ system }) => [
    ...capturedCdcTopics(system).map(({ topic }) => topic),
    ...system.messaging.topics.filter((topic) => topic.source.kind === 'outbox'),
  ]);
  return [
    ...written.map((topic) => ({ topic: topic.name, operations: WRITES })),
    ...connectorOwnTopics(mesh, scoped).map(({ name, holds }) => ({
      topic: name,
      operations: holds === SCHEMA_HISTORY ? [...READS, ...WRITES] : WRITES,
    })),
  ];
}

/** Each system with CDC or an outbox on an engine Debezium reads, with what sets its connector apart. */
function connectorsOf(mesh: Mesh, scoped: ScopedElements) {
  const allocate = createSlugAllocator();
  // Over the whole design, as the simulation takes them, so a scoped export names topics, slugs and
  // so connectors, Secrets and schema histories alike, as the Connect cluster's user names them.
  const topicPrefixes = connectorTopicPrefixes(mesh.systems);
  const inScope = new Set(scoped.systems);
  return mesh.systems.filter(hasConnector).flatMap((system) => {
    const engine = engineOf(system);
    const slug = allocate([system.id], MAX_CONNECTOR_SLUG_LENGTH);
    if (!engine || !inScope.has(system)) return [];
    const topicPrefix = topicPrefixes.get(system.id) as string;
    // Over every scenario: a deployment serves them all, so the connector writes what any one shows.
    const providesTransactionMetadata = mesh.scenarios.some((scenario) =>
      writesTransactionMetadata(system, scenario.connector ?? {}),
    );
    const identity = { slug, index: mesh.systems.indexOf(system), topicPrefix };
    return [{ system, engine, identity, providesTransactionMetadata }];
  });
}

/** The Secrets the connectors read, with their keys: `shop-db (host, port, username, password)`. */
/** What each service writes into its outbox table, per event, for the connector to route it as the design does. */
function outboxRowsSaid(connected: ReturnType<typeof connectorsOf>): string {
  const rows = connected.flatMap(({ system, engine }) => outboxRowsWritten(system, engine));
  return rows.length > 0 ? `; each event is a row of its service's outbox table: ${rows.join('; ')}` : '';
}

function secretsRead(connected: ReturnType<typeof connectorsOf>): string {
  return connected
    .map(({ engine, identity }) => connectorSecret(engine, identity))
    .map(({ name, keys }) => `${name} (${keys.join(', ')})`)
    .join(', ');
}

/** Per connected PostgreSQL system with captured tables set FULL, the SQL that sets them so in its database. */
function replicaIdentityFiles(connected: ReturnType<typeof connectorsOf>): ExportFile[] {
  return connected.flatMap(({ system, identity }) => {
    const tables = fullReplicaIdentityTables(system);
    if (tables.length === 0) return [];
    const connector = connectorName(identity);
    return [
      {
        path: `strimzi/${identity.slug}.replica-identity.sql`,
        content: replicaIdentitySql(system, tables, connector),
        about: `REPLICA IDENTITY FULL for ${tables.join(', ')}, as the design sets it, to run in database ${system.database.name} before ${connector} starts: without it PostgreSQL sends no old row with an update and only the old key with a delete`,
      },
    ];
  });
}

function connectedSystems(mesh: Mesh, scoped: ScopedElements) {
  return connectorsOf(mesh, scoped).map(({ system }) => system);
}

/** A Kafka topic of the export and the element it comes from. */
interface TopicOrigin {
  name: string;
  path: string;
  owner: string;
}

function topicOrigins(mesh: Mesh, scoped: ScopedElements): TopicOrigin[] {
  return [
    // First, so that a clash is reported at the design's topic, the one to rename.
    ...connectorOwnTopics(mesh, scoped).map(({ name, system, holds }) => ({
      name,
      path: `systems[${mesh.systems.indexOf(system)}]`,
      owner: `the Debezium connector of system ${quoted(system.name)} (${holds})`,
    })),
    ...scoped.systems.flatMap((system) =>
      system.messaging.topics.map((topic, index) => ({
        name: topic.name,
        path: `systems[${mesh.systems.indexOf(system)}].messaging.topics[${index}].name`,
        owner: `system ${quoted(system.name)}`,
      })),
    ),
    ...scoped.products.flatMap((product) =>
      product.outputPorts.flatMap((port, index) =>
        port.protocol === 'kafka-topic'
          ? [
              {
                name: outputPortTopic(product.id, port.id),
                path: `products[${mesh.products.indexOf(product)}].outputPorts[${index}]`,
                owner: `data product ${quoted(product.name)}`,
              },
            ]
          : [],
      ),
    ),
  ];
}

/** What Kafka or Debezium would refuse, at the element to fix. */
function strimziProblems(mesh: Mesh, scoped: ScopedElements): ExportProblem[] {
  const topics = topicOrigins(mesh, scoped);
  return [
    ...topics.flatMap((topic) => {
      const problem = topicNameProblem(topic.name);
      return problem ? [{ path: topic.path, message: `${topic.owner}: topic ${quoted(topic.name)} ${problem}` }] : [];
    }),
    ...topicClashes(topics),
    ...secondCdcTopicProblems(mesh, scoped.systems),
    ...scoped.systems.flatMap((system) => {
      // Only captured tables need Debezium: an outbox on an engine it cannot read keeps its topics, without a connector.
      if (capturedTables(system).length === 0) return [];
      const path = `systems[${mesh.systems.indexOf(system)}].database`;
      const engine = engineOf(system);
      if (!engine)
        return [
          {
            path: `${path}.engine`,
            message: `system ${quoted(system.name)}: no Debezium connector for the database engine ${quoted(system.database.engine)} (known: ${DEBEZIUM_ENGINE_IDS.join(', ')})`,
          },
        ];
      const nameProblem = engine.databaseNameProblem?.(system.database.name);
      return nameProblem ? [{ path: `${path}.name`, message: `system ${quoted(system.name)}: ${nameProblem}` }] : [];
    }),
  ];
}

/** Two topics of one name, or of names Kafka refuses side by side: it takes '.' and '_' for one character. */
function topicClashes(topics: readonly TopicOrigin[]): ExportProblem[] {
  const earlier = new Map<string, TopicOrigin>();
  return topics.flatMap((topic) => {
    const key = topic.name.replaceAll('.', '_');
    const first = earlier.get(key);
    if (!first) {
      earlier.set(key, topic);
      return [];
    }
    const clash =
      first.name === topic.name
        ? `is also the topic of ${first.owner}`
        : `collides in Kafka with ${quoted(first.name)} of ${first.owner} ('.' and '_' count as one character)`;
    // Two topics of one name in one system: the unique-names rule reports that at the topic too.
    const topicPath = topic.path.replace(/\.name$/, '');
    const system = systemOfTopic(topic.path);
    const isSameSystem = first.name === topic.name && system !== undefined && systemOfTopic(first.path) === system;
    return [
      {
        path: topic.path,
        message: `${topic.owner}: topic ${quoted(topic.name)} ${clash}`,
        ...(isSameSystem && { sameAs: { ruleId: 'unique-names', path: topicPath } }),
      },
    ];
  });
}

/** `systems[2]` of a system topic's path, `undefined` for the topics of connectors and output ports. */
function systemOfTopic(path: string): string | undefined {
  return /^(systems\[\d+\])\.messaging\.topics\[\d+\]\.name$/.exec(path)?.[1];
}
