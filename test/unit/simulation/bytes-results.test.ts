import { describe, expect, it } from 'vitest';
import type { LogicalType } from '../../../shared/model/logical-type';
import type { Mesh } from '../../../shared/model/mesh';
import { readMessages } from '../../../shared/simulation/log-reader';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { aScenario, aShopReportMesh, PREDICTABLE_ITEMS, rowsOf, simulate } from './builders';

const scenario = aScenario()
  .withData('shop', 'items', 3, PREDICTABLE_ITEMS)
  .withRate('shop', 'items', { inserts: 1, updates: 1, updateColumns: ['price'] })
  .build();

/** The shop with a reporting product publishing `sql` as its entity `item_names`; undefined types take any value. */
function meshPublishing(sql: string, types: { id?: LogicalType; name?: LogicalType } = { id: 'integer' }): Mesh {
  return aShopReportMesh('item_names', sql, (contract) =>
    contract.withProperty('id', types.id, { primaryKey: true, required: true }, 1).withProperty('name', types.name),
  );
}

describe('a transformation that makes bytes (BLOB values)', () => {
  it('quarantines bytes where the contract wants a string, with the record in hex, and the run goes on', async () => {
    const mesh = meshPublishing("SELECT id, CAST(x'CAFE' || id AS BLOB) AS name FROM items", {
      id: 'integer',
      name: 'string',
    });
    const simulation = await simulate(mesh, scenario);

    const metrics = simulation.step(1);

    expect(metrics.errors).toEqual([]);
    expect(metrics.ports['report/report-out']).toMatchObject({ published: 0, quarantined: 4 });
    expect(rowsOf(simulation, 'report', 'SELECT rule, property, message, record FROM quarantine WHERE id = 1')).toEqual(
      [
        {
          rule: 'type',
          property: 'name',
          message: "name must be a string, got X'CAFE31'",
          record: '{"id":1,"name":"CAFE31"}',
        },
      ],
    );
  });

  it('publishes bytes, in the key too, where the contract gives no type, written as hex', async () => {
    const mesh = meshPublishing("SELECT CAST(id AS BLOB) AS id, x'CAFE' AS name FROM items", {});
    const simulation = await simulate(mesh, scenario);

    const metrics = simulation.step(1);
    const port = planPipeline(mesh).logs.find((log) => log.table === 'report/report-out');
    if (!port) throw new Error('no port log');
    const read = readMessages(simulation.query, port, { limit: 1 });

    expect(metrics.errors).toEqual([]);
    expect(metrics.ports['report/report-out']).toMatchObject({ published: 4, quarantined: 0 });
    expect(read.ok && read.value.map((record) => [record.key, record.value])).toEqual([
      [{ id: '34' }, { id: '34', name: 'CAFE' }],
    ]);
  });

  it('groups by bytes incrementally, as the whole query groups them', async () => {
    const sql = "SELECT count(*) AS id, CAST(name || x'00' AS BLOB) AS name FROM items GROUP BY 2";
    const runs = await Promise.all(
      (['incremental', 'full'] as const).map(async (recompute) => {
        const simulation = await simulate(meshPublishing(sql), scenario, { recompute });
        const metrics = simulation.step(3);
        return { metrics, rows: rowsOf(simulation, 'report', 'SELECT id, hex(name) AS name FROM item_names') };
      }),
    );

    expect(runs[0]?.metrics.errors).toEqual([]);
    expect(runs[0]?.metrics.transformations['report/item_names']).toMatchObject({ runs: { incremental: 3 } });
    expect(runs[0]?.rows).toEqual([{ id: 6, name: '6C616D7000' }]);
    expect(runs[1]?.rows).toEqual(runs[0]?.rows);
  });
});
