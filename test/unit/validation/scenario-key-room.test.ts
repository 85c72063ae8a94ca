import { describe, expect, it } from 'vitest';
import type { ChangeRate, ScriptStep } from '../../../shared/model/scenario';
import { validateMesh } from '../../../shared/validation/validate-mesh';
import { aBusyDay, aGovernedMesh } from './governed-mesh';

/** Messages of scenario-key-room on Busy day, whose customers draw their key from five values. */
function keyRoomMessages(initialRows: number, rate: Partial<ChangeRate>, steps: ScriptStep[] = []): string[] {
  const mesh = aGovernedMesh();
  const scenario = aBusyDay();
  scenario.data = [
    {
      systemId: 'shop',
      table: 'customers',
      initialRows,
      generators: { customer_id: { kind: 'oneOf', values: [1, 2, 3, 4, 5] } },
    },
  ];
  scenario.rates = [
    { systemId: 'shop', table: 'customers', insertsPerTick: 0, updatesPerTick: 0, deletesPerTick: 0, ...rate },
  ];
  scenario.steps = steps;
  mesh.scenarios.push(scenario);
  return validateMesh(mesh)
    .filter((finding) => finding.ruleId === 'scenario-key-room')
    .map((finding) => `${finding.path}: ${finding.message}`);
}

describe('scenario-key-room with an insert rate', () => {
  it('says at which tick a rate runs out of keys', () => {
    expect(keyRoomMessages(2, { insertsPerTick: 0.5 })).toEqual([
      "scenarios[0].rates[0].insertsPerTick: scenario 'Busy day': at 0.5 inserts a tick, the 5 keys of 'customers' (customer_id; 2 used by initial rows) run out at tick 8, where an insert finds no unused key",
    ]);
  });

  it('counts insert steps by their tick', () => {
    const step: ScriptStep = { tick: 3, op: 'insert', systemId: 'shop', table: 'customers', values: {} };
    expect(keyRoomMessages(2, { insertsPerTick: 1 }, [step])[0]).toContain('run out at tick 3,');
  });

  it('says every insert fails when the initial rows take every key', () => {
    expect(keyRoomMessages(5, { insertsPerTick: 0.5 })).toEqual([
      "scenarios[0].rates[0].insertsPerTick: scenario 'Busy day': at 0.5 inserts a tick, every insert into 'customers' fails: its 5 keys (customer_id) are all used by initial rows, and a key is never reused",
    ]);
  });

  it('says nothing of a rate that inserts no rows', () => {
    expect(keyRoomMessages(2, { updatesPerTick: 3 })).toEqual([]);
  });
});
