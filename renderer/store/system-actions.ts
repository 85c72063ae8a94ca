import {
  firstFreeName,
  type Mesh,
  type OperationalSystem,
  type SystemTable,
  slugify,
  type Topic,
  uniqueId,
} from '../../shared/model';
import { addChild, type ChildPlacement, type ChildUpdate, withChildUpdated } from './child-node-actions';
import { type ChangeOptions, changeMesh } from './document-store';
import { withoutLinksAt } from './link-actions';
import { moveBy, patched, updateById } from './list-edits';
import { withoutScenarioReferences, withScenarioTables } from './scenario-references';
import { newTable } from './table-edits';

/** A new system: a service, its database with one CDC-captured table, and that table's change stream. */
export function newSystem(id: string, domainId: string, name: string): OperationalSystem {
  const database = slugify(name).replace(/-/g, '_');
  const table: SystemTable = { ...newTable([]), name: 'items', cdc: true };
  return {
    id,
    domainId,
    name,
    description: '',
    service: { name },
    database: { engine: 'postgres', name: database, tables: [table] },
    messaging: { broker: 'kafka', topics: [newTopic([], database, { kind: 'cdc', table: table.name })] },
    publishes: [],
  };
}

export function newTopic(existing: readonly Topic[], database: string, source: Topic['source']): Topic {
  const stem = source.kind === 'cdc' ? `${database}.public.${source.table}` : `${database}.events.${source.event}`;
  const name = firstFreeName(
    stem,
    existing.map((topic) => topic.name),
  );
  const id = uniqueId(
    source.kind === 'cdc' ? `${source.table}-cdc` : slugify(source.event),
    new Set(existing.map((t) => t.id)),
  );
  return { id, name, partitions: 1, tombstones: source.kind === 'cdc', source };
}

/** Adds an operational system to a domain, selects it and returns its id. */
export function addSystem(placement: ChildPlacement): string | undefined {
  return addChild('systems', placement, 'service', (id, domain, name) => newSystem(id, domain.id, name));
}

export type SystemUpdate = ChildUpdate<OperationalSystem>;

export function withSystemUpdated(mesh: Mesh, id: string, update: SystemUpdate): Mesh {
  return withChildUpdated(mesh, 'systems', id, update);
}

/** Changes a system's own fields; tables and topics others refer to have their own actions below. */
export function updateSystem(id: string, update: SystemUpdate, options?: ChangeOptions): void {
  changeMesh((mesh) => withSystemUpdated(mesh, id, update), options);
}

export function addSystemTable(systemId: string): void {
  updateSystem(systemId, (system) => ({
    ...system,
    database: {
      ...system.database,
      tables: [...system.database.tables, { ...newTable(system.database.tables), cdc: true }],
    },
  }));
}

/** Renames a table and every reference to it: CDC topics, published events and scenario data. */
export function renameSystemTable(systemId: string, from: string, to: string, options?: ChangeOptions): void {
  if (from === to) return;
  const rename = (table: string) => (table === from ? to : table);
  changeMesh((mesh) => {
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
            ? { ...topic, source: { kind: 'cdc', table: to } }
            : topic,
        ),
      },
      publishes: system.publishes.map((event) => ({ ...event, table: rename(event.table) })),
    }));
    return withScenarioTables(renamed, systemId, (entry) => ({ ...entry, table: rename(entry.table) }));
  }, options);
}

/** Removes a table with its CDC topics (their links and faults), its published events and its scenario data. */
export function removeSystemTable(systemId: string, name: string): void {
  changeMesh((mesh) => {
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
    const withoutLinks = withoutLinksAt(
      withoutTable,
      (end) => end.nodeId === systemId && droppedTopics.has(end.portId),
    );
    const withoutFaults = withoutScenarioReferences(withoutLinks, { topics: { systemId, topicIds: droppedTopics } });
    return withScenarioTables(withoutFaults, systemId, (entry) => (entry.table === name ? null : entry));
  });
}

export function addTopic(systemId: string, source: Topic['source']['kind']): void {
  updateSystem(systemId, (system) => {
    const topics = system.messaging.topics;
    const firstTable = system.database.tables[0]?.name ?? 'items';
    const topic = newTopic(
      topics,
      system.database.name,
      source === 'cdc' ? { kind: 'cdc', table: firstTable } : { kind: 'outbox', event: 'Event' },
    );
    return { ...system, messaging: { ...system.messaging, topics: [...topics, topic] } };
  });
}

export function updateTopic(
  systemId: string,
  topicId: string,
  fields: Partial<Omit<Topic, 'id'>>,
  options?: ChangeOptions,
): void {
  updateSystem(
    systemId,
    (system) => {
      const topics = updateById(system.messaging.topics, topicId, (topic) => patched(topic, fields));
      return topics === system.messaging.topics ? system : { ...system, messaging: { ...system.messaging, topics } };
    },
    options,
  );
}

/** Removes a topic, the links that read from it and the scenario faults injected into it. */
export function removeTopic(systemId: string, topicId: string): void {
  changeMesh((mesh) => {
    const withoutTopic = withSystemUpdated(mesh, systemId, (system) => ({
      ...system,
      messaging: { ...system.messaging, topics: system.messaging.topics.filter((topic) => topic.id !== topicId) },
    }));
    const withoutLinks = withoutLinksAt(withoutTopic, (end) => end.nodeId === systemId && end.portId === topicId);
    return withoutScenarioReferences(withoutLinks, { topics: { systemId, topicIds: new Set([topicId]) } });
  });
}

export function moveTopic(systemId: string, topicId: string, offset: number): void {
  updateSystem(systemId, (system) => {
    const topics = system.messaging.topics;
    return {
      ...system,
      messaging: {
        ...system.messaging,
        topics: moveBy(
          topics,
          topics.findIndex((topic) => topic.id === topicId),
          offset,
        ),
      },
    };
  });
}
