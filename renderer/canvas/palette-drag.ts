import type { InsertableKind } from '../store/insert-actions';

/** The drag-and-drop type of palette items, so the canvas accepts them and nothing else. */
export const PALETTE_MIME = 'application/x-mesh-designer-element';

const KINDS: readonly InsertableKind[] = ['domain', 'product', 'system', 'note'];

export function paletteKindOf(dataTransfer: DataTransfer): InsertableKind | null {
  const kind = dataTransfer.getData(PALETTE_MIME);
  return (KINDS as readonly string[]).includes(kind) ? (kind as InsertableKind) : null;
}
