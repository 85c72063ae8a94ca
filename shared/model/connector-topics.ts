import { hasConnector } from './connected-system';
import { type DebeziumEngine, debeziumEngineId, debeziumSource } from './database-engine';
import type { OperationalSystem, Topic } from './operational-system';

/*
 * How a system's Debezium connector names what it captures: its topic prefix, and each table's
 * schema and name as the database spells them. The simulation's records (`source.name`,
 * `source.schema`, `source.table`, the transaction topic) and the Strimzi export
 * (`topic.prefix`, `table.include.list`, the topics it renames) both read them from here, so
 * what the simulation shows is what the exported connector writes.
 */

/** The table a service writes its events to, which the connector captures and its event router turns into events. */
export const OUTBOX_TABLE = 'outbox';

/** A table as Debezium names it: `{schema: 'APP', table: 'BOOKINGS'}`; no schema on engines without them. */
export interface CapturedTableName {
  schema?: string;
  table: string;
}

/** The simulator's own engine, for a database Debezium has no connector for: tables by database, no schemas. */
const SIMULATOR_ENGINE: DebeziumEngine = { connector: 'sqlite', qualifiers: 'database' };

/** A system's database, as far as naming its topics goes. */
export type NamedDatabase = Pick<OperationalSystem['database'], 'engine' | 'name'>;

export function connectorEngine(system: OperationalSystem): DebeziumEngine {
  return engineOf(system.database);
}

function engineOf(database: Pick<NamedDatabase, 'engine'>): DebeziumEngine {
  const engine = debeziumEngineId(database.engine);
  return engine ? debeziumSource(engine) : SIMULATOR_ENGINE;
}

/** Debezium replaces each UTF-16 unit Kafka refuses in a topic name by `_` (`order lines` → `order_lines`). */
export function topicSafe(name: string): string {
  return name.replace(/[^a-zA-Z0-9._-]/g, '_');
}

/** What a CDC topic named `<prefix>[.<database>][.<schema>].<table>` says of its table, if it is named so. */
interface TopicReading {
  prefix: string;
  schema?: string;
}

/**
 * Reads a topic as Debezium would have named it, if it would have: the table as the engine keeps
 * it, exactly (Debezium writes an unquoted Oracle table `bookings` as `BOOKINGS`, never otherwise).
 */
function readTopicName(system: OperationalSystem, topicName: string, tableName: string): TopicReading | undefined {
  const engine = connectorEngine(system);
  const tail = `.${topicSafe(storedName(system.database, tableName))}`;
  if (topicName.length <= tail.length || !topicName.endsWith(tail)) return undefined;
  const segments = topicName.slice(0, -tail.length).split('.');
  if (segments.some((segment) => segment.length === 0)) return undefined;
  // The segment before the table is its schema (or database); before that, SQL Server's database may stand.
  const qualifier = segments.length > 1 ? segments.pop() : undefined;
  if (
    engine.qualifiers === 'database.schema' &&
    segments.length > 1 &&
    segments.at(-1) === topicSafe(system.database.name)
  ) {
    segments.pop();
  }
  const schema = engine.qualifiers === 'database' ? undefined : qualifier;
  return { prefix: segments.join('.'), ...(schema !== undefined && { schema }) };
}

function cdcTopicsOf(system: OperationalSystem): Topic[] {
  const flagged = new Set(system.database.tables.filter((table) => table.cdc).map((table) => table.name));
  return system.messaging.topics.filter((topic) => topic.source.kind === 'cdc' && flagged.has(topic.source.table));
}

/**
 * A captured table's schema and name as Debezium gives them: the schema read off its CDC topic
 * where that follows Debezium's rule (`bookdb.APP.BOOKINGS` → `APP`); else the schema the
 * system's other topics name (an outbox table lives with the tables it is written with), else
 * the engine's default; the table's name as the engine keeps it (see `storedName`).
 */
export function capturedTableName(system: OperationalSystem, tableName: string): CapturedTableName {
  const readings = topicReadings(system);
  const own = readings.find((reading) => reading.tableName === tableName);
  const schema =
    own?.schema ?? readings.find((reading) => reading.schema !== undefined)?.schema ?? defaultSchema(system.database);
  return { ...(schema !== undefined && { schema }), table: storedName(system.database, tableName) };
}

