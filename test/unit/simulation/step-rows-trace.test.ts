import { beforeAll, describe, expect, it } from 'vitest';
import { traceChange } from '../../../shared/simulation/change-trace';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { aContract, aMesh, aProduct, aScenario, aSystem, loadSqlJs, simulate } from './builders';
import { traceOfNewestRecord } from './newest-record-trace';

// Loading sql.js's wasm is slow on a busy machine; it is not what these tests time.
beforeAll(() => loadSqlJs(), 60_000);

describe('the trace of a change at a step whose result holds several rows linked to it', () => {
  // One event per change of a loan: every event of loan 1 shares its loan_id, each its own event_id.
  const library = aMesh()
    .with(
      aSystem('library').withTable('loans', { loan_id: 'integer', status: 'text' }).withCdcTopic('loans-cdc', 'loans'),
      aProduct('loan-events')
        .withInput('loans-in')
        .withOutput('events-out', 'loan-event')
        .withTransformation(
          'loan_events',
          `SELECT printf('loans-%d', _sequence) AS event_id,
  strftime('%Y-%m-%dT%H:%M:%fZ', _source_ts / 1000.0, 'unixepoch') AS occurred_at,
  after_loan_id AS loan_id, after_status AS status
FROM raw_loans_in WHERE _op IN ('c', 'u')`,
        ),
      aContract('loan-event', 'event', 'loan_events')
        .withKey('event_id', 'string')
        .withProperty('occurred_at', 'timestamp', { required: true })
        .withProperty('loan_id', 'integer')
        .withProperty('status', 'string'),
    )
    .withLink('library/loans-cdc', 'loan-events/loans-in')
    .build();

  /** The output port's stage of the trace of loan 1's last change, after its insert at tick 1 and an update a tick after. */
  async function portStageOfLastChange(updates: number) {
    const scenario = aScenario().at(1, 'library', 'loans', 'insert', { values: { loan_id: 1, status: 'borrowed' } });
    for (let tick = 2; tick < 2 + updates; tick++) {
      const status = tick % 2 === 0 ? 'overdue' : 'borrowed';
      scenario.at(tick, 'library', 'loans', 'update', { values: { status }, where: { loan_id: 1 } });
    }
    const simulation = await simulate(library, scenario.build());
    simulation.step(2 + updates);
    const stages = traceOfNewestRecord(library, simulation, 'library/loans-cdc').stages;
    return stages.find((stage) => stage.kind === 'output-port');
  }

  it('shows at the port the record the port published for this change, not an earlier change’s', async () => {
    const port = await portStageOfLastChange(1);

    expect(port?.records).toEqual([expect.objectContaining({ event_id: 'loans-2', status: 'overdue' })]);
    expect(port?.moment).toEqual({ kind: 'recorded', text: 'Published at 2026-01-05T09:02:00.000Z' });
    expect(port?.note).toBeUndefined();
  });

  it('finds that record among more earlier events than the step’s stage lists', async () => {
    const port = await portStageOfLastChange(25);

    expect(port?.records).toEqual([expect.objectContaining({ event_id: 'loans-26', status: 'overdue' })]);
    expect(port?.moment).toEqual({ kind: 'recorded', text: 'Published at 2026-01-05T09:26:00.000Z' });
  });

  it('shows at the port the event this change made, not the one another change of the loan made in the same tick', async () => {
    // Both updates reach the product at tick 2 (positions 2 and 3), and each makes an event of loan 1.
    const scenario = aScenario()
      .at(1, 'library', 'loans', 'insert', { values: { loan_id: 1, status: 'borrowed' } })
      .at(2, 'library', 'loans', 'update', { values: { status: 'overdue' }, where: { loan_id: 1 } })
      .at(2, 'library', 'loans', 'update', { values: { status: 'returned' }, where: { loan_id: 1 } })
      .build();
    const simulation = await simulate(library, scenario);
    simulation.step(2);
    const portStageOf = (position: number) => {
      const start = { kind: 'record', log: 'library/loans-cdc', position } as const;
      const traced = traceChange(planPipeline(library), simulation, start);
      if (!traced.ok) throw new Error(JSON.stringify(traced.errors));
      return traced.value.stages.find((stage) => stage.kind === 'output-port');
    };

    expect(portStageOf(2)?.records).toEqual([expect.objectContaining({ event_id: 'loans-2', status: 'overdue' })]);
    expect(portStageOf(3)?.records).toEqual([expect.objectContaining({ event_id: 'loans-3', status: 'returned' })]);
  });
});
