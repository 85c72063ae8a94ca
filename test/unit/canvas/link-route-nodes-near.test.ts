import type { ReactFlowState } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { linkRoute, plainWay } from '../../../renderer/canvas/link-route';
import { ROUTING_MARGIN, selectBodiesNear } from '../../../renderer/canvas/node-bodies';
import { segmentCrosses } from '../../../renderer/canvas/obstacle-route';
import { type RoutedLink, spreadSharedRuns } from '../../../renderer/canvas/shared-runs';
import { boundsOf, type Point, type Rect } from '../../../shared/editing/geometry';
import { sharedLength } from './shared-length';

/** The products and the system of test/fixtures/mesh/fitness-club-crossing-link.mesh.json, as drawn. */
const drawn: Record<string, Rect> = {
  'turnstile-controller': { x: 436, y: 324, width: 300, height: 149 },
  'memberships-contracts': { x: 32, y: 190, width: 260, height: 74 },
  'club-occupancy': { x: 436, y: 190, width: 260, height: 74 },
  'turnstile-check-ins': { x: 436, y: 56, width: 260, height: 74 },
  'equipment-assets': { x: 32, y: 641, width: 260, height: 74 },
  invoices: { x: 526, y: 641, width: 260, height: 74 },
  'maintenance-tickets': { x: 162, y: 839, width: 260, height: 74 },
};

/** The canvas's store, as far as finding the bodies near a link reads it. */
function canvasHolding(bodies: Record<string, Rect>): ReactFlowState {
  const ids = Object.keys(bodies);
  const nodeLookup = new Map(
    ids.map((id) => {
      const { x, y, width, height } = bodies[id] as Rect;
      return [id, { internals: { positionAbsolute: { x, y } }, measured: { width, height } }];
    }),
  );
  return { nodes: ids.map((id) => ({ id, type: 'product' })), nodeLookup } as unknown as ReactFlowState;
}

/** A link's route as the canvas draws it on its own, with the bodies it is given to keep clear of. */
function routedAsDrawn(linkId: string, from: Point, to: Point, ends: [string, string]): RoutedLink {
  const bothNodes = boundsOf(ends.map((id) => drawn[id] as Rect));
  const plain = plainWay(from, to, bothNodes);
  const bodies = selectBodiesNear(plain, ROUTING_MARGIN)(canvasHolding(drawn));
  const { points } = linkRoute(from, to, bothNodes, 0, bodies);
  return { linkId, points, sourcePort: `${ends[0]}/out`, targetPort: `${ends[1]}/in`, bodies, outlines: [] };
}

/** The nodes, other than its own two, that a route runs through. */
function nodesCrossed(points: readonly Point[], ends: readonly string[]): string[] {
  return Object.entries(drawn)
    .filter(([id]) => !ends.includes(id))
    .filter(([, body]) => points.slice(1).some((end, index) => segmentCrosses(points[index] as Point, end, body)))
    .map(([id]) => id);
}

describe('links moved apart, among the nodes near them', () => {
  // Memberships & Contracts → Invoices enters level with Equipment Assets' dataset, whose link
  // runs right before it turns back to Maintenance Tickets: the two would share that line.
  const toInvoices = routedAsDrawn('memberships-to-invoices', { x: 296, y: 246 }, { x: 522, y: 697 }, [
    'memberships-contracts',
    'invoices',
  ]);
  const toTickets = routedAsDrawn('assets-to-tickets', { x: 296, y: 697 }, { x: 158, y: 895.2 }, [
    'equipment-assets',
    'maintenance-tickets',
  ]);

  it('keeps a link between domains out of the products and systems of a domain it passes (fitness club)', () => {
    const apart = spreadSharedRuns([toInvoices, toTickets]);

    const drawnRoute = (link: RoutedLink) => apart.get(link.linkId) ?? link.points;
    expect(nodesCrossed(drawnRoute(toInvoices), ['memberships-contracts', 'invoices'])).toEqual([]);
    expect(nodesCrossed(drawnRoute(toTickets), ['equipment-assets', 'maintenance-tickets'])).toEqual([]);
  });

  it('steps a link onto its port’s line past another link’s run along it, where the turns cannot move apart (fitness club)', () => {
    const apart = spreadSharedRuns([toInvoices, toTickets]);

    const [intoInvoices, outOfAssets] = [toInvoices, toTickets].map((link) => apart.get(link.linkId) ?? link.points);
    expect(sharedLength(intoInvoices as Point[], outOfAssets as Point[])).toBe(0);
    expect(nodesCrossed(intoInvoices as Point[], ['memberships-contracts', 'invoices'])).toEqual([]);
    expect(nodesCrossed(outOfAssets as Point[], ['equipment-assets', 'maintenance-tickets'])).toEqual([]);
    expect([intoInvoices?.[0], intoInvoices?.at(-1)]).toEqual([toInvoices.points[0], toInvoices.points.at(-1)]);
  });
});
