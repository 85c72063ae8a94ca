import { counted, type Mesh } from '../model';
import type { Alignment, Axis } from './alignment';
import { sameLayout } from './layout-edits';
import { isLocked } from './locks';

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
 * notes as notes (`New note`), other parts by what they are (`Edited links`, `Moved 2 elements`,
 * `Locked 1 element`), and
 * `Edited the design` where nothing else says more.
 */
export function describeChange(before: Mesh, after: Mesh): string {
  const named = NAMED_PARTS.flatMap(([part, noun]) => itemChanges(before[part], after[part], noun));
  const notes = itemChanges(before.notes ?? [], after.notes ?? [], 'note');
  const unnamed = (['links', 'policies'] as const)
    .filter((part) => before[part] !== after[part] && !isSame(before[part], after[part]))
    .map((part) => `Edited ${part}`);
  const { moved, resized } = placeChanges(before, after);
  const locks = lockChanges(before, after);
  const renamed = before.name !== after.name ? [`Renamed the design “${after.name}”`] : [];
  const all = [
    ...named,
    ...notes,
    ...renamed,
    ...unnamed,
    ...(resized > 0 ? [`Resized ${counted(resized, 'element')}`] : []),
    ...(moved > 0 ? [`Moved ${counted(moved, 'element')}`] : []),
    ...locks,
  ];
  if (all.length === 0) return 'Edited the design';
  return all.length > 2 ? `${all.slice(0, 2).join(', ')} and more` : all.join(', ');
}

/**
 * Elements on the canvas both before and after whose size changed (resized, whether or not their
 * corner moved too), and those only moved. An edit that placed an element moved none: where it
 * lands, the domain grown to hold it and the neighbours pushed aside for it all follow from adding it.
 */
function placeChanges(before: Mesh, after: Mesh): { moved: number; resized: number } {
  const none = { moved: 0, resized: 0 };
  if (before.layout === after.layout) return none;
  const entries = Object.entries(after.layout.nodes);
  if (entries.some(([id]) => before.layout.nodes[id] === undefined)) return none;
  const changed = entries.flatMap(([id, layout]) => {
    const old = before.layout.nodes[id];
    return old === undefined || sameLayout(old, layout) ? [] : [{ old, layout }];
  });
  const resized = changed.filter(({ old, layout }) => old.width !== layout.width || old.height !== layout.height);
  return { moved: changed.length - resized.length, resized: resized.length };
}

/** `Locked 2 elements`, `Unlocked 1 element`: the elements whose lock against moves changed. */
function lockChanges(before: Mesh, after: Mesh): string[] {
  if (before.layout === after.layout) return [];
  const changed = Object.keys(after.layout.nodes).filter(
    (id) => before.layout.nodes[id] !== undefined && isLocked(before, id) !== isLocked(after, id),
  );
  const lockedCount = changed.filter((id) => isLocked(after, id)).length;
  const unlockedCount = changed.length - lockedCount;
  return [
    ...(lockedCount > 0 ? [`Locked ${counted(lockedCount, 'element')}`] : []),
    ...(unlockedCount > 0 ? [`Unlocked ${counted(unlockedCount, 'element')}`] : []),
  ];
}

/** `New product “orders”`, `Renamed product “a” to “b”`, `Edited note`: each item added, renamed, edited or deleted, by its name where it has one. */
function itemChanges(
  before: readonly { id: string; name?: string }[],
  after: readonly { id: string; name?: string }[],
  noun: string,
): string[] {
  if (before === after) return [];
  const named = (verb: string, item: { name?: string }) =>
    item.name === undefined ? `${verb} ${noun}` : `${verb} ${noun} “${item.name}”`;
  const beforeById = new Map(before.map((item) => [item.id, item]));
  const afterIds = new Set(after.map((item) => item.id));
  const addedOrEdited = after.flatMap((item) => {
    const old = beforeById.get(item.id);
    if (!old) return [named('New', item)];
    if (old === item || isSame(old, item)) return [];
    return old.name !== undefined && item.name !== undefined && old.name !== item.name
      ? [`Renamed ${noun} “${old.name}” to “${item.name}”`]
      : [named('Edited', item)];
  });
  const deleted = before.filter((item) => !afterIds.has(item.id)).map((item) => named('Deleted', item));
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
