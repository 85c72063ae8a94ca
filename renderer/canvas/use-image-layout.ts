import { useMemo, useRef } from 'react';
import type { Size } from '../../shared/editing/geometry';
import { layoutMovedApartForGrowth } from '../../shared/editing/grown-layout';
import { DEFAULT_NODE_SIZE } from '../../shared/editing/node-placement';
import type { Mesh } from '../../shared/model';
import { currentMesh } from '../store/document-store';

/**
 * The mesh as the canvas draws it: as it is, or, while an image is taken (nodes grown to show
 * their names whole), with the nodes under a grown one moved apart by its growth beyond the size
 * the canvas drew it at. `layout` and `outline` say when the document's placement changed.
 */
export function useMeshAsDrawn(
  layout: unknown,
  outline: unknown,
  measured: ReadonlyMap<string, Size>,
  isCapturing: boolean,
): Mesh | null {
  // The sizes measured before the image was started; those measured meanwhile are the grown ones.
  const placedSizes = useRef(measured);
  if (!isCapturing) placedSizes.current = measured;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the document is read through currentMesh() when its layout or outline changes
  return useMemo(() => {
    const mesh = currentMesh();
    if (!mesh || !isCapturing) return mesh;
    const sizeIn = (sizes: ReadonlyMap<string, Size>) => (id: string) => sizes.get(id) ?? DEFAULT_NODE_SIZE;
    return layoutMovedApartForGrowth(mesh, sizeIn(placedSizes.current), sizeIn(measured));
  }, [layout, outline, measured, isCapturing]);
}
