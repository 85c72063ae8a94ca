import { describe, expect, it } from 'vitest';
import { isMeasure } from '../../../shared/contracts/measures';
import { quarantineCheckPath } from '../../../shared/simulation/quarantine-problems';
import { STORED_TURNOVER_COLUMNS } from '../export/unseen-meshes';
import { rowsOf, simulate } from './builders';
import { aTurnoverMesh, THREE_ORDERS, TURNOVER_SQL } from './turnover-mesh';

const WITH_NULL_MEASURES = `SELECT *, NULL AS total_turnover_euros, NULL AS nb_receipts, NULL AS average_basket_value FROM (${TURNOVER_SQL})`;

describe("a contract's ODCS 3.2 measures in the simulation", () => {
  it('are no columns of the published table: a transformation publishes the contract without computing them', async () => {
    const simulation = await simulate(aTurnoverMesh(), THREE_ORDERS);
    const metrics = simulation.step(1);

    expect(metrics.errors).toEqual([]);
    expect(metrics.ports['sales/turnover-out']).toMatchObject({ published: 3, quarantined: 0 });
    expect(Object.keys(rowsOf(simulation, 'sales', 'SELECT * FROM turnover')[0] ?? {})).toEqual(
      STORED_TURNOVER_COLUMNS,
    );
  });

  it('are not checked in the records a port publishes, even where the contract requires them and the step gives them NULL', async () => {
    const mesh = aTurnoverMesh({
      sql: WITH_NULL_MEASURES,
      editMeasure: (measure) => {
        measure.required = true;
      },
    });
    const metrics = (await simulate(mesh, THREE_ORDERS)).step(1);

    expect(metrics.errors).toEqual([]);
    expect(metrics.ports['sales/turnover-out']).toMatchObject({ published: 3, quarantined: 0, violations: [] });
  });

  it("leave a quarantined property's place in the contract where it is written, measures before it and all", async () => {
    const mesh = aTurnoverMesh({
      sql: TURNOVER_SQL.replace('country AS country_code,', 'NULL AS country_code,'),
      editContract: (contract) => {
        const object = contract.schema[0];
        if (!object) return;
        object.properties = [
          ...object.properties.filter(isMeasure),
          ...object.properties
            .filter((property) => !isMeasure(property))
            .map((property) => (property.name === 'country_code' ? { ...property, required: true } : property)),
        ];
      },
    });
    const [violation] = (await simulate(mesh, THREE_ORDERS)).step(1).ports['sales/turnover-out']?.violations ?? [];

    expect(violation).toMatchObject({ rule: 'required', property: 'country_code', count: 3 });
    expect(quarantineCheckPath(mesh, 'sales/turnover-out', violation!)).toBe(
      'contracts[0].schema[0].properties[6].required',
    );
  });

  it('say at the port that a contract of measures alone makes no column to publish, where it read as having no properties', async () => {
    const mesh = aTurnoverMesh({
      editContract: (contract) => {
        const object = contract.schema[0];
        if (object) object.properties = object.properties.filter(isMeasure);
      },
    });
    const metrics = (await simulate(mesh, THREE_ORDERS)).step(1);

    expect(metrics.errors.map(({ path, message }) => ({ path, message }))).toEqual([
      {
        path: 'products[0].outputPorts[0].contractId',
        message:
          "contract '2f1d9c6a-4b3e-4d8a-9f51-7a0c2e6b8d34' has only measures, computed when queried, not stored as columns, so the port publishes nothing",
      },
    ]);
  });
});
