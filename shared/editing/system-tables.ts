import { isStemOrNumbered, type Mesh, uniqueId } from '../model';
import { defaultCdcTopicName } from '../model/connector-topics';
import { withTableCdc } from './cdc-streams';
import { withoutLinksAt } from './links';
import { withoutScenarioReferences, withScenarioTables } from './scenario-references';
import { cdcTopicIdStem, withSystemUpdated } from './systems';
import { newTable } from './table-edits';
import { withTopicReferencesMoved } from './topics';

/** The document with a new CDC-captured table in a system's database, and its change stream. */
export function withSystemTableAdded(mesh: Mesh, systemId: string): Mesh {
  const system = mesh.systems.find((candidate) => candidate.id === systemId);
  if (!system) return mesh;
  const table = newTable(system.database.tables);
  const added = withSystemUpdated(mesh, systemId, {
    database: { ...system.database, tables: [...system.database.tables, { ...table, cdc: false }] },
  });
  return withTableCdc(added, systemId, table.name, true);
}

/**
 * The document with a table renamed, and every reference to it: CDC topics, published events and
 * scenario data. A stream still named by default follows the table's new name; its id follows
 * too while it is still the one the table's old name gave it (`items-cdc` becomes `animals-cdc`),
 * links and faults naming it along: an id the user chose, or the id of a stream the user named
 * (others may know it by that name), stays.
 */
export function withSystemTableRenamed(mesh: Mesh, systemId: string, from: string, to: string): Mesh {
  const system = mesh.systems.find((candidate) => candidate.id === systemId);
  if (from === to || !system) return mesh;
  const rename = (table: string) => (table === from ? to : table);
  const movedIds = new Map<string, string>();
  const takenIds = new Set(system.messaging.topics.map((topic) => topic.id));
  const topics = system.messaging.topics.map((topic) => {
    if (topic.source.kind !== 'cdc' || topic.source.table !== from) return topic;
    // A stream named the way Debezium names it keeps following the table.
    const isNamedByDefault = topic.name === defaultCdcTopicName(system.database, from);
    if (!isNamedByDefault) return { ...topic, source: { kind: 'cdc' as const, table: to } };
    let id = topic.id;
    if (isStemOrNumbered(topic.id, cdcTopicIdStem(from))) {
      takenIds.delete(topic.id);
      id = uniqueId(cdcTopicIdStem(to), takenIds);
      takenIds.add(id);
      if (id !== topic.id) movedIds.set(topic.id, id);
    }
    return {
      ...topic,
      id,
      name: defaultCdcTopicName(system.database, to),
      source: { kind: 'cdc' as const, table: to },
    };
  });
  const renamed = withSystemUpdated(mesh, systemId, {
    database: {
      ...system.database,
      tables: system.database.tables.map((table) => (table.name === from ? { ...table, name: to } : table)),
    },
    messaging: { ...system.messaging, topics },
    publishes: system.publishes.map((event) => ({ ...event, table: rename(event.table) })),
  });
  const referencesMoved = [...movedIds].reduce(
    (moved, [oldId, newId]) => withTopicReferencesMoved(moved, systemId, oldId, newId),
    renamed,
  );
  return withScenarioTables(referencesMoved, systemId, (entry) => ({ ...entry, table: rename(entry.table) }));
}

/** The document without a table, its CDC topics (their links and faults), its published events and its scenario data. */
export function withoutSystemTable(mesh: Mesh, systemId: string, name: string): Mesh {
  const system = mesh.systems.find((candidate) => candidate.id === systemId);
  if (!system) return mesh;
  const droppedTopics = new Set(
    system.messaging.topics
      .filter((topic) => topic.source.kind === 'cdc' && topic.source.table === name)
      .map((topic) => topic.id),
  );
  const withoutTable = withSystemUpdated(mesh, systemId, {
    database: { ...system.database, tables: system.database.tables.filter((table) => table.name !== name) },
    messaging: {
      ...system.messaging,
      topics: system.messaging.topics.filter((topic) => !droppedTopics.has(topic.id)),
    },
    publishes: system.publishes.filter((event) => event.table !== name),
  });
  const withoutLinks = withoutLinksAt(withoutTable, (end) => end.nodeId === systemId && droppedTopics.has(end.portId));
  const withoutFaults = withoutScenarioReferences(withoutLinks, { topics: { systemId, topicIds: droppedTopics } });
  return withScenarioTables(withoutFaults, systemId, (entry) => (entry.table === name ? null : entry));
}
