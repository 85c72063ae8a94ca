import { beforeAll, describe, expect, it } from 'vitest';
import type { Mesh } from '../../../shared/model';
import type { Table } from '../../../shared/model/table';
import type { Simulation } from '../../../shared/simulation';
import { readMessages } from '../../../shared/simulation/log-reader';
import { outboxConditionProblem } from '../../../shared/simulation/outbox-condition';
import { planPipeline } from '../../../shared/simulation/pipeline-plan';
import { aMesh, aProduct, aScenario, aSystem, loadSqlJs, simulate } from './builders';

beforeAll(() => loadSqlJs(), 60_000);

const FINISHED_LOG = 'tournament/match-finished-events';

/** The esports organiser's service: an event only when a match becomes finished, on updates. */
function tournament(when: string): Mesh {
  return aMesh()
    .with(
      aSystem('tournament')
        .withTable('matches', { id: 'integer', status: 'text' })
        .withOutboxEvent('match-finished-events', { name: 'MatchFinished', table: 'matches', on: ['update'], when }),
      aProduct('results').withInput('finished-in'),
    )
    .withLink('tournament/match-finished-events', 'results/finished-in')
    .build();
}

/** Match 21 scheduled, then live, finished, and finished again (a correction that changes nothing of interest). */
function matchDay(mesh: Mesh) {
  return simulate(
    mesh,
    aScenario()
      .at(1, 'tournament', 'matches', 'insert', { values: { id: 21, status: 'scheduled' } })
      .at(2, 'tournament', 'matches', 'update', { values: { status: 'live' }, where: { id: 21 } })
      .at(3, 'tournament', 'matches', 'update', { values: { status: 'finished' }, where: { id: 21 } })
      .at(4, 'tournament', 'matches', 'update', { values: { status: 'finished' }, where: { id: 21 } })
      .build(),
  );
}

function eventsOf(mesh: Mesh, simulation: Simulation): unknown[] {
  const log = planPipeline(mesh).logs.find((candidate) => candidate.table === FINISHED_LOG);
  if (!log) throw new Error(`no log ${FINISHED_LOG}`);
  const read = readMessages(simulation.query, log, { limit: 20 });
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.value.map((message) => message.value);
}

/** Match day run with `when`: the problems the run reports at the condition, and the events it published. */
async function runWithCondition(when: string): Promise<{ conditionProblems: string[]; events: unknown[] }> {
  const mesh = tournament(when);
  const simulation = await matchDay(mesh);
  const { errors } = simulation.step(6);
  return {
    conditionProblems: errors
      .filter(({ path }) => path === 'systems[0].publishes[0].when')
      .map(({ message }) => message),
    events: eventsOf(mesh, simulation),
  };
}

describe('an outbox event published only when its condition holds', () => {
  const becomesFinished = "new.status = 'finished' AND (old.status IS NULL OR old.status <> 'finished')";

  it('writes no event for the live update and one for the update that finishes the match', async () => {
    const mesh = tournament(becomesFinished);
    const simulation = await matchDay(mesh);
    simulation.step(6);

    // Tick 3 (09:03) finishes the match; the outbox numbers only the rows it holds, so it is event 1.
    expect(eventsOf(mesh, simulation)).toEqual([
      { event_id: 'MatchFinished-1', id: 21, occurred_at: '2026-01-05T09:03:00.000Z', status: 'finished' },
    ]);
    expect(simulation.step(0).errors).toEqual([]);
  });

  it('says at the condition why an expression naming no column of the table is refused, and publishes nothing', async () => {
    expect(await runWithCondition("new.state = 'finished'")).toEqual({
      conditionProblems: ["the condition names new.state, but table 'matches' has no column 'state'"],
      events: [],
    });
  });

  it('publishes on each change of a column tested with IS DISTINCT FROM, not on an update that keeps it', async () => {
    const { conditionProblems, events } = await runWithCondition('new.status IS DISTINCT FROM old.status');
    expect(conditionProblems).toEqual([]);
    // The live and the finished update; the second 'finished' changes nothing.
    expect(events.map((event) => (event as { status: string }).status).sort()).toEqual(['finished', 'live']);
  });

  it('repeats exactly with the same seed', async () => {
    const mesh = tournament(becomesFinished);
    const runs = await Promise.all([matchDay(mesh), matchDay(mesh)]);
    for (const run of runs) run.step(6);
    expect(eventsOf(mesh, runs[0] as Simulation)).toEqual(eventsOf(mesh, runs[1] as Simulation));
  });
});

describe('the check of an outbox condition, shared by validation and the engine', () => {
  const matches: Table = {
    name: 'matches',
    columns: [
      { name: 'id', type: 'integer', nullable: false },
      { name: 'status', type: 'text', nullable: true },
    ],
    primaryKey: ['id'],
  };

  it.each([
    ["new.status = 'finished'", undefined],
    ["NEW.\"status\" = 'finished' AND old.status IS NOT 'finished'", undefined],
    ["new.status IN ('finished', 'forfeited')", undefined],
    ['', 'the condition is empty: write one, or remove it to publish on every change'],
    [
      "status = 'finished'",
      'the condition names status alone: write new.status (after the change) or old.status (before it)',
    ],
    [
      "matches.status = 'finished'",
      "the condition names matches.status: only new.column (after the change) and old.column (before it) name the row's values",
    ],
    ["new.status = 'finished'; DELETE FROM matches", "the condition must be one expression; ';' ends it"],
    ['new.status = :wanted', "':wanted' is a parameter, and nothing gives it a value: write the value itself"],
    [
      'new.id IN (SELECT id FROM matches)',
      'the condition tests the changed row alone (new.column, old.column): it cannot hold a query (SELECT)',
    ],
    ['new.id IN _clock', "IN _clock reads a table; list the values instead: IN ('a', 'b')"],
    ["mesh_offset('x', 0) > 0", "the condition calls mesh_offset, one of the engine's own functions"],
    ["new.status = 'finished')", 'near ")": this parenthesis closes none that was opened'],
    [
      "new.status = 'finished' AND score > 0",
      "the condition names score, but table 'matches' has no column 'score': write new.column (after the change) or old.column (before it)",
    ],
    ['new.status IS DISTINCT FROM old.status', undefined],
    ['new.status IS NOT DISTINCT FROM old.status', undefined],
    ["new.status COLLATE NOCASE = 'Finished' AND TRUE", undefined],
    ['CAST(new.id AS DOUBLE PRECISION) > 1 AND CAST(new.id AS VARCHAR(10)) <> old.status', undefined],
    [
      "CASE WHEN new.status ISNULL THEN 0 ELSE 1 END = 1 AND new.id BETWEEN 1 AND 5 AND new.status LIKE 'f!%' ESCAPE '!'",
      undefined,
    ],
    ["new.status NOT GLOB 'x*' AND old.id NOTNULL AND new.status > CURRENT_TIMESTAMP", undefined],
  ])('judges %j', (when, problem) => {
    expect(outboxConditionProblem(when, matches)).toBe(problem);
  });

  it("leaves to SQLite what the text cannot tell, and the run reports SQLite's message at the condition", async () => {
    expect(await runWithCondition('no_such_function(new.status)')).toEqual({
      conditionProblems: ['no such function: no_such_function'],
      events: [],
    });
  });
});
