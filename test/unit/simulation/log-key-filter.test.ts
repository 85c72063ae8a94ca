import { beforeAll, describe, expect, it } from 'vitest';
import { readMessages } from '../../../shared/simulation/log-reader';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { aBigKeyCustomerInsert, BIG_CUSTOMER_ID, ecommerceSample, loadSqlJs, simulate } from './builders';

const mesh = ecommerceSample();
const plan = planPipeline(mesh);
beforeAll(() => loadSqlJs(), 60_000);

describe('filtering a log by a whole key', () => {
  it('finds the records of a composite key whatever order its fields are written in', async () => {
    const simulation = await simulate(mesh, mesh.scenarios[0] as never);
    simulation.step(3);
    const lines = plan.logs.find((log) => log.table === 'orders-service/order-lines-cdc');
    if (!lines) throw new Error('no order lines topic');
    const newest = readMessages(simulation.query, lines, { limit: 1 });
    const key = newest.ok ? (newest.value[0]?.key as { order_id: number; line_no: number }) : undefined;
    if (!key) throw new Error('no order line on the topic');

    const asSent = readMessages(simulation.query, lines, { limit: 50, key: JSON.stringify(key) });
    const reordered = readMessages(simulation.query, lines, {
      limit: 50,
      key: JSON.stringify({ line_no: key.line_no, order_id: key.order_id }),
    });

    expect(asSent.ok && asSent.value.length).toBeGreaterThan(0);
    expect(reordered).toEqual(asSent);
  });

  it('finds the records of a key that is not an object, written as the message card shows it', async () => {
    const simulation = await simulate(mesh, mesh.scenarios[0] as never);
    simulation.step(3);
    const placed = plan.logs.find((log) => log.table === 'orders-service/order-placed-events');
    if (!placed) throw new Error('no order-placed topic');
    const newest = readMessages(simulation.query, placed, { limit: 1 });
    const key = newest.ok ? newest.value[0]?.key : undefined;
    if (typeof key !== 'string') throw new Error('no outbox event with a text key on the topic');

    const byValue = readMessages(simulation.query, placed, { limit: 50, key });
    const asShown = readMessages(simulation.query, placed, { limit: 50, key: JSON.stringify(key) });

    expect(byValue.ok && byValue.value.length).toBeGreaterThan(0);
    expect(asShown).toEqual(byValue);
  });

  it('finds the records of a key past 2^53 written as the message card shows it, every digit kept', async () => {
    const [scenario] = mesh.scenarios;
    if (!scenario) throw new Error('no scenario');
    const simulation = await simulate(mesh, {
      ...scenario,
      steps: [...scenario.steps, aBigKeyCustomerInsert(1)],
    } as never);
    simulation.step(1);
    const customers = plan.logs.find((log) => log.table === 'customers-service/customers-cdc');
    if (!customers) throw new Error('no customers topic');

    const asShown = readMessages(simulation.query, customers, {
      limit: 50,
      key: `{"customer_id":${BIG_CUSTOMER_ID}}`,
    });

    expect(asShown.ok && asShown.value.map((record) => record.key)).toEqual([{ customer_id: BIG_CUSTOMER_ID }]);
  });
});
