import { beforeAll, describe, expect, it } from 'vitest';
import { traceLines } from '../../../cli/change-trace-text';
import type { Scenario } from '../../../shared/model/scenario';
import { traceChange } from '../../../shared/simulation/change-trace';
import { readMessages } from '../../../shared/simulation/log-reader';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { aContract, aProduct, aScenario, aShopMesh, loadSqlJs, PREDICTABLE_ITEMS, rowsOf, simulate } from './builders';

beforeAll(() => loadSqlJs(), 60_000);

/** The shop with a `labels` product publishing `sql` under `label`, keyed by `key` (text unless it is `id`). */
function aLabelsMesh(sql: string, key: 'id' | 'status') {
  return aShopMesh()
    .with(
      aProduct('labels', 'aggregate')
        .withInput('items-in')
        .withOutput('labels-out', 'label')
        .withTransformation('labels', sql),
      aContract('label', 'entity', 'labels')
        .withKey(key, key === 'id' ? 'integer' : 'string')
        .withProperty('label', 'string'),
    )
    .withLink('catalog/items-out', 'labels/items-in')
    .build();
}

/** Two lamps, status `new`, then at tick 1 an item `chair` with `status`. */
const chairAtTick1 = (status: string | null): Scenario =>
  aScenario()
    .withData('shop', 'items', 2, PREDICTABLE_ITEMS)
    .at(1, 'shop', 'items', 'insert', { values: { id: 9, name: 'chair', price: 25, status } })
    .build();

/** The trace of the labels quarantine row whose record is `record`, read after tick 2. */
async function traceOfQuarantined(mesh: ReturnType<typeof aLabelsMesh>, scenario: Scenario, record: string) {
  const simulation = await simulate(mesh, scenario);
  simulation.step(2);
  const row = rowsOf(simulation, 'labels', 'SELECT * FROM quarantine').find((entry) => entry.record === record);
  if (!row) throw new Error(`no quarantine row ${record}`);
  const traced = traceChange(planPipeline(mesh), simulation, {
    kind: 'row',
    nodeId: 'labels',
    table: 'quarantine',
    row,
  });
  if (!traced.ok) throw new Error(`trace refused: ${JSON.stringify(traced.errors)}`);
  const stageOf = (kind: string) =>
    traced.value.stages.find((stage) => stage.kind === kind && stage.nodeId === 'labels');
  return { simulation, trace: traced.value, step: stageOf('transformation'), port: stageOf('output-port') };
}

describe('tracing a row of a transformation result its key check quarantined', () => {
  it('shows the rows the step made with a repeated key at its stage, not that it has none', async () => {
    const mesh = aLabelsMesh("SELECT id, name AS label FROM items UNION ALL SELECT 1, 'duplicate'", 'id');

    const { step } = await traceOfQuarantined(
      mesh,
      aScenario().withData('shop', 'items', 2, PREDICTABLE_ITEMS).build(),
      '{"id":1,"label":"duplicate"}',
    );

    expect(step?.records).toEqual(
      expect.arrayContaining([
        { id: 1, label: 'duplicate' },
        { id: 1, label: 'lamp' },
      ]),
    );
    expect(step?.note).toBe(
      'labels made these rows from its inputs, and its key check held them back (quarantined at tick 0), so its table has no row with this id.',
    );
  });

  it('ends at the port, quarantined by the step’s key check rather than by its contract', async () => {
    const mesh = aLabelsMesh("SELECT id, name AS label FROM items UNION ALL SELECT 1, 'duplicate'", 'id');

    const { port, trace } = await traceOfQuarantined(
      mesh,
      aScenario().withData('shop', 'items', 2, PREDICTABLE_ITEMS).build(),
      '{"id":1,"label":"duplicate"}',
    );

    expect(port?.moment).toEqual({ kind: 'recorded', text: "Quarantined at tick 0 by labels's key check" });
    expect(port?.check).toMatchObject({ passed: false, rule: 'unique', property: 'id', keyCheckOf: 'labels' });
    expect(port?.note).toBeUndefined();
    expect(traceLines(trace)).toContain(
      "   labels's key check: failed unique on id: key id appears more than once in the result: those rows are held back, and the key keeps the row it had (if any)",
    );
  });

  it('starts a GROUP BY row whose key repeats from the input record that made it, beside the row its table keeps', async () => {
    const mesh = aLabelsMesh('SELECT status, max(name) AS label FROM items GROUP BY status, name', 'status');

    const { simulation, trace, step, port } = await traceOfQuarantined(
      mesh,
      chairAtTick1('new'),
      '{"status":"new","label":"chair"}',
    );

    const itemsOut = planPipeline(mesh).logs.find((log) => log.table === 'catalog/items-out');
    const chair = itemsOut && readMessages(simulation.query, itemsOut, { limit: 10, key: '9' });
    expect(trace.start.position).toBe(chair?.ok ? chair.value[0]?.position : 'no chair record');
    expect(step?.records).toEqual([{ status: 'new', label: 'lamp' }]);
    expect(step?.note).toBe(
      'labels also made 2 rows with this status that its key check held back (quarantined at tick 1); these are the rows its table keeps.',
    );
    expect(port?.moment).toEqual({ kind: 'recorded', text: "Quarantined at tick 1 by labels's key check" });
  });

  it('traces a row quarantined for a NULL key from the input record that made it to the key check', async () => {
    const mesh = aLabelsMesh('SELECT status, max(name) AS label FROM items GROUP BY status', 'status');

    const { trace, step, port } = await traceOfQuarantined(mesh, chairAtTick1(null), '{"status":null,"label":"chair"}');

    expect(trace.key).toEqual({ id: 9 });
    expect(step?.records).toEqual([{ status: null, label: 'chair' }]);
    expect(port?.moment).toEqual({ kind: 'recorded', text: "Quarantined at tick 1 by labels's key check" });
    expect(port?.check).toMatchObject({
      passed: false,
      rule: 'required',
      property: 'status',
      message: 'key status is missing',
      keyCheckOf: 'labels',
    });
  });
});
