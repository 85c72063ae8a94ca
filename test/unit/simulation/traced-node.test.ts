import { describe, expect, it } from 'vitest';
import { type SimulationState, tracedNodeId, useSimulationStore } from '../../../renderer/simulation/simulation-store';
import type { ChangeTrace } from '../../../shared/simulation';

const trace = { stages: [{ kind: 'raw', nodeId: 'orders' }] } as unknown as ChangeTrace;
const withTrace = (patch: Partial<SimulationState>): SimulationState => ({
  ...useSimulationStore.getState(),
  mode: 'simulate',
  trace,
  traceStage: 0,
  ...patch,
});

describe('the node the canvas outlines as the trace’s current stage', () => {
  it('is the stage’s node while the Trace tab is open, or presenting', () => {
    expect(tracedNodeId(withTrace({ panelTab: 'trace' }))).toBe('orders');
    expect(tracedNodeId(withTrace({ panelTab: 'inspect', isPresenting: true }))).toBe('orders');
  });

  it('is none once another tab is open, so a product clicked for Inspect is the only one that looks selected', () => {
    expect(tracedNodeId(withTrace({ panelTab: 'inspect' }))).toBeUndefined();
    expect(tracedNodeId(withTrace({ panelTab: 'trace', mode: 'design' }))).toBeUndefined();
  });
});
