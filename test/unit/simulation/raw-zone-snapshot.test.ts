import { describe, expect, it } from 'vitest';
import { aScenario, aShopMesh, PREDICTABLE_ITEMS, rowsOf, simulate, tickMillis } from './builders';

/** What the raw zone keeps of each record's place and snapshot marker, in arrival order. */
const RAW_RECORDS =
  'SELECT _op, _snapshot, _source_ts, _timestamp, after_id, after_name FROM raw_items_in ORDER BY _position';

describe("the raw zone's _snapshot column", () => {
  const scenario = aScenario()
    .withData('shop', 'items', 1, PREDICTABLE_ITEMS)
    .at(1, 'shop', 'items', 'insert', { values: { id: 2, name: 'chair', price: 25, status: 'new' } })
    .at(2, 'shop', 'items', 'delete', { where: { id: 2 } })
    .build();

  it("holds the envelope's source.snapshot: the snapshot's marker for a snapshot record, 'false' for a streamed change, nothing for a tombstone", async () => {
    const simulation = await simulate(aShopMesh({ tombstones: true }).build(), scenario);
    simulation.step(2);

    expect(rowsOf(simulation, 'catalog', RAW_RECORDS)).toEqual([
      // The only snapshot record is the snapshot's last.
      {
        _op: 'r',
        _snapshot: 'last',
        _source_ts: tickMillis(0),
        _timestamp: tickMillis(0),
        after_id: 1,
        after_name: 'lamp',
      },
      {
        _op: 'c',
        _snapshot: 'false',
        _source_ts: tickMillis(1),
        _timestamp: tickMillis(1),
        after_id: 2,
        after_name: 'chair',
      },
      {
        _op: 'd',
        _snapshot: 'false',
        _source_ts: tickMillis(2),
        _timestamp: tickMillis(2),
        after_id: null,
        after_name: null,
      },
      {
        _op: null,
        _snapshot: null,
        _source_ts: tickMillis(2),
        _timestamp: tickMillis(2),
        after_id: null,
        after_name: null,
      },
    ]);
  });

  it("says what each record's envelope says", async () => {
    const simulation = await simulate(aShopMesh({ tombstones: true }).build(), scenario, { recentMessages: 10 });
    const messages = simulation.step(2).logs['shop/items-cdc']?.recent ?? [];
    const envelopeMarkers = messages.map(
      (message) => (message.value as { source: { snapshot: string } } | null)?.source.snapshot ?? null,
    );

    expect(
      rowsOf(simulation, 'catalog', 'SELECT _snapshot FROM raw_items_in ORDER BY _position').map(
        (row) => row._snapshot,
      ),
    ).toEqual(envelopeMarkers);
  });
});
