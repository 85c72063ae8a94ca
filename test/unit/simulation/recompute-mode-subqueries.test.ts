import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMeshFile } from '../../../shared/contracts/contract-text';
import type { Mesh } from '../../../shared/model/mesh';
import { aScenario, simulate } from './builders';

/** The QA's carpooling design, whose fraud-screening/rider_risk reads bookings, refunds and payments in subqueries. */
function carpoolMesh(): Mesh {
  const parsed = parseMeshFile(
    readFileSync(new URL('../../fixtures/simulation/carpool.mesh.json', import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

/** The rider_risk step's metrics after a rider changes at tick 1 (and nothing else), and a payment at tick 2. */
async function riderRiskAfterARiderThenAPayment() {
  const scenario = aScenario()
    .withData('users-service', 'riders', 3)
    .withData('payments-service', 'payments', 3, { rider_id: { kind: 'integer', min: 1, max: 3 } })
    .at(1, 'users-service', 'riders', 'update', { values: { city: 'Lyon' }, where: { rider_id: 1 } })
    .at(2, 'payments-service', 'payments', 'update', { values: { amount: 12.5 }, where: { payment_id: 1 } })
    .build();
  const simulation = await simulate(carpoolMesh(), scenario);
  return { simulation, metrics: () => simulation.step(1).transformations['fraud-screening/rider_risk'] };
}

describe('how a step recomputes beside subqueries', () => {
  it("says which tables' changes it recomputes by what they touched, and which force it in full", async () => {
    const { metrics } = await riderRiskAfterARiderThenAPayment();

    expect(metrics()).toMatchObject({
      mode: 'incremental',
      reason:
        "in full on a tick that changes 'bookings' or 'refunds' or 'payments', which a subquery or CTE reads; only a tick that changes 'riders' and none of those recomputes what it touched",
    });
  });

  it('recomputes a tick that changed only riders by what it touched, and one that changed payments in full', async () => {
    const { metrics } = await riderRiskAfterARiderThenAPayment();
    const afterRider = structuredClone(metrics());
    const afterPayment = metrics();

    // Tick 0 builds the result in full; tick 1 changed a rider, tick 2 a payment.
    expect(afterRider?.runs).toEqual({ incremental: 1, full: 1, unchanged: 0 });
    expect(afterPayment?.runs).toEqual({ incremental: 1, full: 2, unchanged: 0 });
    expect(afterPayment?.fullRunReasons).toEqual({ 'the tick changed a table a subquery or CTE reads': 2 });
  });
});
