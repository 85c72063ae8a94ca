import { describe, expect, it } from 'vitest';
import { meshGraph } from '../../../shared/lineage/mesh-graph';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { tableGuide } from '../../../shared/simulation/table-guide';
import { productTablesRule } from '../../../shared/validation/rules/product-tables';
import { aContract, aMesh, aProduct, aScenario, aSystem, rowsOf, simulate } from './builders';

const time = (tick: number) => new Date(Date.parse('2026-01-05T09:00:00.000Z') + tick * 60_000).toISOString();

/** Parking permits with business validity columns of their own, published as an entity that keeps history. */
function aPermitMesh(historyColumnPrefix?: string, [validFrom, validTo] = ['valid_from', 'valid_to']) {
  const permit = aContract('permit', 'entity', 'permits')
    .withKey('id', 'integer')
    .withProperty('plate', 'string', { required: true })
    .withProperty(validFrom, 'string')
    .withProperty(validTo, 'string')
    .keepingHistory(historyColumnPrefix);
  return aMesh()
    .with(
      aSystem('billing')
        .withTable('permits', { id: 'integer', plate: 'text', [validFrom]: 'text', [validTo]: 'text' }, ['id'])
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
      "keeps no history of 'permits': its columns 'valid_from' and 'valid_to' have the names each history version needs; rename them where the table gets them, or give the history columns a prefix with the contract's custom property historyColumnPrefix (e.g. dbt_)",
    ]);
  });

  it('with a prefix that still clashes, says so and asks for another prefix rather than for one', async () => {
    const simulation = await simulate(
      aPermitMesh('scd_', ['scd_valid_from', 'valid_to']),
      aScenario().withData('billing', 'permits', 1).build(),
    );
    const metrics = simulation.step(1);

    expect(metrics.errors.map((error) => error.message)).toEqual([
      "keeps no history of 'permits': the history columns' prefix 'scd_' still clashes with its column 'scd_valid_from'; give the history columns another prefix in the contract's custom property historyColumnPrefix, or rename it where the table gets it",
    ]);
  });

  it('reports the clash while drawing, in the number of the columns, and the prefix that still clashes', () => {
    const findingOf = (mesh: ReturnType<typeof aPermitMesh>) => {
      const [finding] = productTablesRule.check({ mesh, graph: meshGraph(mesh) });
      return [finding?.message, finding?.fixHint];
    };
    expect(findingOf(aPermitMesh(undefined, ['valid_from', 'starts']))).toEqual([
      "Output port 'permits-out' of 'payments' keeps no history of 'permits': its column 'valid_from' has the name each history version needs.",
      "Rename it where the table gets it, or give the history columns a prefix with the contract's custom property historyColumnPrefix (e.g. dbt_); or publish the table under a contract that keeps no history.",
    ]);
    expect(findingOf(aPermitMesh('scd_', ['scd_valid_from', 'scd_is_current']))).toEqual([
      "Output port 'permits-out' of 'payments' keeps no history of 'permits': the history columns' prefix 'scd_' still clashes with its columns 'scd_valid_from' and 'scd_is_current'.",
      "Give the history columns another prefix in the contract's custom property historyColumnPrefix, or rename them where the table gets them; or publish the table under a contract that keeps no history.",
    ]);
  });
});
