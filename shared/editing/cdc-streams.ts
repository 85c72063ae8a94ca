import type { Link, Mesh, OperationalSystem, Topic } from '../model';
import { withoutLinksAt } from './links';
import { systemById } from './mesh-index';
import { withoutScenarioReferences } from './scenario-references';
import { newTopic, withSystemUpdated } from './systems';

/**
 * One rule ties a table's CDC flag to the messaging: a table's change stream (a topic carrying
 * its CDC) exists exactly when CDC is on for it. Every edit of either side keeps them together.
 */

/** The topic carrying a table's change stream, if CDC is on. */
export function cdcTopicOf(system: OperationalSystem, table: string): Topic | undefined {
  return system.messaging.topics.find((topic) => topic.source.kind === 'cdc' && topic.source.table === table);
}

/** Tables whose CDC flag disagrees with the topics: on without a stream, or off with one. */
export function cdcMismatches(system: OperationalSystem): string[] {
  return system.database.tables
    .filter((table) => table.cdc !== (cdcTopicOf(system, table.name) !== undefined))
    .map((table) => table.name);
}

/** What turning a table's CDC off (or removing the table) takes with it: its stream and the links reading it. */
export interface StreamCascade {
  topics: Topic[];
  links: Link[];
}

export function streamCascade(mesh: Mesh, systemId: string, table: string): StreamCascade {
  const system = systemById(mesh, systemId);
  const topics = system ? system.messaging.topics.filter((topic) => isStreamOf(topic, table)) : [];
  const topicIds = new Set(topics.map((topic) => topic.id));
  const links = mesh.links.filter((link) => link.from.nodeId === systemId && topicIds.has(link.from.portId));
  return { topics, links };
}

function isStreamOf(topic: Topic, table: string): boolean {
  return topic.source.kind === 'cdc' && topic.source.table === table;
}

/**
 * The document with CDC on or off for a table, its stream following: on adds the table's topic
 * (named after the database, as Debezium names them); off removes the topic, the links reading
 * it and the scenario faults injected into it.
 */
export function withTableCdc(mesh: Mesh, systemId: string, table: string, isOn: boolean): Mesh {
  const system = systemById(mesh, systemId);
  const current = system?.database.tables.find((candidate) => candidate.name === table);
  if (!system || !current) return mesh;
  const topics = system.messaging.topics;
  const hasStream = topics.some((topic) => isStreamOf(topic, table));
  const flagged = withSystemUpdated(mesh, systemId, (node) => ({
    ...node,
    database: {
      ...node.database,
      tables: node.database.tables.map((candidate) =>
        candidate.name === table ? { ...candidate, cdc: isOn } : candidate,
      ),
    },
  }));
  if (isOn) {
    if (hasStream) return flagged;
    const topic = newTopic(topics, system.database, { kind: 'cdc', table });
    return withSystemUpdated(flagged, systemId, (node) => ({
      ...node,
      messaging: { ...node.messaging, topics: [...node.messaging.topics, topic] },
    }));
  }
  const dropped = new Set(topics.filter((topic) => isStreamOf(topic, table)).map((topic) => topic.id));
  if (dropped.size === 0) return flagged;
  const withoutStream = withSystemUpdated(flagged, systemId, (node) => ({
    ...node,
    messaging: { ...node.messaging, topics: node.messaging.topics.filter((topic) => !dropped.has(topic.id)) },
  }));
  const withoutLinks = withoutLinksAt(withoutStream, (end) => end.nodeId === systemId && dropped.has(end.portId));
  return withoutScenarioReferences(withoutLinks, { topics: { systemId, topicIds: dropped } });
}

/** The system with each table's CDC flag set from its topics: on exactly when a topic carries its stream. */
export function withCdcFlagsFromTopics(system: OperationalSystem): OperationalSystem {
  if (cdcMismatches(system).length === 0) return system;
  return {
    ...system,
    database: {
      ...system.database,
      tables: system.database.tables.map((table) => ({
        ...table,
        cdc: system.messaging.topics.some((topic) => isStreamOf(topic, table.name)),
      })),
    },
  };
}

/** Tables a topic may carry the change stream of: those without one, and the one it carries now. */
export function tablesFreeForStream(system: OperationalSystem, topicId?: string): string[] {
  return system.database.tables
    .map((table) => table.name)
    .filter((table) => {
      const stream = cdcTopicOf(system, table);
      return !stream || stream.id === topicId;
    });
}
