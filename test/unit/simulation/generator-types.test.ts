import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../../shared/simulation/scenario-check';
import { airlineDesign, airlineScenario, dataOf } from './airline-design';
import { aMesh, aScenario, aShopMesh, aSystem, PREDICTABLE_ITEMS, rowsOf, simulate } from './builders';

describe('a generator that does not fit its column’s type', () => {
  it('is reported at what does not fit: an email for a number, a number for a timestamp, a uuid for a boolean, text for a date', () => {
    const mesh = airlineDesign();
    const scenario = airlineScenario(mesh, (changed) => {
      Object.assign(dataOf(changed, 'bookings').generators, {
        fare_amount: { kind: 'fake', what: 'email' },
        booked_at: { kind: 'integer', min: 1, max: 5 },
        refundable: { kind: 'uuid' },
        travel_date: { kind: 'oneOf', values: ['not a date'] },
      });
    });
    const at = `scenario.data[${scenario.data.indexOf(dataOf(scenario, 'bookings'))}].generators`;

    expect(checkScenario(mesh, scenario, 'scenario')).toEqual([
      { path: `${at}.fare_amount.what`, message: "a fake email does not fit 'fare_amount', a numeric column" },
      { path: `${at}.booked_at.kind`, message: "an integer does not fit 'booked_at', a timestamp column" },
      { path: `${at}.travel_date.values[0]`, message: "'not a date' does not fit 'travel_date', a date column" },
      { path: `${at}.refundable.kind`, message: "a uuid does not fit 'refundable', a boolean column" },
    ]);
  });

  it('accepts the starter scenario’s own generators', () => {
    const mesh = airlineDesign();
    expect(checkScenario(mesh, airlineScenario(mesh), 'scenario')).toEqual([]);
  });
});

describe('a reference whose column type differs from the referenced column’s', () => {
  it('is reported at the referenced column: an integer column cannot copy a text column', () => {
    const mesh = aMesh()
      .with(
        aSystem('shop')
          .withTable('customers', { customer_code: 'text', name: 'text' })
          .withTable('orders', { order_id: 'integer', customer_code: 'integer', amount: 'real', paid: 'numeric' }),
      )
      .build();
    const scenario = aScenario()
      .withData('shop', 'customers', 3)
      .withData('shop', 'orders', 3, {
        customer_code: { kind: 'reference', table: 'customers', column: 'customer_code' },
        amount: { kind: 'reference', table: 'orders', column: 'order_id' },
        paid: { kind: 'reference', table: 'orders', column: 'amount' },
      })
      .build();

    expect(checkScenario(mesh, scenario, 'scenario')).toEqual([
      {
        path: 'scenario.data[1].generators.customer_code.column',
        message:
          "'customer_code' is an integer column; it cannot hold the values of customers.customer_code, a text column",
      },
    ]);
  });
});

describe('a decimal with more decimals than a number holds', () => {
  it('draws numbers in its range, each with as many decimals as a number holds, not nothing', async () => {
    const scenario = aScenario()
      .withData('shop', 'items', 3, { ...PREDICTABLE_ITEMS, price: { kind: 'decimal', min: 0.5, max: 12, scale: 400 } })
      .build();
    const simulation = await simulate(aShopMesh().build(), scenario);

    const prices = rowsOf(simulation, 'shop', 'SELECT price FROM items').map((row) => row.price);

    expect(prices).toHaveLength(3);
    for (const price of prices) expect(price).toBeGreaterThanOrEqual(0.5);
    for (const price of prices) expect(price).toBeLessThanOrEqual(12);
  });
});
