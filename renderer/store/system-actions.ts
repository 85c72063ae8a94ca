import { type StreamCascade, streamCascade, withTableCdc } from '../../shared/editing/cdc-streams';
import type { ChildPlacement } from '../../shared/editing/child-nodes';
import { withoutSystemTable, withSystemTableAdded, withSystemTableRenamed } from '../../shared/editing/system-tables';
import {
  type SystemUpdate,
  withSystemAdded,
  withSystemDatabaseChanged,
  withSystemRenamed,
  withSystemUpdated,
} from '../../shared/editing/systems';
import { withoutTopic, withTopicAdded, withTopicMoved, withTopicUpdated } from '../../shared/editing/topics';
import type { Topic } from '../../shared/model';
import type { NamedDatabase } from '../../shared/model/connector-topics';
import { addAndSelect } from './apply-edit';
import { type ChangeOptions, changeMesh, currentMesh } from './document-store';
import { announceEdit } from './notice-store';

/** Adds an operational system to a domain, selects it and returns its id. */
export function addSystem(placement: ChildPlacement): string | undefined {
  return addAndSelect((mesh) => withSystemAdded(mesh, placement));
}

/** Changes a system's own fields; tables and topics others refer to have their own actions below. */
export function updateSystem(id: string, update: SystemUpdate, options?: ChangeOptions): void {
  changeMesh((mesh) => withSystemUpdated(mesh, id, update), options);
}

/** Renames a system; its service, database and topic names follow while they still carry the old name. */
export function renameSystem(id: string, name: string, options?: ChangeOptions): void {
  changeMesh((mesh) => withSystemRenamed(mesh, id, name), options);
}

/** Changes a system's database engine or name; its topics still named by default follow. */
export function changeSystemDatabase(id: string, fields: Partial<NamedDatabase>, options?: ChangeOptions): void {
  changeMesh((mesh) => withSystemDatabaseChanged(mesh, id, fields), options);
}

/** What turning off a table's CDC (or removing it) would take with it, to ask before and announce after. */
export function cascadeOfTable(systemId: string, table: string): StreamCascade {
  const mesh = currentMesh();
  return mesh ? streamCascade(mesh, systemId, table) : { topics: [], links: [] };
}

/** How a cascade reads: `its change stream shop.public.items and 2 links`. */
export function describeCascade(cascade: StreamCascade): string {
  const topics = cascade.topics.map((topic) => topic.name).join(', ');
  const links = cascade.links.length === 1 ? '1 link' : `${cascade.links.length} links`;
  if (cascade.topics.length === 0) return 'nothing else';
  return cascade.links.length > 0 ? `its change stream ${topics} and ${links}` : `its change stream ${topics}`;
}

/**
 * Turns CDC on or off for a table; its change stream follows (on adds the topic, off removes it
 * with the links reading it). What went with it is announced, with Undo.
 */
export function setTableCdc(systemId: string, table: string, isOn: boolean): void {
  const cascade = cascadeOfTable(systemId, table);
  changeMesh((mesh) => withTableCdc(mesh, systemId, table, isOn));
  if (!isOn && cascade.topics.length > 0) announceEdit(`CDC is off for ${table}: removed ${describeCascade(cascade)}.`);
}

export function addSystemTable(systemId: string): void {
  changeMesh((mesh) => withSystemTableAdded(mesh, systemId));
}

/** Renames a table and every reference to it: CDC topics, published events and scenario data. */
export function renameSystemTable(systemId: string, from: string, to: string, options?: ChangeOptions): void {
  changeMesh((mesh) => withSystemTableRenamed(mesh, systemId, from, to), options);
}

/**
 * Removes a table with its CDC topics (their links and faults), its published events and its
 * scenario data; what went with it is announced, with Undo.
 */
export function removeSystemTable(systemId: string, name: string): void {
  const cascade = cascadeOfTable(systemId, name);
  changeMesh((mesh) => withoutSystemTable(mesh, systemId, name));
  if (cascade.topics.length > 0) announceEdit(`Removed table ${name} with ${describeCascade(cascade)}.`);
}

/** Adds a topic for events the service publishes; change streams follow the tables' CDC flags. */
export function addTopic(systemId: string): void {
  changeMesh((mesh) => withTopicAdded(mesh, systemId));
}

export function updateTopic(
  systemId: string,
  topicId: string,
  fields: Partial<Omit<Topic, 'id'>>,
  options?: ChangeOptions,
): void {
  changeMesh((mesh) => withTopicUpdated(mesh, systemId, topicId, fields), options);
}

/** Removes a topic, the links that read from it and the scenario faults injected into it; a stream takes its table's CDC with it. */
export function removeTopic(systemId: string, topicId: string): void {
  const links =
    currentMesh()?.links.filter((link) => link.from.nodeId === systemId && link.from.portId === topicId) ?? [];
  changeMesh((mesh) => withoutTopic(mesh, systemId, topicId));
  if (links.length > 0)
    announceEdit(`Removed the topic and ${links.length === 1 ? '1 link' : `${links.length} links`} reading it.`);
}

export function moveTopic(systemId: string, topicId: string, offset: number): void {
  changeMesh((mesh) => withTopicMoved(mesh, systemId, topicId, offset));
}
