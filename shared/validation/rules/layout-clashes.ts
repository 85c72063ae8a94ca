import { type LayoutClash, layoutClashes, layoutClashMessage } from '../../editing/layout-clashes';
import { type ElementRef, formatPath, type Mesh } from '../../model';
import type { Rule } from '../rule';

export const layoutClashesRule: Rule = {
  id: 'layout-clashes',
  title: 'Domains lie apart, each product and system inside its domain',
  rationale:
    'The app never lays domains over each other or a node outside its domain; a hand edit or a git merge can, and the canvas then draws a pile.',
  defaultSeverity: 'warning',
  reads: ['domains', 'products', 'systems', 'layout'],
  check({ mesh }) {
    return layoutClashes(mesh).map((clash) => ({
      element: clashElement(mesh, clash),
      path: formatPath(['layout', 'nodes', clash.kind === 'overlapping-domain' ? clash.domainId : clash.nodeId]),
      message: layoutClashMessage(mesh, clash),
      fixHint:
        clash.kind === 'overlapping-domain'
          ? 'Press Auto-layout, or drag the domain clear of the others.'
          : 'Press Auto-layout, or drag it back into its domain.',
      ...(clash.kind === 'overlapping-domain' && {
        related: clash.overlappedIds.map((domainId): ElementRef => ({ kind: 'domain', domainId })),
      }),
    }));
  },
};

function clashElement(mesh: Mesh, clash: LayoutClash): ElementRef {
  if (clash.kind === 'overlapping-domain') return { kind: 'domain', domainId: clash.domainId };
  return mesh.products.some((product) => product.id === clash.nodeId)
    ? { kind: 'product', productId: clash.nodeId }
    : { kind: 'system', systemId: clash.nodeId };
}
