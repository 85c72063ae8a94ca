import type { Mesh } from '../model';
import { defaultCdcTopicName } from '../model/connector-topics';
import { withTableCdc } from './cdc-streams';
import { withoutLinksAt } from './links';
import { withoutScenarioReferences, withScenarioTables } from './scenario-references';
import { withSystemUpdated } from './systems';
import { newTable } from './table-edits';

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

/** The document with a table renamed, and every reference to it: CDC topics, published events and scenario data. */
export function withSystemTableRenamed(mesh: Mesh, systemId: string, from: string, to: string): Mesh {
  if (from === to) return mesh;
  const rename = (table: string) => (table === from ? to : table);
  const renamed = withSystemUpdated(mesh, systemId, (system) => ({
    ...system,
    database: {
      ...system.database,
      tables: system.database.tables.map((table) => (table.name === from ? { ...table, name: to } : table)),
    },
    messaging: {
      ...system.messaging,
      topics: system.messaging.topics.map((topic) =>
        topic.source.kind === 'cdc' && topic.source.table === from
          ? {
              ...topic,
              // A stream named the way Debezium names it keeps following the table.
              name:
                topic.name === defaultCdcTopicName(system.database, from)
                  ? defaultCdcTopicName(system.database, to)
                  : topic.name,
              source: { kind: 'cdc', table: to },
            }
          : topic,
      ),
    },
    publishes: system.publishes.map((event) => ({ ...event, table: rename(event.table) })),
  }));
  return withScenarioTables(renamed, systemId, (entry) => ({ ...entry, table: rename(entry.table) }));
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
