import { describe, expect, it } from 'vitest';
import { scenarioReferenceChoices } from '../../../shared/simulation/scenario-reference-choices';
import { ecommerceSample } from './builders';

const mesh = ecommerceSample();

/** The text with the cursor where `|` is, and its offset. */
function atCursor(marked: string): { text: string; offset: number } {
  return { text: marked.replace('|', ''), offset: marked.indexOf('|') };
}

describe('completion at a scenario reference', () => {
  it('offers the topics of the fault’s system by the names the canvas shows, each with its id', () => {
    const { text, offset } = atCursor(
      '{"faults": [{"kind": "redeliver", "tick": 2, "systemId": "orders-service", "topicId": "ord|", "records": 1}]}',
    );
    const found = scenarioReferenceChoices(mesh, text, offset);
    expect(found?.choices.map((choice) => [choice.value, choice.detail])).toEqual([
      ['orders.public.orders', "topic 'orders-cdc' of orders-service"],
      ['orders.public.order_lines', "topic 'order-lines-cdc' of orders-service"],
      ['orders.events.order-placed', "topic 'order-placed-events' of orders-service"],
    ]);
    // It replaces what is between the quotes.
    expect(text.slice(found?.start, found?.end)).toBe('ord');
  });

  it('offers the systems, the tables of the entry’s system and the products', () => {
    const systems = atCursor('{"steps": [{"tick": 1, "systemId": "|", "table": "orders"}]}');
    expect(scenarioReferenceChoices(mesh, systems.text, systems.offset)?.choices.map((choice) => choice.value)).toEqual(
      mesh.systems.map((system) => system.id),
    );
    const tables = atCursor('{"data": [{"systemId": "customers-service", "table": "|", "initialRows": 3}]}');
    expect(scenarioReferenceChoices(mesh, tables.text, tables.offset)?.choices.map((choice) => choice.value)).toEqual(
      mesh.systems.find((system) => system.id === 'customers-service')?.database.tables.map((table) => table.name),
    );
    const products = atCursor('{"faults": [{"kind": "consumer-offline", "tick": 1, "productId": "|", "ticks": 2}]}');
    expect(scenarioReferenceChoices(mesh, products.text, products.offset)?.choices).toHaveLength(mesh.products.length);
  });

  it('offers nothing outside a reference', () => {
    const { text, offset } = atCursor('{"name": "wor|kshop"}');
    expect(scenarioReferenceChoices(mesh, text, offset)).toBeUndefined();
  });
});
