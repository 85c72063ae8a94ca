import { describe, expect, it } from 'vitest';
import type { LogicalType } from '../../../shared/model/logical-type';
import type { Mesh } from '../../../shared/model/mesh';
import { aScenario, aShopReportMesh, PREDICTABLE_ITEMS, rowsOf, simulate } from './builders';

const scenario = aScenario().withData('shop', 'items', 2, PREDICTABLE_ITEMS).build();

/** The shop with a reporting product publishing `sql` as its entity `item_tags`, `tags` of the given type. */
function meshPublishing(sql: string, tagsType: LogicalType): Mesh {
  return aShopReportMesh('item_tags', sql, (contract) =>
    contract.withProperty('id', 'integer', { primaryKey: true, required: true }, 1).withProperty('tags', tagsType),
  );
}

describe('JSON a transformation publishes under an object or array property', () => {
  it.each([
    ['object', "json_object('name', name)", { name: 'lamp' }],
    ['array', 'json_array(name, id)', ['lamp', 1]],
  ] as const)(
    'is the %s itself in the published record, as the port’s JSON Schema wants it',
    async (type, sql, tags) => {
      const simulation = await simulate(meshPublishing(`SELECT id, ${sql} AS tags FROM items`, type), scenario, {
        recentMessages: 2,
      });

      const metrics = simulation.step(1);

      expect(metrics.ports['report/report-out']).toMatchObject({ published: 2, quarantined: 0 });
      expect(metrics.logs['report/report-out']?.recent[0]?.value).toEqual({ id: 1, tags });
    },
  );

  it('quarantines text that is no JSON object, keeping it as text in the quarantined record', async () => {
    const simulation = await simulate(meshPublishing("SELECT id, 'not json' AS tags FROM items", 'object'), scenario);

    const metrics = simulation.step(1);

    expect(metrics.errors).toEqual([]);
    expect(metrics.ports['report/report-out']).toMatchObject({ published: 0, quarantined: 2 });
    expect(rowsOf(simulation, 'report', 'SELECT rule, property, record FROM quarantine WHERE id = 1')).toEqual([
      { rule: 'type', property: 'tags', record: '{"id":1,"tags":"not json"}' },
    ]);
  });
});
