import { describe, expect, it } from 'vitest';
import type { LogMessage } from '../../../shared/simulation/broker-log';
import { aScenario, aShopMesh, simulate } from './builders';

type Engine = 'postgres' | 'mysql' | 'mariadb' | 'sqlserver' | 'oracle' | 'db2';

const sourceOf = (message: LogMessage | undefined) =>
  (message?.value as { source: Record<string, unknown> } | null)?.source;

/** The create of row 1 at tick 1, then a null-field fault on `name` at tick 2: the topic's two records. */
async function createThenNullFieldFault(engine: Engine): Promise<LogMessage[]> {
  const mesh = aShopMesh({ replicaIdentity: 'full' }).build();
  for (const system of mesh.systems) system.database = { ...system.database, engine };
  const scenario = aScenario()
    .at(1, 'shop', 'items', 'insert', { values: { id: 1, name: 'Lamp', price: 20, status: 'new' } })
    .withFault({ kind: 'null-field', tick: 2, systemId: 'shop', topicId: 'items-cdc', column: 'name' })
    .build();
  const simulation = await simulate(mesh, scenario, { recentMessages: 2 });
  const recent = simulation.step(3).logs['shop/items-cdc']?.recent ?? [];
  simulation.dispose();
  return recent;
}

describe('a null-field fault’s record re-sends the row’s last change record', () => {
  it.each([
    ['postgres', '["2","4"]'],
    ['mysql', '1'],
    ['mariadb', '1'],
    ['sqlserver', '1'],
    ['oracle', '1'],
    ['db2', '1'],
  ] as const)('on %s, keeping its source.sequence (%s, the create’s)', async (engine, sequence) => {
    const [create, faulty] = await createThenNullFieldFault(engine);

    expect(sourceOf(create)?.sequence).toBe(sequence);
    expect(sourceOf(faulty)?.sequence).toBe(sequence);
  });

  it('as an update at the create’s change_lsn and event_serial_no on SQL Server, made at the fault’s tick', async () => {
    const [create, faulty] = await createThenNullFieldFault('sqlserver');

    expect(faulty?.value).toMatchObject({
      op: 'u',
      after: { name: null },
      source: { change_lsn: sourceOf(create)?.change_lsn, sequence: '1', event_serial_no: 1 },
    });
    expect(sourceOf(faulty)?.ts_ms).toBe(Number(sourceOf(create)?.ts_ms) + 60_000);
  });

  it('keeps an update’s place through a second fault on SQL Server, which re-sends the first fault’s record', async () => {
    const mesh = aShopMesh({ replicaIdentity: 'full' }).build();
    for (const system of mesh.systems) system.database = { ...system.database, engine: 'sqlserver' };
    const scenario = aScenario()
      .at(1, 'shop', 'items', 'insert', { values: { id: 1, name: 'Lamp', price: 20, status: 'new' } })
      .at(2, 'shop', 'items', 'update', { values: { price: 12 }, where: { id: 1 } })
      .withFault({ kind: 'null-field', tick: 3, systemId: 'shop', topicId: 'items-cdc', column: 'name' })
      .withFault({ kind: 'null-field', tick: 4, systemId: 'shop', topicId: 'items-cdc', column: 'status' })
      .build();
    const simulation = await simulate(mesh, scenario, { recentMessages: 3 });
    const [update, ...faulty] = simulation.step(5).logs['shop/items-cdc']?.recent ?? [];
    simulation.dispose();
    const place = (message: LogMessage | undefined) => {
      const source = sourceOf(message);
      return { sequence: source?.sequence, change_lsn: source?.change_lsn, event_serial_no: source?.event_serial_no };
    };

    expect(place(update)).toEqual({ sequence: '2', change_lsn: expect.any(String), event_serial_no: 2 });
    expect(faulty.map(place)).toEqual([place(update), place(update)]);
  });
});
