import { describe, expect, it } from 'vitest';
import { namedProblem } from '../../../shared/model';
import { aMesh, aTruncatingScenario } from '../../builders/mesh-builder';

const gate = aMesh().withDomain('port').withSystem('gate-service', 'port', { name: 'Gate Automation' }).build();
gate.scenarios.push({
  ...aTruncatingScenario('gate-service', 'gate_transactions'),
  name: 'Morning shift',
  steps: [
    { tick: 3, systemId: 'gate-service', table: 'gate_transactions', op: 'truncate' },
    { tick: 9, systemId: 'gate-service', table: 'gate_transactions', op: 'insert', values: { gate_txn_id: 9001 } },
  ],
});

const pathOf = (path: string) => namedProblem(gate, { path, message: 'm' }).path;

describe('a problem named by the elements along its path', () => {
  it("names a scenario's step, which has no name, by its scenario and what it does, as the docs call steps", () => {
    expect(pathOf('scenarios[0].steps[1]')).toBe(
      "scenario 'Morning shift', insert step at tick 9 on table 'gate_transactions'",
    );
    expect(pathOf('scenarios[0].steps[0].op')).toBe(
      "scenario 'Morning shift', truncate step at tick 3 on table 'gate_transactions'",
    );
  });

  it('names the scenario of a problem in its other parts', () => {
    expect(pathOf('scenarios[0].rates[0]')).toBe("scenario 'Morning shift'");
  });

  it('names what it can of a path past the elements the design has, and keeps one through none', () => {
    expect(pathOf('scenarios[0].steps[7]')).toBe("scenario 'Morning shift'");
    expect(pathOf('scenarios[3].steps[0]')).toBe('scenarios[3].steps[0]');
  });
});
