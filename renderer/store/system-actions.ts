import type { ChildPlacement } from '../../shared/editing/child-nodes';
import { withoutSystemTable, withSystemTableAdded, withSystemTableRenamed } from '../../shared/editing/system-tables';
import { type SystemUpdate, withSystemAdded, withSystemUpdated } from '../../shared/editing/systems';
import { withoutTopic, withTopicAdded, withTopicMoved, withTopicUpdated } from '../../shared/editing/topics';
import type { Topic } from '../../shared/model';
import { addAndSelect } from './apply-edit';
import { type ChangeOptions, changeMesh } from './document-store';

/** Adds an operational system to a domain, selects it and returns its id. */
export function addSystem(placement: ChildPlacement): string | undefined {
  return addAndSelect((mesh) => withSystemAdded(mesh, placement));
}

/** Changes a system's own fields; tables and topics others refer to have their own actions below. */
export function updateSystem(id: string, update: SystemUpdate, options?: ChangeOptions): void {
  changeMesh((mesh) => withSystemUpdated(mesh, id, update), options);
}

export function addSystemTable(systemId: string): void {
  changeMesh((mesh) => withSystemTableAdded(mesh, systemId));
}

/** Renames a table and every reference to it: CDC topics, published events and scenario data. */
export function renameSystemTable(systemId: string, from: string, to: string, options?: ChangeOptions): void {
  changeMesh((mesh) => withSystemTableRenamed(mesh, systemId, from, to), options);
}

/** Removes a table with its CDC topics (their links and faults), its published events and its scenario data. */
export function removeSystemTable(systemId: string, name: string): void {
  changeMesh((mesh) => withoutSystemTable(mesh, systemId, name));
}

export function addTopic(systemId: string, source: Topic['source']['kind']): void {
  changeMesh((mesh) => withTopicAdded(mesh, systemId, source));
}

export function updateTopic(
  systemId: string,
  topicId: string,
  fields: Partial<Omit<Topic, 'id'>>,
  options?: ChangeOptions,
): void {
  changeMesh((mesh) => withTopicUpdated(mesh, systemId, topicId, fields), options);
}

/** Removes a topic, the links that read from it and the scenario faults injected into it. */
export function removeTopic(systemId: string, topicId: string): void {
  changeMesh((mesh) => withoutTopic(mesh, systemId, topicId));
}

export function moveTopic(systemId: string, topicId: string, offset: number): void {
  changeMesh((mesh) => withTopicMoved(mesh, systemId, topicId, offset));
}
