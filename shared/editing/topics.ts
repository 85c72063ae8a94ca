import { type Endpoint, firstFreeName, isTopicFault, type Mesh, type Topic } from '../model';
import { tablesFreeForStream, withCdcFlagsFromTopics } from './cdc-streams';
import { withoutLinksAt } from './links';
import { moveBy, patched, updateById } from './list-edits';
import { withoutScenarioReferences } from './scenario-references';
import { newTopic, withSystemUpdated } from './systems';

/**
 * The document with a new topic for events the service publishes (`Event`, `Event2`…): change
 * streams come and go with each table's CDC flag instead.
 */
export function withTopicAdded(mesh: Mesh, systemId: string): Mesh {
  return withSystemUpdated(mesh, systemId, (system) => {
    const topics = system.messaging.topics;
    const events = topics.flatMap((topic) => (topic.source.kind === 'outbox' ? [topic.source.event] : []));
    const event = firstFreeName('Event', events, '');
    const topic = newTopic(topics, system.database, { kind: 'outbox', event });
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
    const source = fields.source;
    if (source?.kind === 'cdc' && !tablesFreeForStream(system, topicId).includes(source.table)) return system;
    const topics = updateById(system.messaging.topics, topicId, (topic) => patched(topic, fields));
    if (topics === system.messaging.topics) return system;
    return withCdcFlagsFromTopics({ ...system, messaging: { ...system.messaging, topics } });
  });
}

/**
 * The document without a topic, the links that read from it and the scenario faults injected into
 * it; without its stream, a table's CDC is off.
 */
export function withoutTopic(mesh: Mesh, systemId: string, topicId: string): Mesh {
  const withoutIt = withSystemUpdated(mesh, systemId, (system) =>
    withCdcFlagsFromTopics({
      ...system,
      messaging: { ...system.messaging, topics: system.messaging.topics.filter((topic) => topic.id !== topicId) },
    }),
  );
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

/** The document with links and scenario faults that name a system's topic `from` naming it `to` instead. */
export function withTopicReferencesMoved(mesh: Mesh, systemId: string, from: string, to: string): Mesh {
  const moved = (end: Endpoint): Endpoint =>
    end.nodeId === systemId && end.portId === from ? { ...end, portId: to } : end;
  return {
    ...mesh,
    links: mesh.links.map((link) => ({ ...link, from: moved(link.from), to: moved(link.to) })),
    scenarios: mesh.scenarios.map((scenario) =>
      scenario.faults
        ? {
            ...scenario,
            faults: scenario.faults.map((fault) =>
              isTopicFault(fault) && fault.systemId === systemId && fault.topicId === from
                ? { ...fault, topicId: to }
                : fault,
            ),
          }
        : scenario,
    ),
  };
}
