import { describe, expect, it } from 'vitest';
import { traceLines, traceStartOf } from '../../../cli/change-trace-text';
import type { ChangeTrace, TraceStage } from '../../../shared/simulation';
import { aMesh, aSystem } from '../simulation/builders';

/** A trace of one service write, read at tick 3. */
function aTraceOf(write: Partial<TraceStage>): ChangeTrace {
  const stage: TraceStage = {
    kind: 'service-write',
    title: 'UPDATE runs',
    nodeId: 'runner',
    source: 'runs',
    records: [],
    moment: { kind: 'recorded', text: 'Written at 2026-01-05T09:03:00.000Z' },
    ...write,
  };
  return {
    key: { run_id: 902 },
    subject: '{"run_id":902}',
    stages: [stage],
    start: { kind: 'record', log: 'runner/runs-cdc', position: 1 },
    readAt: { tick: 3, time: '2026-01-05T09:03:00.000Z' },
  };
}

describe('the CLI’s trace text', () => {
  it('shows a changed key as old → new, as the app’s field table does', () => {
    const keyChange = aTraceOf({
      title: 'UPDATE runs, its key {"run_id":2} becoming {"run_id":902}',
      records: [{ run_id: 902, status: 'done' }],
      changed: ['run_id'],
      changedFrom: { run_id: 2 },
    });

    expect(traceLines(keyChange)).toContain('   changed: run_id 2 → 902');
  });

  it('names the changed fields of an update whose old values its CDC record shows', () => {
    const update = aTraceOf({ records: [{ run_id: 902, status: 'done' }], changed: ['status'] });

    expect(traceLines(update)).toContain('   changed: status');
  });
});

describe('the CLI’s trace start', () => {
  const mesh = aMesh()
    .with(
      aSystem('mes')
        .withTable('work_orders', { wo_id: 'integer', line: 'text', qty: 'numeric' }, ['wo_id'])
        .withCdcTopic('work-orders-cdc', 'work_orders'),
    )
    .build();

  it('reads a number written as a JSON string in an integer key column as that number', () => {
    expect(traceStartOf(mesh, 'mes/work_orders={"wo_id":"5002"}')).toEqual({
      start: { kind: 'row', nodeId: 'mes', table: 'work_orders', row: { wo_id: 5002 } },
    });
  });

  it('reads a one-column key as the number its integer column holds', () => {
    expect(traceStartOf(mesh, 'mes/work_orders=5002')).toEqual({
      start: { kind: 'row', nodeId: 'mes', table: 'work_orders', row: { wo_id: 5002 } },
    });
  });

  it.each([['5002000000000000017'], ['{"wo_id":5002000000000000017}'], ['{"wo_id":"5002000000000000017"}']])(
    'reads %s, an integer key past 2^53, with every digit, as the run’s records hold it',
    (key) => {
      // Hand-checked: doubles here are 1,024 apart; the nearest to …017 is 5002000000000000000.
      expect(traceStartOf(mesh, `mes/work_orders=${key}`)).toEqual({
        start: { kind: 'row', nodeId: 'mes', table: 'work_orders', row: { wo_id: 5002000000000000017n } },
      });
    },
  );

  it.each([['{"wo_id":"WO-5002"}'], ['{"wo_id":5002.5}'], ['WO-5002']])(
    'refuses %s for an integer key column, saying how to write it',
    (key) => {
      expect(traceStartOf(mesh, `mes/work_orders=${key}`)).toEqual({
        problem: expect.stringMatching(/^--trace: wo_id is an integer column: write a whole number \(got .+\)$/),
      });
    },
  );

  it.each([
    [
      'a column the table does not have',
      '{"wo_idx":5002}',
      "--trace: 'wo_idx' is not in the key of 'work_orders' (wo_id)",
    ],
    [
      'a column outside the key',
      '{"wo_id":5002,"line":"L1"}',
      "--trace: 'line' is not in the key of 'work_orders' (wo_id)",
    ],
    ['no column at all', '{}', "--trace: the key of 'work_orders' is wo_id: give wo_id too (got {})"],
  ])('refuses a key object with %s, naming the key', (_, key, problem) => {
    expect(traceStartOf(mesh, `mes/work_orders=${key}`)).toEqual({ problem });
  });

  it('refuses a key object that leaves out one of the key’s columns', () => {
    const slotted = aMesh()
      .with(
        aSystem('fleet')
          .withTable('hub_slots', { hub_id: 'integer', slot: 'text' }, ['hub_id', 'slot'])
          .withCdcTopic('hub-slots-cdc', 'hub_slots'),
      )
      .build();

    expect(traceStartOf(slotted, 'fleet/hub_slots={"hub_id":1}')).toEqual({
      problem: `--trace: the key of 'hub_slots' is hub_id, slot: give slot too (got {"hub_id":1})`,
    });
  });
});
