import { capturedTables } from '../../model/connected-system';
import { capturedCdcTopics, writesTombstones } from '../../model/connector-tombstones';
import {
  capturedTableName,
  debeziumTopicName,
  OUTBOX_TABLE,
  storedName,
  TRANSACTION_TOPIC_SUFFIX,
  transactionTopicName,
} from '../../model/connector-topics';
import { type DebeziumEngineId, debeziumEngineId } from '../../model/database-engine';
import { eventAggregateKey, type OperationalSystem, type Topic } from '../../model/operational-system';
import { skipsTruncates } from './compacted-cdc-topics';
import { connectUserTlsClient } from './connect-user-tls-client';
import {
  CONNECT_CLUSTER,
  exactPattern,
  KAFKA_TLS_BOOTSTRAP_SERVERS,
  type StrimziResource,
  secretReference,
  strimziResource,
} from './strimzi-resources';

/*
 * The Debezium connector of an operational system's database, as a Strimzi KafkaConnector:
 * the tables flagged for CDC, their topics named as the design names them (a RegexRouter
 * renames where Debezium's own `<prefix>.<schema>.<table>` differs), tombstones after
 * deletes when the topics want them, truncates only when no topic is compacted, JSON without
 * schemas, decimals as numbers and dates in adaptive precision (the envelopes the simulator
 * shows), and, where the service
 * publishes events, the outbox event router on its `outbox` table. Credentials are never
 * written: `${secrets:<namespace>/<system>-db:<key>}` has Strimzi's
 * KubernetesSecretConfigProvider read them from a Secret.
 */

export interface DatabaseEngine {
  connectorClass: string;
  config(system: OperationalSystem, connector: ConnectorIdentity): Record<string, string | number | boolean>;
  /** Why the connector cannot name this database in its config, when it cannot. */
  databaseNameProblem?(database: string): string | null;
  /** Debezium's outbox event router for this engine's change events, when not the relational one. */
  outboxRouter?: OutboxRouter;
  /** The `time.precision.mode` that writes dates and timestamps as the simulation shows them; none on MongoDB (BSON dates). */
  timePrecisionMode?: TimePrecisionMode;
}

/**
 * Debezium's `adaptive`, the default of most connectors, and the binlog connectors' default,
 * which refuse `adaptive` ("no longer supported") and differ from it only in TIME columns, which
 * a design does not have: both write a date as days and a timestamp in its column's precision.
 */
type TimePrecisionMode = 'adaptive' | 'adaptive_time_microseconds';

interface OutboxRouter {
  type: string;
  /** What starts the router's options on the outbox's columns: `table` (`table.field.event.key`), MongoDB's `collection`. */
  outboxOptions: 'table' | 'collection';
  /** The outbox's fields the router reads (Debezium's defaults), by what each holds. */
  fields: OutboxFields;
}

interface OutboxFields {
  /** Names the topic of an event (`route.by.field`) when the connector sends every event to one topic. */
  routedBy: string;
  /** The event's type, its name in the design: names the topic when events go to several. */
  eventType: string;
  /** The event's id (`field.event.id`). */
  eventId: string;
  /** The event's key (`field.event.key`). */
  eventKey: string;
  /** The event itself (`field.event.payload`). */
  payload: string;
}

const OUTBOX_FIELDS: OutboxFields = {
  routedBy: 'aggregatetype',
  eventType: 'type',
  eventId: 'id',
  eventKey: 'aggregateid',
  payload: 'payload',
};

const RELATIONAL_OUTBOX_ROUTER: OutboxRouter = {
  type: 'io.debezium.transforms.outbox.EventRouter',
  outboxOptions: 'table',
  fields: OUTBOX_FIELDS,
};

/**
 * Both converters write JSON without schemas, and exact decimals as JSON numbers (`99999999.99`)
 * as the simulation shows them, not as the base64 of their unscaled bytes (`"FA=="`), the
 * JsonConverter's default `decimal.format` (KIP-481).
 */
const JSON_CONVERTERS = {
  'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
  'key.converter.schemas.enable': false,
  'key.converter.decimal.format': 'NUMERIC',
  'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
  'value.converter.schemas.enable': false,
  'value.converter.decimal.format': 'NUMERIC',
};

