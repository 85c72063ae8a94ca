// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RunErrorList, RunErrors } from '../../../renderer/simulation/run-errors';
import { useSimulationStore } from '../../../renderer/simulation/simulation-store';
import type { SimulationMetrics } from '../../../shared/simulation';
import { aMesh, aPort } from '../../builders/mesh-builder';

const shop = aMesh()
  .withDomain('sales')
  .withProduct('orders', 'sales', {
    name: 'Orders',
    inputPorts: [aPort('payments-in', 'input', { name: 'Payments' })],
    outputPorts: [aPort('orders-out', 'output', { name: 'out' })],
    transformations: [{ name: 'daily_totals', sql: 'SELECT 1' }],
  })
  .build();

Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', true);

/** The problems RunErrors lists for a run's metrics, as text. */
function listedProblems(metrics: SimulationMetrics): (string | null)[] {
  useSimulationStore.setState({ metrics, runMesh: shop });
  const container = document.createElement('div');
  const root = createRoot(container);
  try {
    act(() => root.render(<RunErrors />));
    return [...container.querySelectorAll('li')].map((item) => item.textContent);
  } finally {
    act(() => root.unmount());
    useSimulationStore.setState(useSimulationStore.getInitialState());
  }
}

describe('the problems a run lists', () => {
  it('name the elements they are at as the canvas calls them, and keep the path in a tooltip', () => {
    const errors = [
      {
        path: 'products[0].outputPorts[0].contractId',
        nodeId: 'orders',
        message: 'no contract, so the port publishes nothing',
        firstTick: 0,
        lastTick: 0,
        count: 1,
      },
      {
        path: 'products[0].transformations[0]',
        nodeId: 'orders',
        step: 'daily_totals',
        message: 'no such column: totl',
        firstTick: 1,
        lastTick: 3,
        count: 3,
      },
    ];
    const html = renderToStaticMarkup(<RunErrorList errors={errors} runMesh={shop} />);
    expect(html).toContain('product &#x27;Orders&#x27;, output port &#x27;out&#x27;');
    expect(html).toContain('product &#x27;Orders&#x27;, transformation &#x27;daily_totals&#x27;');
    expect(html).toContain('title="products[0].outputPorts[0].contractId"');
    expect(html).not.toContain('>products[0]');
  });

  it('lists first what an input misses of its producer, as records lost to retention, at its input port', () => {
    const lost = {
      path: 'products[0].inputPorts[0]',
      nodeId: 'orders',
      consumer: 'orders/payments-in',
      message: "26 records lost to retention before it read them: its entity table 'payments' may now miss keys",
      firstTick: 6,
      lastTick: 14,
      count: 9,
    };
    const failed = {
      path: 'products[0].transformations[0]',
      nodeId: 'orders',
      message: 'no such column',
      firstTick: 1,
      lastTick: 1,
      count: 1,
    };
    const metrics = { inputGaps: [lost], errors: [failed], ports: {} } as unknown as SimulationMetrics;
    expect(listedProblems(metrics)).toEqual([
      "product 'Orders', input port 'Payments': 26 records lost to retention before it read them: its entity table 'payments' may now miss keys (ticks 6–14, 9 times)",
      "product 'Orders', transformation 'daily_totals': no such column (tick 1)",
    ]);
  });

  it('lists steps that changed no row as warnings of their own, under the problems', () => {
    const noRow = {
      path: 'scenarios[0].steps[4]',
      nodeId: 'orders',
      message: "delete changed no row: no row of orders has order_id = 'x'",
      firstTick: 5,
      lastTick: 5,
      count: 1,
    };
    const metrics = { inputGaps: [], errors: [], warnings: [noRow], ports: {} } as unknown as SimulationMetrics;
    useSimulationStore.setState({ metrics, runMesh: shop });
    const container = document.createElement('div');
    const root = createRoot(container);
    try {
      act(() => root.render(<RunErrors />));
      expect(container.querySelector('[aria-label="Run problems"]')).toBeNull();
      expect(container.querySelector('[aria-label="Run warnings"] h3')?.textContent).toBe('Warnings during the run');
      expect(container.querySelector('[aria-label="Run warnings"] li')?.textContent).toBe(
        "scenarios[0].steps[4]: delete changed no row: no row of orders has order_id = 'x' (tick 5)",
      );
    } finally {
      act(() => root.unmount());
      useSimulationStore.setState(useSimulationStore.getInitialState());
    }
  });

  it('lists what each output port quarantined, per rule and property, as the CLI’s summary says it', () => {
    const ports = {
      'orders/orders-out': {
        published: 38,
        quarantined: 3,
        violations: [
          {
            rule: 'required',
            property: 'total',
            count: 3,
            first: { tick: 10, message: 'total is required', record: { order_id: 13, total: null } },
          },
        ],
      },
      'orders/unknown-out': { published: 5, quarantined: 0, violations: [] },
    };
    const metrics = { inputGaps: [], errors: [], ports } as unknown as SimulationMetrics;
    expect(listedProblems(metrics)).toEqual([
      "product 'Orders', output port 'out': quarantined required on total: 3×, first at tick 10: total is required",
    ]);
  });
});
