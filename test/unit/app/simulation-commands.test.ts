import { afterEach, describe, expect, it } from 'vitest';
import { isCommandEnabled } from '../../../renderer/commands/run-command';
import { subscribeToCommandState } from '../../../renderer/commands/use-command-enabled';
import { setSimulation } from '../../../renderer/simulation/simulation-store';
import type { SimulationMetrics } from '../../../shared/simulation';
import { aMesh } from '../../builders/mesh-builder';
import { aScenarioAbout, openDocument } from '../store/store-fixture';

const RUN_COMMANDS = ['simulation.run-pause', 'simulation.step', 'simulation.reset'] as const;

describe('the simulation commands (shortcuts and menus)', () => {
  afterEach(() => setSimulation({ mode: 'design', status: 'idle', metrics: null }));

  it('cannot run, step or reset a design without a scenario, even in Simulate mode', () => {
    openDocument(aMesh().withDomain('sales').withSystem('shop', 'sales').build());
    setSimulation({ mode: 'simulate' });
    for (const id of RUN_COMMANDS) expect(isCommandEnabled(id), id).toBe(false);
  });

  it('can once the design has a scenario, and only in Simulate mode', () => {
    const mesh = aMesh().withDomain('sales').withSystem('shop', 'sales').build();
    mesh.scenarios.push(aScenarioAbout('shop'));
    openDocument(mesh);
    for (const id of RUN_COMMANDS) expect(isCommandEnabled(id), id).toBe(false);
    setSimulation({ mode: 'simulate' });
    for (const id of RUN_COMMANDS) expect(isCommandEnabled(id), id).toBe(true);
  });

  it('can step back only from a paused run past tick 0', () => {
    const atTick = (tick: number) => ({ tick }) as SimulationMetrics;
    setSimulation({ mode: 'simulate', status: 'paused', metrics: atTick(0) });
    expect(isCommandEnabled('simulation.step-back')).toBe(false);
    setSimulation({ status: 'running', metrics: atTick(3) });
    expect(isCommandEnabled('simulation.step-back')).toBe(false);
    setSimulation({ status: 'paused' });
    expect(isCommandEnabled('simulation.step-back')).toBe(true);
    setSimulation({ mode: 'design' });
    expect(isCommandEnabled('simulation.step-back')).toBe(false);
  });

  it('tells the menus when the mode changes, since what the commands may do depends on it', () => {
    let calls = 0;
    const unsubscribe = subscribeToCommandState(() => {
      calls += 1;
    });
    setSimulation({ mode: 'simulate' });
    unsubscribe();
    expect(calls).toBe(1);
  });
});
