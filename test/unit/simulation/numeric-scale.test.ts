import { describe, expect, it } from 'vitest';
import type { Column, Mesh } from '../../../shared/model';
import { roundedToScale } from '../../../shared/simulation/numeric-digits-fit';
import { checkScenario } from '../../../shared/simulation/scenario-check';
import { aScenario, aShopMesh, PREDICTABLE_ITEMS, simulate } from './builders';

/** The shop, its items' price a numeric(precision, scale) column. */
function shopWithNumericPrice(precision: number, scale: number): Mesh {
  const mesh = aShopMesh().build();
  const items = mesh.systems[0]?.database.tables[0];
  const price: Column = { name: 'price', type: 'numeric', nullable: false, precision, scale };
  if (items) items.columns = items.columns.map((column) => (column.name === 'price' ? price : column));
  return mesh;
}

describe('a generated value of a numeric(p,s) column', () => {
  it('is published rounded to the column’s scale, half up on its decimal digits, as PostgreSQL stores it', async () => {
    const scenario = aScenario()
      .withData('shop', 'items', 1, { ...PREDICTABLE_ITEMS, price: { kind: 'oneOf', values: [1.005] } })
      .build();
    const simulation = await simulate(shopWithNumericPrice(5, 2), scenario, { recentMessages: 5 });
    const [snapshot] = simulation.step(0).logs['shop/items-cdc']?.recent ?? [];
    expect(snapshot?.value).toMatchObject({
      before: null,
      after: { id: 1, name: 'lamp', price: 1.01, status: 'new' },
      op: 'r',
    });
  });

  it('is, written by a step, stored and published rounded too, as the database stores the step’s number', async () => {
    const scenario = aScenario()
      .at(0, 'shop', 'items', 'insert', { values: { id: 1, name: 'lamp', price: 0.15, status: 'new' } })
      .at(1, 'shop', 'items', 'update', { values: { price: 2.25 }, where: { id: 1 } })
      .build();
    const simulation = await simulate(shopWithNumericPrice(4, 1), scenario, { recentMessages: 5 });
    const prices = (simulation.step(1).logs['shop/items-cdc']?.recent ?? []).map(
      (message) => (message.value as { after: { price: number } }).after.price,
    );
    expect(prices).toEqual([0.2, 2.3]);
  });

  it('rounds on the decimal digits the number is written with', () => {
    expect(roundedToScale(1.005, 2)).toBe(1.01);
    expect(roundedToScale(-1.005, 2)).toBe(-1.01);
    expect(roundedToScale(2.5, 0)).toBe(3);
    expect(roundedToScale(-2.5, 0)).toBe(-3);
    expect(roundedToScale(123.456, 1)).toBe(123.5);
    expect(roundedToScale(1e-7, 2)).toBe(0);
    expect(roundedToScale(1e300, 1000)).toBe(1e300);
  });
});

/** The shop on the database `engine`, its items' price a numeric with the digits given, or none. */
function shopOn(engine: string, digits?: { precision: number; scale: number }): Mesh {
  const mesh = shopWithNumericPrice(5, 2);
  const database = mesh.systems[0]?.database;
  if (database) {
    database.engine = engine;
    for (const column of database.tables[0]?.columns ?? []) {
      if (column.name === 'price') Object.assign(column, { precision: digits?.precision, scale: digits?.scale });
    }
  }
  return mesh;
}

describe('a numeric column without precision and scale', () => {
  const pricesWritten = async (mesh: Mesh) => {
    const scenario = aScenario()
      .at(0, 'shop', 'items', 'insert', { values: { id: 1, name: 'lamp', price: 0.15, status: 'new' } })
      .at(1, 'shop', 'items', 'update', { values: { price: 2.5 }, where: { id: 1 } })
      .build();
    const simulation = await simulate(mesh, scenario, { recentMessages: 5 });
    // Oracle's change events name its columns in capitals.
    return (simulation.step(1).logs['shop/items-cdc']?.recent ?? []).map(({ value }) => {
      const { after } = value as { after: { price?: number; PRICE?: number } };
      return after.price ?? after.PRICE;
    });
  };

  it('loses its decimals on SQL Server, MySQL and MariaDB, whose default scale is 0, rounded half away from zero', async () => {
    for (const engine of ['sqlserver', 'mysql', 'mariadb']) expect(await pricesWritten(shopOn(engine))).toEqual([0, 3]);
  });

  it('loses them on Db2 too, DECIMAL(5,0), which truncates a number’s decimals', async () => {
    expect(await pricesWritten(shopOn('db2'))).toEqual([0, 2]);
  });

  it('on Db2 is cut as a declared scale is there, truncated: 0.15 in a numeric(4,1) is 0.1', async () => {
    expect(await pricesWritten(shopOn('db2', { precision: 4, scale: 1 }))).toEqual([0.1, 2.5]);
  });

  it('keeps them on PostgreSQL and Oracle, which store it at any scale', async () => {
    for (const engine of ['postgres', 'oracle']) expect(await pricesWritten(shopOn(engine))).toEqual([0.15, 2.5]);
  });

  it('holds on Db2 no more than DECIMAL(5,0) does', () => {
    const step = aScenario().at(1, 'shop', 'items', 'insert', { values: { id: 7, name: 'x', price: 123456 } });
    expect(checkScenario(shopOn('db2'), step.build(), 'scenario')).toContainEqual({
      path: 'scenario.steps[0].values.price',
      message: "123456 does not fit 'price', a numeric(5,0) column (-99999 to 99999)",
    });
  });
});

describe('a generator whose values a numeric(p,s) column cannot hold', () => {
  const at = 'scenario.data[0].generators.price';

  it('is reported at the end of its range, or the value, that needs more whole digits than p - s', () => {
    const tooLarge = aScenario().withData('shop', 'items', 1, {
      price: { kind: 'decimal', min: 0, max: 1000, scale: 2 },
    });
    expect(checkScenario(shopWithNumericPrice(4, 2), tooLarge.build(), 'scenario')).toEqual([
      { path: `${at}.max`, message: "1000 does not fit 'price', a numeric(4,2) column (-99.99 to 99.99)" },
    ]);
    const roundsOver = aScenario().withData('shop', 'items', 1, { price: { kind: 'oneOf', values: [5, 99.995] } });
    expect(checkScenario(shopWithNumericPrice(4, 2), roundsOver.build(), 'scenario')).toEqual([
      { path: `${at}.values[1]`, message: "99.995 does not fit 'price', a numeric(4,2) column (-99.99 to 99.99)" },
    ]);
  });

  it('is reported at a step’s value too', () => {
    const step = aScenario().at(1, 'shop', 'items', 'insert', { values: { id: 7, name: 'x', price: '123.4' } });
    expect(checkScenario(shopWithNumericPrice(4, 2), step.build(), 'scenario')).toContainEqual({
      path: 'scenario.steps[0].values.price',
      message: "123.4 does not fit 'price', a numeric(4,2) column (-99.99 to 99.99)",
    });
  });

  it('is not the default one, which keeps within the column’s digits', async () => {
    const simulation = await simulate(shopWithNumericPrice(3, 3), aScenario().withData('shop', 'items', 5).build(), {
      recentMessages: 5,
    });
    const prices = (simulation.step(0).logs['shop/items-cdc']?.recent ?? []).map(
      (message) => (message.value as { after: { price: number } }).after.price,
    );
    expect(prices).toHaveLength(5);
    for (const price of prices) expect(price >= 0 && price < 1 && roundedToScale(price, 2) === price).toBe(true);
  });
});