/** A connector is named after its system: `orders-service-cdc`. */
const CONNECTOR_SUFFIX = '-cdc';

export function connectorName(connector: ConnectorIdentity): string {
  return `${connector.slug}${CONNECTOR_SUFFIX}`;
}

/**
 * What sets a system's connector apart from every other one of the export: `slug`, unique
 * among them (ids such as `a.b` and `a_b` slug alike), names its Secret, replication slot,
 * publication and schema history topic; `index` numbers it (MySQL server ids); `topicPrefix` (see
 * connectorTopicPrefixes) starts the names of the topics Debezium writes.
 */
export interface ConnectorIdentity {
  slug: string;
  index: number;
  topicPrefix: string;
}

/**
 * The engines that keep a schema history in a topic of their own (exported as a KafkaTopic). They
 * would also publish schema changes to the topic named by the prefix; the design models no
 * consumer of those, so they are off and that topic never needs creating. Debezium writes and
 * reads the history with a producer and a consumer of its own, which authenticate on the TLS
 * listener as the Connect cluster's user; the consumer's group is Debezium's default
 * (`<topic.prefix>-schemahistory`), written out so the user's ACL can be read off it.
 */
const schemaHistory = (connector: ConnectorIdentity) => ({
  'schema.history.internal.kafka.bootstrap.servers': KAFKA_TLS_BOOTSTRAP_SERVERS,
  'schema.history.internal.kafka.topic': `schema-history.${connector.slug}`,
  'schema.history.internal.consumer.group.id': `${connector.topicPrefix}-schemahistory`,
  ...connectUserTlsClient('schema.history.internal.producer.'),
  ...connectUserTlsClient('schema.history.internal.consumer.'),
  'include.schema.changes': false,
});

/** MySQL and MariaDB: read the binlog as a replica with its own server id, one per connector. */
function binlogEngine(connectorClass: string): DatabaseEngine {
  return {
    connectorClass,
    timePrecisionMode: 'adaptive_time_microseconds',
    config: (system, connector) => ({
      'database.server.id': 184_000 + connector.index,
      'database.include.list': exactPattern(system.database.name),
      ...schemaHistory(connector),
    }),
  };
}

const ENGINES: Record<DebeziumEngineId, DatabaseEngine> = {
  postgres: {
    connectorClass: 'io.debezium.connector.postgresql.PostgresConnector',
    timePrecisionMode: 'adaptive',
    config: (system, connector) => ({
      'database.dbname': system.database.name,
      'plugin.name': 'pgoutput',
      'slot.name': replicationName(connector),
      // Debezium's default publication (dbz_publication) is one per database: each connector on it
      // would set its table list to its own tables, so each connector has its own.
      'publication.name': replicationName(connector),
      'publication.autocreate.mode': 'filtered',
    }),
  },
  mysql: binlogEngine('io.debezium.connector.mysql.MySqlConnector'),
  mariadb: binlogEngine('io.debezium.connector.mariadb.MariaDbConnector'),
  sqlserver: {
    connectorClass: 'io.debezium.connector.sqlserver.SqlServerConnector',
    timePrecisionMode: 'adaptive',
    config: (system, connector) => ({ 'database.names': system.database.name, ...schemaHistory(connector) }),
    databaseNameProblem: (database) =>
      database.includes(',')
        ? `the SQL Server database '${database}' has a comma, and Debezium reads database.names as a comma-separated list`
        : null,
  },
  oracle: {
    connectorClass: 'io.debezium.connector.oracle.OracleConnector',
    timePrecisionMode: 'adaptive',
    config: (system, connector) => ({ 'database.dbname': system.database.name, ...schemaHistory(connector) }),
  },
  db2: {
    connectorClass: 'io.debezium.connector.db2.Db2Connector',
    timePrecisionMode: 'adaptive',
    config: (system, connector) => ({ 'database.dbname': system.database.name, ...schemaHistory(connector) }),
  },
  mongodb: {
    connectorClass: 'io.debezium.connector.mongodb.MongoDbConnector',
    config: () => ({}),
    // The relational router refuses MongoDB's change events, whose `after` is a JSON text.
    outboxRouter: {
      type: 'io.debezium.connector.mongodb.transforms.outbox.MongoEventRouter',
      outboxOptions: 'collection',
      fields: { ...OUTBOX_FIELDS, eventId: '_id' },
    },
  },
};

