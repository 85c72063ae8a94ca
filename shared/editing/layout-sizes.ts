import type { Mesh, NodeLayout } from '../model';
import type { Size } from './geometry';
import { MIN_DOMAIN_SIZE } from './node-placement';

/** A note is never resized smaller than this. */
export const MIN_NOTE_SIZE: Size = { width: 120, height: 60 };

/**
 * The document with every changed layout as the file should hold it: in whole pixels (a drop at a
 * zoom, or a domain grown around a measured node, lands between them, and each such fraction would
 * make a git diff of the file noisy), and with every width or height below its node's smallest size
 * (a domain's or a note's minimum) raised to it, so no edit can leave a size the file format refuses
 * (0 or less). Products and systems are sized by what they show; a size stored for one is only kept
 * valid. Only layouts that differ from `before` are looked at, so an edit pays for what it changed.
 */
export function withLayoutsAsStored(mesh: Mesh, before?: Mesh): Mesh {
  if (before && mesh.layout.nodes === before.layout.nodes) return mesh;
  let domainIds: Set<string> | undefined;
  let nodes: Record<string, NodeLayout> | undefined;
  for (const [id, layout] of Object.entries(mesh.layout.nodes)) {
    if (layout === before?.layout.nodes[id]) continue;
    domainIds ??= new Set(mesh.domains.map((domain) => domain.id));
    const stored = withSizeAtLeast(inWholePixels(layout), domainIds.has(id) ? MIN_DOMAIN_SIZE : MIN_NOTE_SIZE);
    if (stored === layout) continue;
    nodes ??= { ...mesh.layout.nodes };
    nodes[id] = stored;
  }
  return nodes ? { ...mesh, layout: { ...mesh.layout, nodes } } : mesh;
}

function inWholePixels(layout: NodeLayout): NodeLayout {
  const rounded = (value: number | undefined) => (value === undefined ? value : Math.round(value));
  const { x, y, width, height } = layout;
  if ([x, y, width, height].every((value) => value === undefined || Number.isInteger(value))) return layout;
  return {
    ...layout,
    x: Math.round(x),
    y: Math.round(y),
    ...(width === undefined ? {} : { width: rounded(width) }),
    ...(height === undefined ? {} : { height: rounded(height) }),
  };
}

function withSizeAtLeast(layout: NodeLayout, minimum: Size): NodeLayout {
  const raised = (value: number | undefined, floor: number) => (value === undefined ? value : Math.max(value, floor));
  const width = raised(layout.width, minimum.width);
  const height = raised(layout.height, minimum.height);
  if (width === layout.width && height === layout.height) return layout;
  return { ...layout, ...(width === undefined ? {} : { width }), ...(height === undefined ? {} : { height }) };
}
