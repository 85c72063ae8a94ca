import {
  firstFreeName,
  type Mesh,
  type OperationalSystem,
  type SystemTable,
  slugify,
  type Topic,
  uniqueId,
} from '../model';
import { type Added, type ChildPlacement, type ChildUpdate, withChildAdded, withChildUpdated } from './child-nodes';
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

/** The document with a new operational system in a domain. */
export function withSystemAdded(mesh: Mesh, placement: ChildPlacement): Added | undefined {
  return withChildAdded(mesh, 'systems', placement, 'service', (id, domain, name) => newSystem(id, domain.id, name));
}

export type SystemUpdate = ChildUpdate<OperationalSystem>;

export function withSystemUpdated(mesh: Mesh, id: string, update: SystemUpdate): Mesh {
  return withChildUpdated(mesh, 'systems', id, update);
}