export function engineOf(system: OperationalSystem): DatabaseEngine | undefined {
  const engine = debeziumEngineId(system.database.engine);
  return engine && ENGINES[engine];
}

/** The KafkaConnector of a system with CDC whose engine has a Debezium connector. */
/** Per connector setting, the key of the Secret it is read from: MongoDB's connection string, or the database's address and login. */
const SECRET_KEYS = {
  documents: { 'mongodb.connection.string': 'connection-string' },
  rows: {
    'database.hostname': 'host',
    'database.port': 'port',
    'database.user': 'username',
    'database.password': 'password',
  },
} as const;

function secretKeysOf(engine: DatabaseEngine): Record<string, string> {
  return engine.connectorClass.includes('mongodb') ? SECRET_KEYS.documents : SECRET_KEYS.rows;
}

/** The Secret in namespace `kafka` a connector reads its database's address and credentials from, and the keys it reads. */
export function connectorSecret(
  engine: DatabaseEngine,
  connector: ConnectorIdentity,
): { name: string; keys: string[] } {
  return { name: `${connector.slug}-db`, keys: Object.values(secretKeysOf(engine)) };
}

/** What a connector writes beyond its tables' changes, as the design's scenarios turn it on. */
export interface ConnectorOptions {
  /** Debezium's `provide.transaction.metadata` (see `writesTransactionMetadata`). */
  providesTransactionMetadata: boolean;
}

export function debeziumConnector(
  system: OperationalSystem,
  engine: DatabaseEngine,
  connector: ConnectorIdentity,
  options: ConnectorOptions,
): StrimziResource {
  const cdcTopics = capturedCdcTopics(system);
  const outboxTopics = system.messaging.topics.filter((topic) => topic.source.kind === 'outbox');
  const prefix = connector.topicPrefix;
  const debeziumTopic = (table: string) => debeziumTopicName(system, prefix, table);
  const renamed = cdcTopics.filter(({ topic, table }) => topic.name !== debeziumTopic(table.name));
  const cdcTables = capturedTables(system).map((table) => table.name);
  // An outbox table flagged for CDC as well is listed once.
  const includedTables = [...new Set([...cdcTables, ...(outboxTopics.length > 0 ? [OUTBOX_TABLE] : [])])];
  const secretName = connectorSecret(engine, connector).name;
  const keepsDocuments = engine.connectorClass.includes('mongodb');
  const eventRoutes = outboxTopics.length > 1 ? outboxTopics : [];
  const transforms = [
    ...(outboxTopics.length > 0 ? ['outbox'] : []),
    ...eventRoutes.map((_, n) => `event${n + 1}`),
    ...renamed.map((_, n) => `rename${n + 1}`),
  ];
  return strimziResource('KafkaConnector', connectorName(connector), CONNECT_CLUSTER, {
    class: engine.connectorClass,
    tasksMax: 1,
    config: {
      ...Object.fromEntries(
        Object.entries(secretKeysOf(engine)).map(([setting, key]) => [setting, secretReference(secretName, key)]),
      ),
      ...engine.config(system, connector),
      'topic.prefix': prefix,
      [keepsDocuments ? 'collection.include.list' : 'table.include.list']: includedTables
        .map((table) => exactPattern(includeId(system, table)))
        .join(','),
      'tombstones.on.delete': writesTombstones(system),
      // A truncate's record has no key, which a compacted topic refuses: sent only where no topic is compacted.
      'skipped.operations': skipsTruncates(system) ? 't' : 'none',
      // Debezium's defaults, written out: exact decimals, which the converters write as numbers, and
      // dates and timestamps as numbers since 1970 in the column's precision, as the simulation
      // shows them. (MongoDB writes Decimal128 as extended JSON, dates as BSON dates.)
      ...(keepsDocuments ? {} : { 'decimal.handling.mode': 'precise' }),
      ...(engine.timePrecisionMode ? { 'time.precision.mode': engine.timePrecisionMode } : {}),
      // The topic's suffix is Debezium's default, written out so the KafkaTopic's name can be read off it.
      ...(options.providesTransactionMetadata
        ? { 'provide.transaction.metadata': true, 'topic.transaction': TRANSACTION_TOPIC_SUFFIX }
        : {}),
      ...JSON_CONVERTERS,
      ...(transforms.length > 0 ? { transforms: transforms.join(',') } : {}),
      ...(outboxTopics.length > 0
        ? outboxRouter(engine.outboxRouter ?? RELATIONAL_OUTBOX_ROUTER, outboxTopics, {
            topic: debeziumTopic(OUTBOX_TABLE),
            field: (name) => storedName(system.database, name),
          })
        : {}),
      ...Object.fromEntries(
        renamed.flatMap(({ topic, table }, n) => [
          [`transforms.rename${n + 1}.type`, 'org.apache.kafka.connect.transforms.RegexRouter'],
          [`transforms.rename${n + 1}.regex`, exactPattern(debeziumTopic(table.name))],
          [`transforms.rename${n + 1}.replacement`, topic.name],
        ]),
      ),
    },
  });
}

