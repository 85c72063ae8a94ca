import { describe, expect, it } from 'vitest';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { tableGuide } from '../../../shared/simulation/table-guide';
import { aContract, aMesh, aProduct, aScenario, aSystem, rowsOf, simulate } from './builders';

const time = (tick: number) => new Date(Date.parse('2026-01-05T09:00:00.000Z') + tick * 60_000).toISOString();

/** Parking permits with business validity columns of their own, published as an entity that keeps history. */
function aPermitMesh(historyColumnPrefix?: string) {
  const permit = aContract('permit', 'entity', 'permits')
    .withKey('id', 'integer')
    .withProperty('plate', 'string', { required: true })
    .withProperty('valid_from', 'string')
    .withProperty('valid_to', 'string')
    .keepingHistory(historyColumnPrefix);
  return aMesh()
    .with(
      aSystem('billing')
        .withTable('permits', { id: 'integer', plate: 'text', valid_from: 'text', valid_to: 'text' }, ['id'])
        .withCdcTopic('permits-cdc', 'permits'),
      aProduct('payments').withInput('permits-in').withOutput('permits-out', 'permit'),
      permit,
    )
    .withLink('billing/permits-cdc', 'payments/permits-in')
    .build();
}

const scenario = aScenario()
  .at(1, 'billing', 'permits', 'insert', {
    values: { id: 1, plate: 'B-XY 12', valid_from: '2026-01-01', valid_to: '2026-06-30' },
  })
  .at(2, 'billing', 'permits', 'update', { values: { valid_to: '2026-12-31' }, where: { id: 1 } })
  .build();

describe('history of an entity with validity columns of its own', () => {
  it('keeps every version under the history column names the contract gives, beside its own valid_from and valid_to', async () => {
    const simulation = await simulate(aPermitMesh('dbt_'), scenario);
    const metrics = simulation.step(2);

    expect(metrics.errors).toEqual([]);
    expect(rowsOf(simulation, 'payments', 'SELECT * FROM permits_history ORDER BY dbt_valid_from')).toEqual([
      {
        id: 1,
        plate: 'B-XY 12',
        valid_from: '2026-01-01',
        valid_to: '2026-06-30',
        dbt_valid_from: time(1),
        dbt_valid_to: time(2),
        dbt_is_current: 0,
      },
      {
        id: 1,
        plate: 'B-XY 12',
        valid_from: '2026-01-01',
        valid_to: '2026-12-31',
        dbt_valid_from: time(2),
        dbt_valid_to: null,
        dbt_is_current: 1,
      },
    ]);
  });

  it('names the history columns in the SQL console guide as the contract gives them', () => {
    const history = tableGuide(planPipeline(aPermitMesh('dbt_')), 'payments').find(
      (entry) => entry.table === 'permits_history',
    );
    expect(history?.holds).toBe("every version of 'permits' (dbt_valid_from, dbt_valid_to, dbt_is_current)");
  });

  it('without names of its own for the history columns, keeps no history and names the option that would', async () => {
    const simulation = await simulate(aPermitMesh(), scenario);
    const metrics = simulation.step(1);

    expect(metrics.errors.map((error) => error.message)).toEqual([
      "keeps no history of 'permits': its own columns 'valid_from', 'valid_to' are the names history versions need; rename them, or give the history columns a prefix with the contract's custom property historyColumnPrefix (e.g. dbt_)",
    ]);
  });
});
