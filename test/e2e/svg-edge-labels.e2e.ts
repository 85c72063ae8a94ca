import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type DiagramDrawer, openChromiumDrawer } from '../../cli/render/mermaid-images';
import { flowNode, renderFlowchart } from '../../shared/export/mermaid/flowchart';
import { svgEdgeLabelLines } from './svg-outside-browser';

describe.skipIf(!inject('chromiumPath'))('edge labels of a saved SVG', () => {
  let drawer: DiagramDrawer;
  beforeAll(async () => {
    const opened = await openChromiumDrawer();
    if (!opened.ok) throw new Error(opened.reason);
    drawer = opened.drawer;
  });
  afterAll(() => drawer?.close());

  it('break between words or after a long name’s dots, never inside a name', async () => {
    const text = renderFlowchart({
      title: 'Shipments',
      direction: 'LR',
      items: [flowNode('a', 'Shipping service'), flowNode('b', 'Shipments'), flowNode('c', 'Dashboard')],
      edges: [
        { from: 'a', to: 'b', label: 'shipping.public.shipment_status_events' },
        { from: 'b', to: 'c', label: 'Enriched shipment status with carrier details' },
      ],
    });
    const svg = (await drawer.draw(text, 'svg')) as string;
    expect(svgEdgeLabelLines(svg)).toEqual([
      'shipping.public.',
      'shipment_status_events',
      'Enriched shipment status',
      'with carrier details',
    ]);
  });
});
