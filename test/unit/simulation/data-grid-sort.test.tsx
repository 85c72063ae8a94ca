// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataGrid } from '../../../renderer/simulation/data-grid';
import { useSimulationStore } from '../../../renderer/simulation/simulation-store';
import type { SimulationMetrics } from '../../../shared/simulation';

// Every page the grid asks for is one row of two columns.
vi.mock('../../../renderer/simulation/simulation-controller', () => ({
  simulation: {
    query: async () => ({ ok: true, result: { columns: ['order_id', 'status'], rows: [[1000, 'new']] } }),
  },
}));

Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', true);

let root: Root | null = null;

async function orders(): Promise<HTMLElement> {
  useSimulationStore.setState({
    metrics: { tick: 1, tables: { shop: { orders: 1 } } } as unknown as SimulationMetrics,
  });
  const container = document.createElement('div');
  root = createRoot(container);
  await act(async () => root?.render(<DataGrid nodeId="shop" source={{ kind: 'table', table: 'orders' }} />));
  return container;
}

/** Each column header as a screen reader is told it: its accessible name's text and its sort state. */
function headers(grid: HTMLElement): { name: string; sort: string | null }[] {
  return [...grid.querySelectorAll('table > thead > tr > th')].map((header) => ({
    name: [...header.querySelectorAll('button')].map(accessibleText).join(''),
    sort: header.getAttribute('aria-sort'),
  }));
}

/** The text of an element but what is hidden from assistive technology. */
function accessibleText(element: Element): string {
  return [...element.childNodes]
    .map((node) =>
      node instanceof Element
        ? node.getAttribute('aria-hidden') === 'true'
          ? ''
          : accessibleText(node)
        : (node.textContent ?? ''),
    )
    .join('');
}

async function clickHeader(grid: HTMLElement, column: string): Promise<void> {
  const button = [...grid.querySelectorAll('th button')].find(
    (found) => accessibleText(found) === column,
  ) as HTMLButtonElement;
  await act(async () => button.click());
}

describe("a grid's sortable column headers", () => {
  afterEach(() => {
    act(() => root?.unmount());
    useSimulationStore.setState(useSimulationStore.getInitialState());
  });

  it('are the column headers of a table, none saying a sort before one is chosen', async () => {
    const grid = await orders();
    expect(headers(grid)).toEqual([
      { name: 'order_id', sort: null },
      { name: 'status', sort: null },
    ]);
  });

  it('tell the sorted column’s direction in aria-sort, the arrow kept out of its name', async () => {
    const grid = await orders();

    await clickHeader(grid, 'status');
    expect(headers(grid)).toEqual([
      { name: 'order_id', sort: null },
      { name: 'status', sort: 'ascending' },
    ]);
    expect(grid.textContent).toContain('status ▲');

    await clickHeader(grid, 'status');
    expect(headers(grid)).toEqual([
      { name: 'order_id', sort: null },
      { name: 'status', sort: 'descending' },
    ]);

    await clickHeader(grid, 'status');
    expect(headers(grid).map(({ sort }) => sort)).toEqual([null, null]);
  });
});
