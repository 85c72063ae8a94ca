// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataGrid } from '../../../renderer/simulation/data-grid';
import { useSimulationStore } from '../../../renderer/simulation/simulation-store';
import type { SimulationMetrics } from '../../../shared/simulation';

// The grid's pages come from the simulation worker, which the footer does not need.
vi.mock('../../../renderer/simulation/simulation-controller', () => ({
  simulation: { query: () => new Promise(() => {}) },
}));

Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', true);

let root: Root | null = null;

async function footerFor(rows: number): Promise<string | null | undefined> {
  useSimulationStore.setState({
    metrics: { tick: 1, tables: { clinic: { quarantine: rows } } } as unknown as SimulationMetrics,
  });
  const container = document.createElement('div');
  root = createRoot(container);
  await act(async () => root?.render(<DataGrid nodeId="clinic" source={{ kind: 'table', table: 'quarantine' }} />));
  return container.querySelector('.data-grid__count')?.textContent;
}

describe("a grid's footer", () => {
  afterEach(() => {
    act(() => root?.unmount());
    useSimulationStore.setState(useSimulationStore.getInitialState());
  });

  it('counts one row in the singular', async () => {
    expect(await footerFor(1)).toBe('1 row');
  });

  it('counts other numbers of rows in the plural, thousands grouped', async () => {
    expect(await footerFor(12480)).toBe('12,480 rows');
  });
});