/**
 * A table's or column's name as the engine keeps it, and so as Debezium names it in topics and
 * change records: unquoted names in capitals on Oracle and Db2 (`bookings` → `BOOKINGS`).
 */
export function storedName(database: Pick<NamedDatabase, 'engine'>, identifier: string): string {
  const isUnquoted = /^[A-Za-z][A-Za-z0-9_$#]*$/.test(identifier);
  return engineOf(database).foldsToCapitals && isUnquoted ? identifier.toUpperCase() : identifier;
}

/** What the system's CDC topics named by Debezium's rule say, in the design's order. */
function topicReadings(system: OperationalSystem): (TopicReading & { tableName: string })[] {
  return cdcTopicsOf(system).flatMap((topic) => {
    const tableName = (topic.source as { table: string }).table;
    const reading = readTopicName(system, topic.name, tableName);
    return reading ? [{ ...reading, tableName }] : [];
  });
}

function defaultSchema(database: NamedDatabase): string | undefined {
  const engine = engineOf(database);
  if (engine.qualifiers === 'database') return undefined;
  return engine.defaultSchema === 'database' ? database.name.toUpperCase() : engine.defaultSchema;
}

/** Debezium's transaction topic of a connector: `<topic.prefix>.<topic.transaction>`, the suffix's default `transaction`. */
export const TRANSACTION_TOPIC_SUFFIX = 'transaction';

export function transactionTopicName(topicPrefix: string): string {
  return `${topicPrefix}.${TRANSACTION_TOPIC_SUFFIX}`;
}

/** The topic Debezium writes a table's changes to: `<prefix>.<schema>.<table>`, `<prefix>.<database>.<table>`, … */
export function debeziumTopicName(system: OperationalSystem, prefix: string, tableName: string): string {
  return topicNameOf(system.database, prefix, capturedTableName(system, tableName));
}

/**
 * The name a table's change stream gets by default: Debezium's, with the database's name for
 * prefix and the table in the engine's default schema. `shop.public.orders` (PostgreSQL),
 * `shop.shop.orders` (MySQL, MariaDB, MongoDB, and engines Debezium has no connector for, which
 * the simulator names by database), `shop.shop.dbo.orders` (SQL Server), `shop.SHOP.ORDERS`
 * (Oracle), `shop.DB2INST1.ORDERS` (Db2).
 */
export function defaultCdcTopicName(database: NamedDatabase, tableName: string): string {
  const schema = defaultSchema(database);
  const table = storedName(database, tableName);
  return topicNameOf(database, database.name, { ...(schema !== undefined && { schema }), table });
}

function topicNameOf(database: NamedDatabase, prefix: string, { schema, table }: CapturedTableName): string {
  const databaseName = engineOf(database).qualifiers === 'schema' ? [] : [database.name];
  return topicSafe([prefix, ...databaseName, ...(schema === undefined ? [] : [schema]), table].join('.'));
}

/** The prefix a system's design asks for: read off its first CDC topic named by Debezium's rule, else its database's name. */
function preferredTopicPrefix(system: OperationalSystem): string {
  return topicReadings(system)[0]?.prefix ?? topicSafe(system.database.name);
}

/**
 * Each connected system's (see connected-system.ts) connector topic prefix, by system id, unique among the connectors as Debezium
 * asks: a prefix names a connector's schema change, transaction and heartbeat topics and its
 * metrics, so two connectors sharing one would mix them. In the design's order, a system keeps
 * its preferred prefix unless an earlier one took it; then its id is its prefix (numbered if
 * needed), and the exported connector renames its topics to the design's names. Kafka takes `.`
 * and `_` for one character in topic names, so prefixes differing only there clash too.
 */
export function connectorTopicPrefixes(systems: readonly OperationalSystem[]): ReadonlyMap<string, string> {
  const taken = new Set<string>();
  const isFree = (prefix: string) => !taken.has(prefix.replaceAll('.', '_'));
  const prefixes = new Map<string, string>();
  for (const system of systems) {
    if (!hasConnector(system)) continue;
    const own = topicSafe(system.id);
    let prefix = preferredTopicPrefix(system);
    if (!isFree(prefix)) prefix = own;
    for (let suffix = 2; !isFree(prefix); suffix++) prefix = `${own}-${suffix}`;
    taken.add(prefix.replaceAll('.', '_'));
    prefixes.set(system.id, prefix);
  }
  return prefixes;
}
