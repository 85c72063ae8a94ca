import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RunErrorList } from '../../../renderer/simulation/run-errors';
import { aMesh, aPort } from '../../builders/mesh-builder';

const shop = aMesh()
  .withDomain('sales')
  .withProduct('orders', 'sales', {
    name: 'Orders',
    outputPorts: [aPort('orders-out', 'output', { name: 'out' })],
    transformations: [{ name: 'daily_totals', sql: 'SELECT 1' }],
  })
  .build();

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
});
