import { type LayoutClash, layoutClashes, layoutClashMessage } from '../../editing/layout-clashes';
import { type ElementRef, formatPath, type Mesh } from '../../model';
import type { Rule } from '../rule';

export const layoutClashesRule: Rule = {
  id: 'layout-clashes',
  title: 'Domains lie apart, each product and system inside its domain, clear of its siblings',
  rationale:
    'The app never lays domains over each other, a node outside its domain or a card over another; a hand edit or a git merge can, and the canvas then draws a pile.',
  defaultSeverity: 'warning',
  reads: ['domains', 'products', 'systems', 'layout'],
  check({ mesh }) {
    return layoutClashes(mesh).map((clash) => ({
      element: clashElement(mesh, clash),
      path: formatPath(['layout', 'nodes', clash.kind === 'overlapping-domain' ? clash.domainId : clash.nodeId]),
      message: layoutClashMessage(mesh, clash),
      fixHint: FIX_HINTS[clash.kind],
      ...(clash.kind === 'overlapping-domain' && {
        related: clash.overlappedIds.map((domainId): ElementRef => ({ kind: 'domain', domainId })),
      }),
      ...(clash.kind === 'overlapping-cards' && {
        related: clash.overlappedIds.map((nodeId) => nodeElement(mesh, nodeId)),
      }),
    }));
  },
};

const FIX_HINTS: Record<LayoutClash['kind'], string> = {
  'overlapping-domain': 'Press Auto-layout, or drag the domain clear of the others.',
  'outside-domain': 'Press Auto-layout, or drag it back into its domain.',
  'overlapping-cards': 'Press Auto-layout, or drag it clear of the cards it covers.',
};

function clashElement(mesh: Mesh, clash: LayoutClash): ElementRef {
  if (clash.kind === 'overlapping-domain') return { kind: 'domain', domainId: clash.domainId };
  return nodeElement(mesh, clash.nodeId);
}

function nodeElement(mesh: Mesh, nodeId: string): ElementRef {
  return mesh.products.some((product) => product.id === nodeId)
    ? { kind: 'product', productId: nodeId }
    : { kind: 'system', systemId: nodeId };
}
