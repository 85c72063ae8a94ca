import { beforeAll, describe, expect, it } from 'vitest';
import { ecommerceSample, loadSqlJs, simulate } from './builders';

const mesh = ecommerceSample();
beforeAll(() => loadSqlJs(), 60_000);

describe('the SQL console on a raw zone no field was renamed in', () => {
  it('says only that a misspelt column does not exist, not where a renamed field would be', async () => {
    const simulation = await simulate(mesh, mesh.scenarios[0] as never);
    simulation.step(2);

    const misspelt = simulation.query('orders', 'SELECT after_totl FROM raw_orders_cdc_in');

    expect(misspelt.ok ? [] : misspelt.errors.map((error) => error.message)).toEqual(['no such column: after_totl']);
  });
});
