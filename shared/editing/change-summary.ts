import { counted, type Mesh } from '../model';
import type { Alignment, Axis } from './alignment';
import { sameLayout } from './layout-edits';

/** The parts of a design that have names, and what the status line calls one of each. */
const NAMED_PARTS = [
  ['scenarios', 'scenario'],
  ['contracts', 'contract'],
  ['domains', 'domain'],
  ['products', 'product'],
  ['systems', 'system'],
] as const;

/**
 * What an edit did, in a few words for the status line after Undo or Redo names it: `New
 * scenario “Rush hour”`, `Edited contract “Orders”`, `Deleted product “Stock”`; the design's
 * other parts by what they are (`Edited links`), and `Edited the design` where nothing else says more.
 */
export function describeChange(before: Mesh, after: Mesh): string {
  const named = NAMED_PARTS.flatMap(([part, noun]) => namedChanges(before[part], after[part], noun));
  const unnamed = (['links', 'notes', 'policies', 'layout'] as const)
    .filter((part) => before[part] !== after[part] && !isSame(before[part], after[part]))
    .map((part) => (part === 'layout' ? 'Moved elements' : `Edited ${part}`));
  const renamed = before.name !== after.name ? [`Renamed the design “${after.name}”`] : [];
  const all = [...named, ...renamed, ...unnamed];
  if (all.length === 0) return 'Edited the design';
  return all.length > 2 ? `${all.slice(0, 2).join(', ')} and more` : all.join(', ');
}

function namedChanges(
  before: readonly { id: string; name: string }[],
  after: readonly { id: string; name: string }[],
  noun: string,
): string[] {
  if (before === after) return [];
  const beforeById = new Map(before.map((item) => [item.id, item]));
  const afterIds = new Set(after.map((item) => item.id));
  const addedOrEdited = after.flatMap((item) => {
    const old = beforeById.get(item.id);
    if (!old) return [`New ${noun} “${item.name}”`];
    return old === item || isSame(old, item) ? [] : [`Edited ${noun} “${item.name}”`];
  });
  const deleted = before.filter((item) => !afterIds.has(item.id)).map((item) => `Deleted ${noun} “${item.name}”`);
  return [...addedOrEdited, ...deleted];
}

function isSame(one: unknown, other: unknown): boolean {
  return JSON.stringify(one) === JSON.stringify(other);
}

/** What Auto-layout did: `Laid out 12 elements`, counting the domains, nodes and notes it moved or resized. */
export function describeLayout(before: Mesh, after: Mesh): string {
  const moved = Object.entries(after.layout.nodes).filter(
    ([id, layout]) => !sameLayout(before.layout.nodes[id], layout),
  );
  return `Laid out ${counted(moved.length, 'element')}`;
}

const ALIGNED_PARTS: Record<Alignment, [one: string, many: string]> = {
  left: ['left edge', 'left edges'],
  center: ['centre', 'centres'],
  right: ['right edge', 'right edges'],
  top: ['top edge', 'top edges'],
  middle: ['middle', 'middles'],
  bottom: ['bottom edge', 'bottom edges'],
};

/** What an alignment lines up, counted: `3 top edges`, `2 centres`. */
export function alignedParts(count: number, alignment: Alignment): string {
  const [one, many] = ALIGNED_PARTS[alignment];
  return `${count} ${count === 1 ? one : many}`;
}

/** What Align did: `Aligned 3 top edges`. */
export function describeAlignment(count: number, alignment: Alignment): string {
  return `Aligned ${alignedParts(count, alignment)}`;
}

/** What Distribute did: `Distributed 3 horizontally`. */
export function describeDistribution(count: number, axis: Axis): string {
  return `Distributed ${count} ${axis}ly`;
}
