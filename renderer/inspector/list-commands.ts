import { moveBy, patched, removeAt, replaceAt } from '../../shared/editing/list-edits';
import type { ChangeOptions } from '../store/document-store';

/** Applies a recipe to the element that owns a list (a product, a system), through its store action. */
export type OwnerUpdate<Owner> = (recipe: (owner: Owner) => Owner, options?: ChangeOptions) => void;

/** Where a list lives in its owner: `product.tests`, `product.pipeline.stages`… */
export interface ListAccess<Owner, Item> {
  read(owner: Owner): readonly Item[];
  write(owner: Owner, items: Item[]): Owner;
}

/** Add, remove, move and edit for one list of an element, each an undoable store action. */
export function listCommands<Owner, Item extends object>(
  update: OwnerUpdate<Owner>,
  access: ListAccess<Owner, Item>,
  newItem: (existing: readonly Item[]) => NoInfer<Item>,
) {
  const editList = (change: (items: readonly Item[]) => Item[], options?: ChangeOptions) =>
    update((owner) => access.write(owner, change(access.read(owner))), options);
  /** Replaces one item by `recipe(item)`; nothing happens when the recipe changes nothing. */
  const edit = (index: number, recipe: (item: Item) => Item, options?: ChangeOptions) =>
    update((owner) => {
      const items = access.read(owner);
      const item = items[index];
      const next = item && recipe(item);
      return next && next !== item ? access.write(owner, replaceAt(items, index, next)) : owner;
    }, options);
  return {
    add: () => editList((items) => [...items, newItem(items)]),
    remove: (index: number) => editList((items) => removeAt(items, index)),
    move: (index: number, offset: number) => editList((items) => moveBy(items, index, offset)),
    edit,
    change: (index: number, fields: Partial<Item>, options?: ChangeOptions) =>
      edit(index, (item) => patched(item, fields), options),
  };
}
