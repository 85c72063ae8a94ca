import { describe, expect, it } from 'vitest';
import { planPipeline, tableGuide } from '../../../shared/simulation';
import { aContract, aMesh, aProduct, aScenario, aSystem, rowsOf, simulate } from './builders';

/** A MySQL table without a primary key, captured whole, and a product that reads it without a key of its own. */
const alarmsMesh = () =>
  aMesh()
    .with(
      aSystem('tools')
        .onEngine('mysql')
        .withTable('alarms', { tool_id: 'text', code: 'text', severity: 'integer' }, [])
        .withCdcTopic('alarms-cdc', 'alarms', { tombstones: true }),
      aProduct('equipment').withInput('alarms-in'),
    )
    .withLink('tools/alarms-cdc', 'equipment/alarms-in')
    .build();

const COUNTED = 'SELECT tool_id, code, severity, count(*) AS copies FROM alarms GROUP BY 1, 2, 3 ORDER BY 1, 2, 3';

describe('a table without a primary key, read by a consumer', () => {
  it('says in the SQL console that its clean table keeps copies', () => {
    expect(tableGuide(planPipeline(alarmsMesh()), 'equipment')[1]).toEqual({
      table: 'alarms',
      holds:
        'every row as often as its source table holds it, which has no primary key (an insert adds a copy, a delete removes one)',
      namedAfter: "the source table 'alarms' of CDC topic 'tools.public.alarms'",
    });
  });

  it('keeps every copy of a row, as the source holds them', async () => {
    const simulation = await simulate(
      alarmsMesh(),
      aScenario()
        .at(1, 'tools', 'alarms', 'insert', { values: { tool_id: 'ETCH-01', code: 'A1', severity: 2 } })
        .at(1, 'tools', 'alarms', 'insert', { values: { tool_id: 'ETCH-01', code: 'A1', severity: 2 } })
        .at(1, 'tools', 'alarms', 'insert', { values: { tool_id: 'CVD-03', code: 'A2', severity: 1 } })
        // Both ETCH-01 copies become severity 1: two updates, each replacing one copy.
        .at(2, 'tools', 'alarms', 'update', { values: { severity: 1 }, where: { tool_id: 'ETCH-01' } })
        .at(3, 'tools', 'alarms', 'insert', { values: { tool_id: 'CVD-03', code: 'A2', severity: 1 } })
        .build(),
    );
    simulation.step(3);

    expect(rowsOf(simulation, 'equipment', COUNTED)).toEqual([
      { tool_id: 'CVD-03', code: 'A2', severity: 1, copies: 2 },
      { tool_id: 'ETCH-01', code: 'A1', severity: 1, copies: 2 },
    ]);
  });

  it('removes one copy per row the source deletes, keeping the others', async () => {
    // Random deletes take one row at a time (by rowid), so copies go one by one.
    const simulation = await simulate(
      alarmsMesh(),
      aScenario()
        .withData('tools', 'alarms', 6, {
          tool_id: { kind: 'oneOf', values: ['ETCH-01', 'CVD-03'] },
          code: { kind: 'oneOf', values: ['A1'] },
          severity: { kind: 'integer', min: 1, max: 2 },
        })
        .withRate('tools', 'alarms', { inserts: 2, updates: 2, deletes: 1, updateColumns: ['severity'] })
        .build(),
    );
    simulation.step(10);

    const source = rowsOf(simulation, 'tools', COUNTED);
    expect(source.some((row) => Number(row.copies) > 1)).toBe(true);
    expect(rowsOf(simulation, 'equipment', COUNTED)).toEqual(source);
  });

  it('publishes a row, and keeps its version current, while one copy of it is left', async () => {
    const mesh = aMesh()
      .with(
        aSystem('tools')
          .onEngine('mysql')
          .withTable('alarms', { tool_id: 'text', code: 'text' }, [])
          .withCdcTopic('alarms-cdc', 'alarms', { tombstones: true }),
        aProduct('equipment').withInput('alarms-in').withOutput('alarms-out', 'alarm'),
        aContract('alarm', 'entity', 'alarms')
          .withProperty('tool_id', 'string')
          .withProperty('code', 'string')
          .keepingHistory(),
      )
      .withLink('tools/alarms-cdc', 'equipment/alarms-in')
      .build();
    // Two equal rows to start with, then one deleted per tick.
    const scenario = aScenario()
      .withData('tools', 'alarms', 2, {
        tool_id: { kind: 'oneOf', values: ['ETCH-01'] },
        code: { kind: 'oneOf', values: ['A1'] },
      })
      .withRate('tools', 'alarms', { deletes: 1 })
      .build();
    const simulation = await simulate(mesh, scenario, { recentMessages: 5 });
    const alarm = { tool_id: 'ETCH-01', code: 'A1' };
    const published = () =>
      simulation.metrics().logs['equipment/alarms-out']?.recent.map((message) => [message.key, message.value]);

    simulation.step(1);
    expect(rowsOf(simulation, 'equipment', 'SELECT * FROM alarms')).toEqual([alarm]);
    expect(rowsOf(simulation, 'equipment', 'SELECT is_current FROM alarms_history')).toEqual([{ is_current: 1 }]);
    expect(published()).toEqual([[alarm, alarm]]);

    simulation.step(1);
    expect(rowsOf(simulation, 'equipment', 'SELECT * FROM alarms')).toEqual([]);
    expect(rowsOf(simulation, 'equipment', 'SELECT is_current FROM alarms_history')).toEqual([{ is_current: 0 }]);
    expect(published()).toEqual([
      [alarm, alarm],
      [alarm, null],
    ]);
  });
});
