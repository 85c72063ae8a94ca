import { describe, expect, it } from 'vitest';
import type { ValueGenerator } from '../../../shared/model/scenario';
import { aScenario, aShopMesh, PREDICTABLE_ITEMS, rowsOf, simulate } from './builders';

const RESULT: ValueGenerator = {
  kind: 'lifecycle',
  stages: ['*', { values: ['1-0', '0-1', '½-½'], weights: [45, 35, 20] }],
};

/** The shop's 1,000 items, their status drawn by `status`, after `ticks` ticks of 1,000 status updates. */
const statusesOf = async (status: ValueGenerator, { seed = 7, ticks = 0 } = {}) => {
  const simulation = await simulate(
    aShopMesh().build(),
    aScenario()
      .withSeed(seed)
      .withData('shop', 'items', 1_000, { ...PREDICTABLE_ITEMS, status })
      .withRate('shop', 'items', { updates: 1_000, updateColumns: ['status'] })
      .build(),
  );
  simulation.step(ticks);
  return rowsOf(simulation, 'shop', 'SELECT id, status FROM items ORDER BY id');
};

const countsOf = (rows: { status?: unknown }[]) =>
  Object.fromEntries(
    [...new Set(rows.map((row) => String(row.status)))]
      .sort()
      .map((status) => [status, rows.filter((row) => String(row.status) === status).length]),
  );

/** All three results, in about the shares 45, 35 and 20 (of 1,000 rows: within 50, 50 and 40). */
const expectShares = (counts: Record<string, number>) => {
  expect(Object.keys(counts)).toEqual(['0-1', '1-0', '½-½']);
  expect(counts['1-0']).toBeGreaterThan(400);
  expect(counts['1-0']).toBeLessThan(500);
  expect(counts['0-1']).toBeGreaterThan(300);
  expect(counts['0-1']).toBeLessThan(400);
  expect(counts['½-½']).toBeGreaterThan(160);
  expect(counts['½-½']).toBeLessThan(240);
};

describe('weighted values', () => {
  it('draws a oneOf as often as its weights say', async () => {
    const counts = countsOf(await statusesOf({ kind: 'oneOf', values: ['1-0', '0-1', '½-½'], weights: [45, 35, 20] }));

    expectShares(counts);
  });

  it('moves each row of a lifecycle onto one of its last stage’s values, as often as their weights say', async () => {
    const counts = countsOf(await statusesOf(RESULT, { ticks: 3 }));

    // Every game that was under way ('*') has a result, and the results are a mix.
    expectShares(counts);
  });

  it('draws the same values from the same seed, and others from another', async () => {
    const first = await statusesOf(RESULT, { ticks: 3 });

    expect(await statusesOf(RESULT, { ticks: 3 })).toEqual(first);
    expect(await statusesOf(RESULT, { seed: 8, ticks: 3 })).not.toEqual(first);
  });
});