/**
 * A topic a connector writes besides its tables' changes: its schema history, on the engines
 * that keep one. (Schema changes and heartbeats are off; see `transactionTopic`.)
 */
export function schemaHistoryTopic(
  system: OperationalSystem,
  engine: DatabaseEngine,
  connector: ConnectorIdentity,
): string | undefined {
  return schemaHistorySetting(system, engine, connector, 'schema.history.internal.kafka.topic');
}

/** The consumer group in which a connector reads its schema history back, on the engines that keep one. */
export function schemaHistoryGroup(
  system: OperationalSystem,
  engine: DatabaseEngine,
  connector: ConnectorIdentity,
): string | undefined {
  return schemaHistorySetting(system, engine, connector, 'schema.history.internal.consumer.group.id');
}

function schemaHistorySetting(
  system: OperationalSystem,
  engine: DatabaseEngine,
  connector: ConnectorIdentity,
  key: string,
): string | undefined {
  const value = engine.config(system, connector)[key];
  return typeof value === 'string' ? value : undefined;
}

/** The topic of a connector's BEGIN and END events, when it provides transaction metadata. */
export function transactionTopic(connector: ConnectorIdentity, options: ConnectorOptions): string | undefined {
  return options.providesTransactionMetadata ? transactionTopicName(connector.topicPrefix) : undefined;
}

/** Debezium's placeholder, replaced by the routing field's value. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: Debezium's own placeholder syntax, not a template of ours
const ROUTED_BY_VALUE = '${routedByValue}';

/** The topic Debezium's router names by default for an event of this type, which a RegexRouter then renames. */
function routedEventTopic(eventType: string): string {
  return `outbox.event.${eventType}`;
}

/** The event an outbox topic carries: its name in the design, what the service writes into `type`. */
function eventOf(topic: Topic): string {
  return topic.source.kind === 'outbox' ? topic.source.event : '';
}

/**
 * Debezium's outbox event router, applied to the outbox table's records only (`outbox.topic`, the
 * topic Debezium writes them to). One event topic: every outbox row goes there; several: the
 * row's `type`, the event's name (`WorkOrderOpened`), names it, as the simulation routes each
 * event to its topic: the router sends it to Debezium's `outbox.event.WorkOrderOpened`, which a
 * RegexRouter per event renames to the event's topic. The row's `aggregatetype` holds the
 * aggregate's type, as Debezium's docs have it, the same for all of an aggregate's events. Each event is keyed by the row's `aggregateid`, which
 * holds the event's aggregate key as the simulation writes it (`outboxEventKeySql`). The fields it
 * reads are Debezium's defaults written out, named as the change records carry them
 * (`outbox.field`): the router looks them up by exact name, and Oracle and Db2 keep them in capitals.
 */
