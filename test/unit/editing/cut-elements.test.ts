import { describe, expect, it } from 'vitest';
import { linksToRest, withCutLinksRestored } from '../../../shared/editing/cut-elements';
import { withoutElements } from '../../../shared/editing/delete-elements';
import { copyFragment, pasteFragment } from '../../../shared/editing/mesh-fragment';
import type { Mesh } from '../../../shared/model';
import { salesPipeline } from './editing-fixtures';

const cutOrders = (mesh: Mesh) => {
  const fragment = copyFragment(mesh, new Set(['orders']));
  const rest = withoutElements(mesh, { nodeIds: new Set(['orders']), linkIds: new Set() });
  return { fragment, links: linksToRest(mesh, fragment), rest };
};

describe('a cut pasted back', () => {
  it('keeps the links between the cut and the rest, to restore them', () => {
    expect(cutOrders(salesPipeline()).links.map((link) => link.id)).toEqual(['shop-to-orders', 'orders-to-revenue']);
  });

  it('restores them under their own ids when both ends are back', () => {
    const { fragment, links, rest } = cutOrders(salesPipeline());
    const pasted = pasteFragment(rest, fragment, { at: { x: 500, y: 150 } });
    const restored = withCutLinksRestored(rest, pasted.mesh, links);
    expect(restored.linkIds).toEqual(['shop-to-orders', 'orders-to-revenue']);
    expect(restored.mesh.links).toEqual(salesPipeline().links);
  });

  it('leaves out a link the connection rules now refuse: an input port fed since', () => {
    const { fragment, links, rest } = cutOrders(salesPipeline());
    const fedSince: Mesh = {
      ...rest,
      links: [
        {
          id: 'shop-to-revenue',
          from: { nodeId: 'shop', portId: 'items-cdc' },
          to: { nodeId: 'revenue', portId: 'in' },
        },
      ],
    };
    const pasted = pasteFragment(fedSince, fragment, { at: { x: 500, y: 150 } });
    expect(withCutLinksRestored(fedSince, pasted.mesh, links).linkIds).toEqual(['shop-to-orders']);
  });

  it('restores none to a cut element pasted as a copy, its id taken', () => {
    const mesh = salesPipeline();
    const { fragment, links } = cutOrders(mesh);
    const pasted = pasteFragment(mesh, fragment, { at: { x: 500, y: 150 } });
    expect(withCutLinksRestored(mesh, pasted.mesh, links).linkIds).toEqual([]);
  });
});
