import { describe, expect, it } from 'vitest';
import { parseMeshFile } from '../../../shared/contracts/contract-text';
import { serializeMesh } from '../../../shared/model/mesh-file';
import type { LogMessage } from '../../../shared/simulation/broker-log';
import { traceChange } from '../../../shared/simulation/change-trace';
import { nullFieldFaultOf } from '../../../shared/simulation/fault-made-record';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { aScenario, aShopMesh, PREDICTABLE_ITEMS, rowsOf, simulate } from './builders';

const lamp = { id: 1, name: 'lamp', price: 9.5, status: 'new' };
const keyOnly = { id: 1, name: null, price: null, status: null };

/** What a record says of the row: its key, its envelope's images and op, and its Kafka headers. */
function images(message: LogMessage) {
  const value = message.value as { before: unknown; after: unknown; op: string } | null;
  return {
    key: message.key,
    ...(value ? { before: value.before, after: value.after, op: value.op } : { value: null }),
    ...(message.headers && { headers: message.headers }),
  };
}

async function recordsAfterOneLamp(
  replicaIdentity: 'default' | 'full' | 'not set',
  change: ReturnType<typeof aScenario>,
): Promise<ReturnType<typeof images>[]> {
  const mesh = aShopMesh({ tombstones: true, replicaIdentity }).build();
  const simulation = await simulate(mesh, change.withData('shop', 'items', 1, PREDICTABLE_ITEMS).build(), {
    recentMessages: 10,
  });
  simulation.step(1);
  const recent = simulation.step(2).logs['shop/items-cdc']?.recent ?? [];
  // The lamp's snapshot record comes first.
  return recent.slice(1).map(images);
}

const updateThenDelete = () =>
  aScenario()
    .at(1, 'shop', 'items', 'update', { values: { price: 12 }, where: { id: 1 } })
    .at(2, 'shop', 'items', 'delete', { where: { id: 1 } });

describe('PostgreSQL REPLICA IDENTITY, as Debezium sends before images', () => {
  it('under DEFAULT, sends an update with before null and a delete with only the old key', async () => {
    expect(await recordsAfterOneLamp('default', updateThenDelete())).toEqual([
      { key: { id: 1 }, before: null, after: { ...lamp, price: 12 }, op: 'u' },
      { key: { id: 1 }, before: keyOnly, after: null, op: 'd' },
      { key: { id: 1 }, value: null },
    ]);
  });

  it('reads a table that sets none as DEFAULT, PostgreSQL’s own', async () => {
    expect(await recordsAfterOneLamp('not set', updateThenDelete())).toEqual(
      await recordsAfterOneLamp('default', updateThenDelete()),
    );
  });

  it('under FULL, sends the whole old row with updates and deletes', async () => {
    expect(await recordsAfterOneLamp('full', updateThenDelete())).toEqual([
      { key: { id: 1 }, before: lamp, after: { ...lamp, price: 12 }, op: 'u' },
      { key: { id: 1 }, before: { ...lamp, price: 12 }, after: null, op: 'd' },
      { key: { id: 1 }, value: null },
    ]);
  });

  it('under DEFAULT, sends a key change as a delete with only the old key, its tombstone and a create of the new key', async () => {
    const rekey = aScenario().at(1, 'shop', 'items', 'update', { values: { id: 2 }, where: { id: 1 } });
    expect(await recordsAfterOneLamp('default', rekey)).toEqual([
      { key: { id: 1 }, before: keyOnly, after: null, op: 'd', headers: { '__debezium.newkey': { id: 2 } } },
      { key: { id: 1 }, value: null, headers: { '__debezium.newkey': { id: 2 } } },
      {
        key: { id: 2 },
        before: null,
        after: { ...lamp, id: 2 },
        op: 'c',
        headers: { '__debezium.oldkey': { id: 1 } },
      },
    ]);
  });

  it('keeps the entity the consumer builds whatever the before images hold', async () => {
    const mesh = aShopMesh({ replicaIdentity: 'default' }).build();
    const scenario = aScenario()
      .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
      .at(1, 'shop', 'items', 'update', { values: { price: 12 }, where: { id: 1 } })
      .at(1, 'shop', 'items', 'update', { values: { id: 5 }, where: { id: 2 } })
      .at(2, 'shop', 'items', 'delete', { where: { id: 1 } })
      .build();
    const simulation = await simulate(mesh, scenario);
    simulation.step(1);
    simulation.step(2);
    expect(rowsOf(simulation, 'catalog', 'SELECT id, price FROM items ORDER BY id')).toEqual([{ id: 5, price: 9.5 }]);
  });
});

