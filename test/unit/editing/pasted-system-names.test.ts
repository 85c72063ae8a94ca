import { describe, expect, it } from 'vitest';
import { fragmentToText, pasteText } from '../../../shared/editing/clipboard-text';
import { copyFragment, pasteFragment } from '../../../shared/editing/mesh-fragment';
import { withSystemTableAdded, withSystemTableRenamed } from '../../../shared/editing/system-tables';
import { withSystemAdded, withSystemRenamed } from '../../../shared/editing/systems';
import { withTopicAdded } from '../../../shared/editing/topics';
import { exportRefusals } from '../../../shared/export';
import type { Mesh } from '../../../shared/model';
import { aMesh } from '../../builders/mesh-builder';

/** Front Office with `Opera PMS`, named as a user names a new system, with tables Bookings and Rate Plans and an outbox topic. */
function hotelWithOperaPms(): { mesh: Mesh; id: string } {
  const added = withSystemAdded(aMesh().withDomain('front-office', { name: 'Front Office' }).build(), {
    domainId: 'front-office',
  });
  if (!added) throw new Error('no system added');
  let mesh = withSystemRenamed(added.mesh, added.id, 'Opera PMS');
  mesh = withSystemTableRenamed(mesh, added.id, 'items', 'bookings');
  mesh = withSystemTableAdded(mesh, added.id);
  const added2 = mesh.systems[0]!.database.tables[1]!.name;
  mesh = withSystemTableRenamed(mesh, added.id, added2, 'rate_plans');
  mesh = withTopicAdded(mesh, added.id);
  return { mesh, id: added.id };
}

const topicNames = (mesh: Mesh) => mesh.systems.flatMap((system) => system.messaging.topics.map((topic) => topic.name));

/** `mesh` with the copied `text` pasted at each point in turn, as Ctrl+V does with the pointer there. */
function pastedAt(mesh: Mesh, text: string, points: readonly { x: number; y: number }[]): Mesh {
  let pasted = mesh;
  for (const at of points) {
    const result = pasteText(pasted, text, { at });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    pasted = result.value.mesh;
  }
  return pasted;
}

