import { describe, expect, it } from 'vitest';
import type { Mesh } from '../../../shared/model/mesh';
import { aMesh, aScenario, aShopMesh, aSystem, PREDICTABLE_ITEMS, rowsOf, simulate } from './builders';

/** A yard whose container moves name their vessel call (`call_id`, required); calls starts empty. */
function aYardMesh(): Mesh {
  const mesh = aMesh()
    .with(
      aSystem('yard')
        .withTable('calls', { id: 'integer', vessel: 'text' })
        .withTable('moves', { id: 'integer', call_id: 'integer', container_no: 'text' })
        .withCdcTopic('calls-cdc', 'calls')
        .withCdcTopic('moves-cdc', 'moves'),
    )
    .build();
  const moves = mesh.systems[0]?.database.tables.find((table) => table.name === 'moves');
  for (const column of moves?.columns ?? []) column.nullable = false;
  return mesh;
}

describe('an insert step’s own values', () => {
  it('are taken as written, so a reference it gives needs no row to draw from (a move before its vessel call)', async () => {
    const scenario = aScenario()
      .withData('yard', 'calls', 0, { id: { kind: 'sequence', start: 100 } })
      .withData('yard', 'moves', 0, {
        id: { kind: 'sequence', start: 1 },
        call_id: { kind: 'reference', table: 'calls', column: 'id' },
        container_no: { kind: 'oneOf', values: ['MSCU1234565'] },
      })
      .at(1, 'yard', 'moves', 'insert', { values: { id: 1, call_id: 100, container_no: 'MAEU7654321' } })
      .at(2, 'yard', 'calls', 'insert', { values: { id: 100, vessel: 'MSC Aurora' } })
      .build();
    const simulation = await simulate(aYardMesh(), scenario);

    const { errors } = simulation.step(1);

    expect(errors).toEqual([]);
    expect(rowsOf(simulation, 'yard', 'SELECT id, call_id, container_no FROM moves')).toEqual([
      { id: 1, call_id: 100, container_no: 'MAEU7654321' },
    ]);
  });

  it('draw no number from the key’s sequence, so the next generated row gets the number after the last generated', async () => {
    const scenario = aScenario()
      .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
      .at(1, 'shop', 'items', 'insert', { values: { id: 900, name: 'desk', price: 120 } })
      .at(2, 'shop', 'items', 'insert', { values: { name: 'chair', price: 45 } })
      .build();
    const simulation = await simulate(aShopMesh().build(), scenario);

    simulation.step(2);

    expect(rowsOf(simulation, 'shop', 'SELECT id, name FROM items ORDER BY id')).toEqual([
      { id: 1, name: 'lamp' },
      { id: 2, name: 'lamp' },
      { id: 3, name: 'chair' },
      { id: 900, name: 'desk' },
    ]);
  });
});
