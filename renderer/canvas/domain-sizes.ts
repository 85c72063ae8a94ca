import { domainSizeAsDrawn } from '../../shared/editing/containment';
import type { Size } from '../../shared/editing/geometry';
import { DEFAULT_NODE_SIZE, domainRect } from '../../shared/editing/node-placement';
import type { Mesh } from '../../shared/model';

/** The domains a child grew out of since it was placed, each with the size it is drawn at to hold it. */
export function domainSizesAsDrawn(mesh: Mesh | null, measured: ReadonlyMap<string, Size>): Map<string, Size> {
  const sizes = new Map<string, Size>();
  if (!mesh) return sizes;
  const sizeOf = (id: string) => measured.get(id) ?? DEFAULT_NODE_SIZE;
  for (const domain of mesh.domains) {
    const stored = domainRect(mesh, domain.id);
    const drawn = domainSizeAsDrawn(mesh, domain.id, sizeOf);
    if (drawn.width !== stored.width || drawn.height !== stored.height) sizes.set(domain.id, drawn);
  }
  return sizes;
}
