import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../../shared/simulation/scenario-check';
import { starterScenario } from '../../../shared/simulation/starter-scenario';
import { aContract, aMesh, aProduct, aScenario, aSystem, rowsOf, simulate } from './builders';

const FLIGHT_NUMBER = '^[A-Z]{2}\\d{3,4}$';

/** Flights captured to a topic a product reads under a contract that gives `flight_no` and `gate` a pattern. */
function flights(gatePattern = '^(A|B|C)[1-9]\\d?$', gateExamples?: unknown[]) {
  return aMesh()
    .with(
      aSystem('ops')
        .withTable('flights', { id: 'integer', flight_no: 'text', gate: 'text', note: 'text' })
        .withCdcTopic('flights-cdc', 'flights'),
      aProduct('schedule').withInput('flights-in').withOutput('flights-out', 'flight'),
      aContract('flight', 'entity', 'flights')
        .withKey('id', 'integer')
        .withProperty('flight_no', 'string', { required: true, logicalTypeOptions: { pattern: FLIGHT_NUMBER } })
        .withProperty('gate', 'string', {
          required: true,
          logicalTypeOptions: { pattern: gatePattern },
          ...(gateExamples ? { examples: gateExamples } : {}),
        })
        .withProperty('note', 'string', { logicalTypeOptions: { pattern: '^[a-z]+$' } }),
    )
    .withLink('ops/flights-cdc', 'schedule/flights-in')
    .build();
}

describe('text generated for a column whose contract gives a pattern', () => {
  const scenario = aScenario()
    .withData('ops', 'flights', 30, {
      flight_no: { kind: 'fake', what: 'word' },
      gate: { kind: 'uuid' },
      note: { kind: 'fake', what: 'word' },
    })
    .withRate('ops', 'flights', { inserts: 2, updates: 2, updateColumns: ['flight_no', 'gate'] })
    .build();

  it('matches it, in initial rows, inserts and updates alike; made-up text that already matches is kept', async () => {
    const simulation = await simulate(flights(), scenario);
    simulation.step(5);

    const rows = rowsOf(simulation, 'ops', 'SELECT flight_no, gate, note FROM flights');
    expect(rows).toHaveLength(40);
    for (const row of rows) {
      expect(row.flight_no).toMatch(new RegExp(FLIGHT_NUMBER));
      expect(row.gate).toMatch(/^(A|B|C)[1-9]\d?$/);
      expect(row.note).toMatch(/^[a-z]+$/);
    }
    expect(new Set(rows.map((row) => row.note)).size).toBeGreaterThan(3);
  });

  it('is the same for the same seed', async () => {
    const runs = await Promise.all([simulate(flights(), scenario), simulate(flights(), scenario)]);
    const [first, second] = runs.map((simulation) => rowsOf(simulation, 'ops', 'SELECT * FROM flights ORDER BY id'));
    expect(first).toEqual(second);
  });

  it('is refused, naming the column, where the pattern is one text cannot be made for', () => {
    const lookahead = '^(?=.*\\d)[A-Z\\d]{4}$';
    const mesh = flights(lookahead);

    expect(checkScenario(mesh, scenario, 'scenario')).toEqual([
      {
        path: 'scenario.data[0].generators.gate',
        target: 'key',
        message: `'gate' cannot be generated to match its contract's pattern ${lookahead}: it has a lookaround or a named group; give it a oneOf generator with values that match`,
      },
    ]);
    const withValues = aScenario()
      .withData('ops', 'flights', 3, { gate: { kind: 'oneOf', values: ['A1', 'B2'] } })
      .build();
    expect(checkScenario(mesh, withValues, 'scenario')).toEqual([]);
  });

  it("is drawn by New scenario from the contract's examples that match it, where text cannot be made for it", () => {
    const lookahead = '^(?=.*\\d)[A-Z\\d]{4}$';
    const mesh = flights(lookahead, ['A1B2', 'GATE', 'C3D4', 7]);
    const starter = starterScenario(mesh);

    expect(starter.data[0]?.generators.gate).toEqual({ kind: 'oneOf', values: ['A1B2', 'C3D4'] });
    expect(checkScenario(mesh, starter, 'scenario')).toEqual([]);
  });
});