function outboxRouter(
  router: OutboxRouter,
  topics: readonly Topic[],
  outbox: { topic: string; field: (name: string) => string },
): Record<string, string | boolean> {
  const options = `transforms.outbox.${router.outboxOptions}`;
  const { routedBy, eventType, eventId, eventKey, payload } = router.fields;
  const isOneTopic = topics.length === 1;
  return {
    'transforms.outbox.type': router.type,
    'transforms.outbox.predicate': 'isOutbox',
    'transforms.outbox.route.by.field': outbox.field(isOneTopic ? routedBy : eventType),
    'transforms.outbox.route.topic.replacement': isOneTopic
      ? (topics[0] as Topic).name
      : routedEventTopic(ROUTED_BY_VALUE),
    [`${options}.expand.json.payload`]: true,
    [`${options}.field.event.id`]: outbox.field(eventId),
    [`${options}.field.event.key`]: outbox.field(eventKey),
    [`${options}.field.event.payload`]: outbox.field(payload),
    predicates: 'isOutbox',
    'predicates.isOutbox.type': 'org.apache.kafka.connect.transforms.predicates.TopicNameMatches',
    'predicates.isOutbox.pattern': exactPattern(outbox.topic),
    ...Object.fromEntries(
      (isOneTopic ? [] : topics).flatMap((topic, n) => [
        [`transforms.event${n + 1}.type`, 'org.apache.kafka.connect.transforms.RegexRouter'],
        [`transforms.event${n + 1}.regex`, exactPattern(routedEventTopic(eventOf(topic)))],
        [`transforms.event${n + 1}.replacement`, topic.name],
      ]),
    ),
  };
}

/**
 * What the service writes into its outbox for each event it publishes, as index.md says it
 * (`orders-service's event OrderPlaced (to orders.events.order-placed): type 'OrderPlaced', …`),
 * the columns named as the connector reads them.
 */
export function outboxRowsWritten(system: OperationalSystem, engine: DatabaseEngine): string[] {
  const { eventType, routedBy, eventKey, payload } = (engine.outboxRouter ?? RELATIONAL_OUTBOX_ROUTER).fields;
  const column = (name: string) => storedName(system.database, name);
  return system.messaging.topics.flatMap((topic) => {
    const event = system.publishes.find((candidate) => candidate.name === eventOf(topic));
    const table = event && system.database.tables.find((candidate) => candidate.name === event.table);
    if (!event || !table) return [];
    return [
      `${system.name}'s event ${event.name} (to ${topic.name}): ${column(eventType)} '${event.name}', ${column(eventKey)} the ${table.name} row's ${eventAggregateKey(event, table).join(':')} as text, ${column(routedBy)} the aggregate's type, ${column(payload)} the event as JSON${event.when ? `, written only when ${event.when}` : ''}`,
    ];
  });
}

/** How Debezium names a table in include lists: `<schema>.<table>` (`APP.BOOKINGS`), else `<database>.<table>`. */
function includeId(system: OperationalSystem, tableName: string): string {
  const { schema, table } = includedTable(system, tableName);
  return `${schema}.${table}`;
}

/** The two parts of a table's name in the connector's include list: its schema (else its database) and its name. */
export function includedTable(system: OperationalSystem, tableName: string): { schema: string; table: string } {
  const { schema, table } = capturedTableName(system, tableName);
  return { schema: schema ?? system.database.name, table };
}

const REPLICATION_PREFIX = 'debezium_';
/** PostgreSQL replication slot and publication names: lower-case letters, digits and `_`, at most 63. */
const MAX_REPLICATION_NAME_LENGTH = 63;
/** Connector slugs are at most this long: a replication slot and publication keep all of the slug (and `<slug>-cdc` fits Kubernetes). */
export const MAX_CONNECTOR_SLUG_LENGTH = MAX_REPLICATION_NAME_LENGTH - REPLICATION_PREFIX.length;

/** A PostgreSQL connector's replication slot and publication: `debezium_<slug>`, unique as its slug is. */
function replicationName(connector: ConnectorIdentity): string {
  return `${REPLICATION_PREFIX}${connector.slug.replaceAll('-', '_')}`;
}
