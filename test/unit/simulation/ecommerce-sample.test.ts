import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../shared/model/scenario';
import { ecommerceSample, rowsOf, simulate } from './builders';

describe('the e-commerce sample', () => {
  it('runs the workshop scenario for 1,000 ticks without errors or contract violations, redelivered events dropped', {
    timeout: 120_000,
  }, async () => {
    const mesh = ecommerceSample();
    const simulation = await simulate(mesh, mesh.scenarios[0] as Scenario);

    const metrics = simulation.step(1000);

    expect(metrics.errors).toEqual([]);
    expect(Object.values(metrics.ports).every((port) => port.quarantined === 0 && port.published > 0)).toBe(true);
    expect(Object.values(metrics.consumers).every((consumer) => consumer.lag === 0)).toBe(true);
    expect(metrics.sourceChanges).toBe(14_001);
    const count = (nodeId: string, table: string) =>
      rowsOf(simulation, nodeId, `SELECT count(*) AS n FROM ${table}`)[0]?.n;
    expect(count('orders', 'orders')).toBe(count('orders-service', 'orders'));
    expect(count('customer-360', 'customer_profile')).toBe(count('customers-service', 'customers'));
    expect(rowsOf(simulation, 'sales-dashboard', 'SELECT sum(orders) AS n FROM daily_sales')[0]?.n).toBe(
      count('orders', 'order_placed'),
    );
    expect(count('orders', 'raw_order_placed_in')).toBe(Number(count('orders', 'order_placed')) + 3);
  });
});
