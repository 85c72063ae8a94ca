import type { Mesh, Topic } from '../model';
import { withoutLinksAt } from './links';
import { moveBy, patched, updateById } from './list-edits';
import { withoutScenarioReferences } from './scenario-references';
import { newTopic, withSystemUpdated } from './systems';

/** The document with a new CDC or outbox topic on a system. */
export function withTopicAdded(mesh: Mesh, systemId: string, source: Topic['source']['kind']): Mesh {
  return withSystemUpdated(mesh, systemId, (system) => {
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

export function withTopicUpdated(
  mesh: Mesh,
  systemId: string,
  topicId: string,
  fields: Partial<Omit<Topic, 'id'>>,
): Mesh {
  return withSystemUpdated(mesh, systemId, (system) => {
    const topics = updateById(system.messaging.topics, topicId, (topic) => patched(topic, fields));
    return topics === system.messaging.topics ? system : { ...system, messaging: { ...system.messaging, topics } };
  });
}

/** The document without a topic, the links that read from it and the scenario faults injected into it. */
export function withoutTopic(mesh: Mesh, systemId: string, topicId: string): Mesh {
  const withoutIt = withSystemUpdated(mesh, systemId, (system) => ({
    ...system,
    messaging: { ...system.messaging, topics: system.messaging.topics.filter((topic) => topic.id !== topicId) },
  }));
  const withoutLinks = withoutLinksAt(withoutIt, (end) => end.nodeId === systemId && end.portId === topicId);
  return withoutScenarioReferences(withoutLinks, { topics: { systemId, topicIds: new Set([topicId]) } });
}

export function withTopicMoved(mesh: Mesh, systemId: string, topicId: string, offset: number): Mesh {
  return withSystemUpdated(mesh, systemId, (system) => {
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
