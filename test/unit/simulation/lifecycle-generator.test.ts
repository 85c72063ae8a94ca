import { describe, expect, it } from 'vitest';
import type { ValueGenerator } from '../../../shared/model/scenario';
import { aScenario, aShopMesh, PREDICTABLE_ITEMS, rowsOf, simulate } from './builders';

const NEW_LISTED_SOLD: ValueGenerator = { kind: 'lifecycle', stages: ['new', 'listed', 'sold'] };

/** The shop's items, their status drawn by `status`, `initialRows` of them before CDC starts. */
const itemsWith = (status: ValueGenerator, initialRows: number, scenario = aScenario()) =>
  scenario.withData('shop', 'items', initialRows, { ...PREDICTABLE_ITEMS, status });

const run = (scenario: ReturnType<typeof aScenario>) => simulate(aShopMesh().build(), scenario.build());

/** The one item's status when CDC starts and after each of `ticks` ticks of one update. */
const statusesAfter = async (status: ValueGenerator, ticks: number, scenario = aScenario()) => {
  const simulation = await run(
    itemsWith(status, 0, scenario)
      .at(0, 'shop', 'items', 'insert', {})
      .withRate('shop', 'items', { updates: 1, updateColumns: ['status'] }),
  );
  const current = () => rowsOf(simulation, 'shop', 'SELECT status FROM items')[0]?.status;
  const statuses = [current()];
  for (let tick = 1; tick <= ticks; tick++) {
    simulation.step(1);
    statuses.push(current());
  }
  return statuses;
};

describe('a lifecycle generator', () => {
  it('starts a new row at the first stage and moves it one stage on per update, keeping the last', async () => {
    expect(await statusesAfter(NEW_LISTED_SOLD, 3)).toEqual(['new', 'listed', 'sold', 'sold']);
  });

  it('updates only rows that can still move on, and none once every row is at its last stage', async () => {
    const simulation = await run(
      itemsWith(NEW_LISTED_SOLD, 0)
        .at(0, 'shop', 'items', 'insert', {})
        .at(0, 'shop', 'items', 'insert', {})
        .withRate('shop', 'items', { updates: 1, updateColumns: ['status'] }),
    );
    simulation.step(8);

    // Two rows, two moves each: four updates, however many ticks ask for one.
    expect(rowsOf(simulation, 'catalog', 'SELECT _op, count(*) AS n FROM raw_items_in GROUP BY _op')).toEqual([
      { _op: 'c', n: 2 },
      { _op: 'u', n: 4 },
    ]);
    expect(rowsOf(simulation, 'shop', 'SELECT DISTINCT status FROM items')).toEqual([{ status: 'sold' }]);
  });

  it('goes round when the first stage is listed again at the end', async () => {
    const toggle: ValueGenerator = { kind: 'lifecycle', stages: ['listed', 'hidden', 'listed'] };

    expect(await statusesAfter(toggle, 3)).toEqual(['listed', 'hidden', 'listed', 'hidden']);
  });

  it('leaves a value it does not list where a script step put it', async () => {
    const withdrawn = aScenario().at(1, 'shop', 'items', 'update', {
      values: { status: 'withdrawn' },
      where: { id: 1 },
    });

    expect(await statusesAfter(NEW_LISTED_SOLD, 2, withdrawn)).toEqual(['new', 'withdrawn', 'withdrawn']);
  });

  it('gives the rows present before CDC starts any stage, as rows that have lived a while', async () => {
    const simulation = await run(itemsWith(NEW_LISTED_SOLD, 30));

    expect(rowsOf(simulation, 'shop', 'SELECT DISTINCT status FROM items ORDER BY status')).toEqual([
      { status: 'listed' },
      { status: 'new' },
      { status: 'sold' },
    ]);
  });

  it('gives every row a rate inserts the first stage', async () => {
    const simulation = await run(itemsWith(NEW_LISTED_SOLD, 0).withRate('shop', 'items', { inserts: 1 }));
    simulation.step(3);

    expect(rowsOf(simulation, 'shop', 'SELECT id, status FROM items ORDER BY id')).toEqual([
      { id: 1, status: 'new' },
      { id: 2, status: 'new' },
      { id: 3, status: 'new' },
    ]);
  });
});