describe('a table’s replica identity in the design file', () => {
  it('survives saving and opening, and stays unset where the design sets none', () => {
    const full = aShopMesh({ replicaIdentity: 'full' }).build();
    const unset = aShopMesh({ replicaIdentity: 'not set' }).build();
    const reopened = (mesh: typeof full) => {
      const parsed = parseMeshFile(serializeMesh(mesh));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      return parsed.value.systems[0]?.database.tables[0];
    };
    expect(reopened(full)?.replicaIdentity).toBe('full');
    expect(reopened(unset)).not.toHaveProperty('replicaIdentity');
    expect(serializeMesh(full)).toContain('"replicaIdentity": "full"');
  });
});

describe('tracing a change under REPLICA IDENTITY DEFAULT', () => {
  async function serviceWrites(replicaIdentity: 'default' | 'full') {
    const mesh = aShopMesh({ replicaIdentity }).build();
    const simulation = await simulate(mesh, updateThenDelete().withData('shop', 'items', 1, PREDICTABLE_ITEMS).build());
    simulation.step(1);
    simulation.step(2);
    const plan = planPipeline(mesh);
    return [2, 3].map((position) => {
      const traced = traceChange(plan, simulation, { kind: 'record', log: 'shop/items-cdc', position });
      if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
      const [write] = traced.value.stages;
      return { records: write?.records, changed: write?.changed, note: write?.note };
    });
  }

  it('says the update’s before image is not sent, and the delete’s holds only the old key, rather than showing an empty diff', async () => {
    expect(await serviceWrites('default')).toEqual([
      {
        records: [{ ...lamp, price: 12 }],
        changed: [],
        note: 'Under REPLICA IDENTITY DEFAULT the record carries no before image: what the update changed is not in it. Set the table to FULL to see it.',
      },
      {
        records: [keyOnly],
        changed: undefined,
        note: 'Under REPLICA IDENTITY DEFAULT the record’s before image holds only the old key: the other values of the deleted row are not in it. Set the table to FULL to see them.',
      },
    ]);
  });

  it('shows what a FULL update changed, with no note', async () => {
    expect((await serviceWrites('full')).map(({ changed, note }) => ({ changed, note }))).toEqual([
      { changed: ['price'], note: undefined },
      { changed: undefined, note: undefined },
    ]);
  });
});

describe('a null-field fault’s record under REPLICA IDENTITY DEFAULT', () => {
  async function faultTrace() {
    const mesh = aShopMesh({ replicaIdentity: 'default' }).build();
    const simulation = await simulate(
      mesh,
      aScenario()
        .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
        .at(1, 'shop', 'items', 'update', { values: { price: 12 }, where: { id: 1 } })
        .withFault({ kind: 'null-field', tick: 2, systemId: 'shop', topicId: 'items-cdc', column: 'name' })
        .build(),
    );
    simulation.step(2);
    // Positions: 1 the snapshot, 2 the update, 3 the fault's record.
    const traced = traceChange(planPipeline(mesh), simulation, { kind: 'record', log: 'shop/items-cdc', position: 3 });
    if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
    return { stages: traced.value.stages, faults: simulation.firedFaults() };
  }

  it('is told as the fault’s, though it carries no before image to show the value it nulled', async () => {
    const { stages, faults } = await faultTrace();
    const record = stages.find((stage) => stage.kind === 'cdc-record')?.message;

    expect(record?.value).toMatchObject({ before: null, after: { name: null } });
    expect(record && nullFieldFaultOf(record, 'shop/items-cdc', faults)).toMatchObject({ column: 'name', tick: 2 });
    expect(stages[0]?.title).toBe(
      'No service write: the fault “A null in a required field” made this record, at tick 2',
    );
  });

  it('says at the raw zone that the record has no before image, and that the service’s row keeps the value', async () => {
    const raw = (await faultTrace()).stages.find((stage) => stage.kind === 'raw');

    expect(raw?.records).toEqual([expect.objectContaining({ before_name: null, after_name: null })]);
    expect(raw?.note).toBe(
      'after_name is null: nulled by the fault “A null in a required field” at tick 2, not by the service (the items row keeps its value; under REPLICA IDENTITY DEFAULT the record carries no before image, so before_name is null too).',
    );
  });
});