describe('a pasted or duplicated operational system', () => {
  it('takes its own service, database and topic names after its numbered name, so the design still exports', () => {
    const { mesh, id } = hotelWithOperaPms();
    expect(exportRefusals(mesh)).toEqual([]);
    const duplicated = pasteFragment(mesh, copyFragment(mesh, new Set([id])), 'beside-originals').mesh;
    const copy = duplicated.systems[1]!;
    expect(copy).toMatchObject({
      name: 'Opera PMS 2',
      service: { name: 'Opera PMS 2' },
      database: { name: 'opera_pms_2' },
    });
    expect(copy.messaging.topics.map((topic) => topic.name)).toEqual([
      'opera_pms_2.public.bookings',
      'opera_pms_2.public.rate_plans',
      'opera_pms_2.events.Event',
    ]);
    expect(exportRefusals(duplicated)).toEqual([]);
  });

  it('pasted twice at the pointer, each copy has names of its own and the design exports', () => {
    const { mesh, id } = hotelWithOperaPms();
    const text = fragmentToText(copyFragment(mesh, new Set([id])));
    const pasted = pastedAt(mesh, text, [
      { x: 900, y: 100 },
      { x: 900, y: 100 },
    ]);
    expect(pasted.systems.map((system) => [system.name, system.service.name, system.database.name])).toEqual([
      ['Opera PMS', 'Opera PMS', 'opera_pms'],
      ['Opera PMS 2', 'Opera PMS 2', 'opera_pms_2'],
      ['Opera PMS 3', 'Opera PMS 3', 'opera_pms_3'],
    ]);
    expect(new Set(topicNames(pasted)).size).toBe(9);
    expect(exportRefusals(pasted)).toEqual([]);
  });

  it('numbers service, database and topic names chosen by hand the way the system’s name is numbered', () => {
    const { mesh, id } = hotelWithOperaPms();
    const system = mesh.systems[0]!;
    system.service = { name: 'opera-api' };
    system.database.name = 'pms';
    system.messaging.topics = system.messaging.topics.map((topic) => ({
      ...topic,
      name: `hotel.${topic.source.kind === 'cdc' ? topic.source.table : 'events'}`,
    }));
    const duplicated = pasteFragment(mesh, copyFragment(mesh, new Set([id])), 'beside-originals').mesh;
    const copy = duplicated.systems[1]!;
    expect(copy).toMatchObject({ name: 'Opera PMS 2', service: { name: 'opera-api_2' }, database: { name: 'pms_2' } });
    expect(copy.messaging.topics.map((topic) => topic.name)).toEqual([
      'hotel.bookings_2',
      'hotel.rate_plans_2',
      'hotel.events_2',
    ]);
    expect(exportRefusals(duplicated)).toEqual([]);
  });

  it('numbers a service name chosen by hand with an underscore when pasted into another domain, where its own name stays', () => {
    const { mesh, id } = hotelWithOperaPms();
    mesh.systems[0]!.service = { name: 'opera-api' };
    mesh.domains.push({ ...mesh.domains[0]!, id: 'back-office', name: 'Back Office' });
    mesh.layout.nodes['back-office'] = { x: 2000, y: 0, width: 800, height: 400 };
    const pasted = pasteFragment(mesh, copyFragment(mesh, new Set([id])), { at: { x: 2200, y: 200 } }).mesh;
    expect(pasted.systems[1]).toMatchObject({
      domainId: 'back-office',
      name: 'Opera PMS',
      service: { name: 'opera-api_2' },
      database: { name: 'opera_pms_2' },
    });
  });

  it('keeps its names when pasted into a design that does not have them', () => {
    const { mesh, id } = hotelWithOperaPms();
    const other = aMesh().withDomain('ops', { name: 'Ops' }).build();
    const pasted = pasteFragment(other, copyFragment(mesh, new Set([id])), { at: { x: 0, y: 0 } }).mesh;
    expect(pasted.systems[0]).toMatchObject({
      name: 'Opera PMS',
      service: { name: 'Opera PMS' },
      database: { name: 'opera_pms' },
    });
    expect(topicNames(pasted)).toEqual(topicNames(mesh));
  });
});

describe('renaming a pasted or duplicated operational system', () => {
  /** Opera PMS pasted twice into Back Office: the first copy keeps its name, the second is `Opera PMS 2`. */
  function pastedTwiceIntoBackOffice(): Mesh {
    const { mesh, id } = hotelWithOperaPms();
    mesh.domains.push({ ...mesh.domains[0]!, id: 'back-office', name: 'Back Office' });
    mesh.layout.nodes['back-office'] = { x: 2000, y: 0, width: 800, height: 400 };
    return pastedAt(mesh, fragmentToText(copyFragment(mesh, new Set([id]))), [
      { x: 2200, y: 200 },
      { x: 2200, y: 200 },
    ]);
  }

  it('renames the service and database the paste numbered, as it does a new system’s', () => {
    const pasted = pastedTwiceIntoBackOffice();
    expect(pasted.systems.map((system) => [system.name, system.service.name, system.database.name])).toEqual([
      ['Opera PMS', 'Opera PMS', 'opera_pms'],
      ['Opera PMS', 'Opera PMS 2', 'opera_pms_2'],
      ['Opera PMS 2', 'Opera PMS 3', 'opera_pms_3'],
    ]);
    let renamed = withSystemRenamed(pasted, pasted.systems[1]!.id, 'Fees Ledger');
    renamed = withSystemRenamed(renamed, pasted.systems[2]!.id, 'Room Booking');
    expect(renamed.systems.map((system) => [system.name, system.service.name, system.database.name])).toEqual([
      ['Opera PMS', 'Opera PMS', 'opera_pms'],
      ['Fees Ledger', 'Fees Ledger', 'fees_ledger'],
      ['Room Booking', 'Room Booking', 'room_booking'],
    ]);
  });

  it('keeps a service name chosen by hand that only starts like the system’s', () => {
    const { mesh, id } = hotelWithOperaPms();
    mesh.systems[0]!.service = { name: 'Opera PMS Gateway' };
    expect(withSystemRenamed(mesh, id, 'Fees Ledger').systems[0]!.service.name).toBe('Opera PMS Gateway');
  });
});
