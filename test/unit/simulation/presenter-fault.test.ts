import { describe, expect, it } from 'vitest';
import { setSimulation, useSimulationStore } from '../../../renderer/simulation/simulation-store';

describe('the fault the presenter banner tells of', () => {
  it('is forgotten when Present starts, so a fault fired before is not told as if just fired', () => {
    const fault = { kind: 'consumer-offline', tick: 2, productId: 'catalog', ticks: 3 } as const;
    setSimulation({ isPresenting: false, lastFiredFault: { fault, firedWith: 'button' } });
    setSimulation({ isPresenting: true });
    expect(useSimulationStore.getState().lastFiredFault).toBeNull();
    setSimulation({ isPresenting: false });
  });
});
