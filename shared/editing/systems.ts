import {
  firstFreeName,
  isStemOrNumbered,
  type Mesh,
  type OperationalSystem,
  type SystemTable,
  slugify,
  type Topic,
  uniqueId,
} from '../model';
import { defaultCdcTopicName, type NamedDatabase } from '../model/connector-topics';
import { type Added, type ChildPlacement, type ChildUpdate, withChildAdded, withChildUpdated } from './child-nodes';
import { numberedStem } from './copy-names';
import { newTable } from './table-edits';

/** The database name a system's name suggests: `Order Service` → `order_service`; `system` for `機内食 システム`. */
export function databaseNameFor(systemName: string): string {
  return slugify(systemName, 'system').replace(/-/g, '_');
}

/**
 * Whether `value` is still the name a system's name gave it (`nameFor` of it), numbered or not:
 * a copy's names are numbered clear of other systems', so `Opera PMS 2` may have `opera_pms_3`,
 * and a copy that kept its name in another domain `Opera PMS 2` for its service.
 */
function isNamedAfterSystem(
  value: string,
  systemName: string,
  nameFor: (systemName: string) => string,
  separator: string,
): boolean {
  const stems = [systemName, numberedStem(systemName, ' ')].filter((stem) => stem !== undefined);
  return stems.some((stem) => isStemOrNumbered(value, nameFor(stem), separator));
}

/** Whether a database still has the name a system's name gave it (`shop`, `shop_2`). */
function isDatabaseNamedAfter(databaseName: string, systemName: string): boolean {
  return isNamedAfterSystem(databaseName, systemName, databaseNameFor, '_');
}

/** Whether a service still has the name a system's name gave it (`Opera PMS`, `Opera PMS 2`). */
function isServiceNamedAfter(serviceName: string, systemName: string): boolean {
  return isNamedAfterSystem(serviceName, systemName, (name) => name, ' ');
}

/** The id a table's change stream gets by default: `items-cdc` (numbered where taken). */
export function cdcTopicIdStem(table: string): string {
  return slugify(`${table}-cdc`);
}

/** A new system: a service, its database with one CDC-captured table, and that table's change stream. */
export function newSystem(id: string, domainId: string, name: string): OperationalSystem {
  const database = databaseNameFor(name);
  const table: SystemTable = { ...newTable([]), name: 'items', cdc: true };
  return {
    id,
    domainId,
    name,
    description: '',
    service: { name },
    database: { engine: 'postgres', name: database, tables: [table] },
    messaging: {
      broker: 'kafka',
      topics: [newTopic([], { engine: 'postgres', name: database }, { kind: 'cdc', table: table.name })],
    },
    publishes: [],
  };
}

/** The name a topic gets by default: Debezium's for a change stream, `<database>.events.<event>` for published events. */
export function defaultTopicName(database: NamedDatabase, source: Topic['source']): string {
  return source.kind === 'cdc'
    ? defaultCdcTopicName(database, source.table)
    : `${database.name}.events.${source.event}`;
}

export function newTopic(existing: readonly Topic[], database: NamedDatabase, source: Topic['source']): Topic {
  const name = firstFreeName(
    defaultTopicName(database, source),
    existing.map((topic) => topic.name),
  );
  const id = uniqueId(
    source.kind === 'cdc' ? cdcTopicIdStem(source.table) : slugify(source.event),
    new Set(existing.map((t) => t.id)),
  );
  return { id, name, partitions: 1, tombstones: source.kind === 'cdc', source };
}

/** The document with a new operational system in a domain. */
export function withSystemAdded(mesh: Mesh, placement: ChildPlacement): Added | undefined {
  return withChildAdded(mesh, 'systems', placement, 'service', (id, domain, name) => newSystem(id, domain.id, name));
}

export type SystemUpdate = ChildUpdate<OperationalSystem>;

export function withSystemUpdated(mesh: Mesh, id: string, update: SystemUpdate): Mesh {
  return withChildUpdated(mesh, 'systems', id, update);
}

/**
 * The document with a system's database engine or name changed. Topics still carrying the name
 * the old database gave them by default take the new one's (`shop.public.items` becomes
 * `shop.shop.items` on MySQL); names the user chose stay.
 */
export function withSystemDatabaseChanged(mesh: Mesh, id: string, fields: Partial<NamedDatabase>): Mesh {
  return withSystemUpdated(mesh, id, (system) => withDatabase(system, fields));
}

function withDatabase(
  system: OperationalSystem,
  fields: Partial<NamedDatabase>,
  renameOther = (topic: Topic) => topic,
): OperationalSystem {
  const database = { ...system.database, ...fields };
  const renameTopic = (topic: Topic): Topic =>
    topic.name === defaultTopicName(system.database, topic.source)
      ? { ...topic, name: defaultTopicName(database, topic.source) }
      : renameOther(topic);
  return { ...system, database, messaging: { ...system.messaging, topics: system.messaging.topics.map(renameTopic) } };
}

/**
 * The document with a system renamed. Its service and database follow while they still carry the
 * names the old one gave them (a new system's `service` becomes `Payments` and `payments`), and so
 * do topic names built from the database name; names the user chose stay.
 */
export function withSystemRenamed(mesh: Mesh, id: string, name: string): Mesh {
  const otherDatabases = mesh.systems.filter((system) => system.id !== id).map((system) => system.database.name);
  return withSystemUpdated(mesh, id, (system) => systemRenamed(system, name, otherDatabases));
}

/**
 * A system renamed, its service, database and streams following as `withSystemRenamed` says. A
 * database that follows is numbered clear of `otherDatabases` (`system_2`): two systems whose names
 * suggest one database (no Latin letter in either) would otherwise share its topics.
 */
export function systemRenamed(
  system: OperationalSystem,
  name: string,
  otherDatabases: readonly string[] = [],
): OperationalSystem {
  if (system.name === name) return system;
  const database = isDatabaseNamedAfter(system.database.name, system.name)
    ? firstFreeName(databaseNameFor(name), otherDatabases, '_')
    : system.database.name;
  return {
    ...systemWithDatabaseNamed(system, database),
    name,
    service: isServiceNamedAfter(system.service.name, system.name) ? { ...system.service, name } : system.service,
  };
}

/** A system whose database is called `name`: topics named after the old name (by default, or by its prefix) take the new one. */
export function systemWithDatabaseNamed(system: OperationalSystem, name: string): OperationalSystem {
  if (system.database.name === name) return system;
  const renamePrefix = (topic: Topic): Topic =>
    topic.name.startsWith(`${system.database.name}.`)
      ? { ...topic, name: `${name}${topic.name.slice(system.database.name.length)}` }
      : topic;
  return withDatabase(system, { name }, renamePrefix);
}
