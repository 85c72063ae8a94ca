import { describe, expect, it } from 'vitest';
import type { LogMessage } from '../../../shared/simulation/broker-log';
import { aScenario, aShopMesh, PREDICTABLE_ITEMS, simulate } from './builders';

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

  it('as a create at the create’s change_lsn and event_serial_no on SQL Server, made at the fault’s tick', async () => {
    const [create, faulty] = await createThenNullFieldFault('sqlserver');

    expect(faulty?.value).toMatchObject({
      op: 'c',
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

describe('a null-field fault’s record keeps the op of the change it re-sends', () => {
  /** The items topic's records after `scenario` runs to tick 3 on PostgreSQL under REPLICA IDENTITY FULL. */
  async function recordsOf(scenario: ReturnType<ReturnType<typeof aScenario>['build']>) {
    const simulation = await simulate(aShopMesh({ replicaIdentity: 'full' }).build(), scenario, { recentMessages: 3 });
    const recent = simulation.step(3).logs['shop/items-cdc']?.recent ?? [];
    simulation.dispose();
    return recent.map((message) => {
      const { op, before, after, source } = message.value as Record<string, unknown> & { source: { snapshot: string } };
      return { op, before, after, snapshot: source.snapshot };
    });
  }
  const nameNulledAt = (tick: number) =>
    ({ kind: 'null-field', tick, systemId: 'shop', topicId: 'items-cdc', column: 'name' }) as const;

  it('re-sends a create as a create (op c, no before image)', async () => {
    const scenario = aScenario()
      .at(1, 'shop', 'items', 'insert', { values: { id: 1, name: 'Lamp', price: 20, status: 'new' } })
      .withFault(nameNulledAt(2))
      .build();

    expect(await recordsOf(scenario)).toEqual([
      { op: 'c', before: null, after: { id: 1, name: 'Lamp', price: 20, status: 'new' }, snapshot: 'false' },
      { op: 'c', before: null, after: { id: 1, name: null, price: 20, status: 'new' }, snapshot: 'false' },
    ]);
  });

  it('re-sends a snapshot read as a read (op r), with its snapshot marker', async () => {
    const scenario = aScenario().withData('shop', 'items', 1, PREDICTABLE_ITEMS).withFault(nameNulledAt(1)).build();

    expect(await recordsOf(scenario)).toEqual([
      { op: 'r', before: null, after: { id: 1, name: 'lamp', price: 9.5, status: 'new' }, snapshot: 'last' },
      { op: 'r', before: null, after: { id: 1, name: null, price: 9.5, status: 'new' }, snapshot: 'last' },
    ]);
  });

  it('re-sends an update as an update, with its before image', async () => {
    const scenario = aScenario()
      .at(1, 'shop', 'items', 'insert', { values: { id: 1, name: 'Lamp', price: 20, status: 'new' } })
      .at(2, 'shop', 'items', 'update', { values: { price: 12 }, where: { id: 1 } })
      .withFault(nameNulledAt(3))
      .build();

    expect(await recordsOf(scenario)).toEqual([
      { op: 'c', before: null, after: { id: 1, name: 'Lamp', price: 20, status: 'new' }, snapshot: 'false' },
      {
        op: 'u',
        before: { id: 1, name: 'Lamp', price: 20, status: 'new' },
        after: { id: 1, name: 'Lamp', price: 12, status: 'new' },
        snapshot: 'false',
      },
      {
        op: 'u',
        before: { id: 1, name: 'Lamp', price: 12, status: 'new' },
        after: { id: 1, name: null, price: 12, status: 'new' },
        snapshot: 'false',
      },
    ]);
  });
});
