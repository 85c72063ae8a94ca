import { type ReactNode, type RefObject, useEffect, useRef } from 'react';
import { UserText } from '../app/user-text';
import { useDocumentStore } from '../store/document-store';

interface ListEditorProps<T> {
  /** What one item is called, for the buttons: `Add transformation`, `Remove transformation 2`. */
  noun: string;
  items: readonly T[];
  itemKey(item: T, index: number): string;
  itemLabel(item: T, index: number): string;
  renderItem(item: T, index: number): ReactNode;
  onAdd(): void;
  onRemove(index: number): void;
  onMove(index: number, offset: number): void;
  /** Items that cannot be removed (the last one a rule needs), by index. */
  isRemovable?(item: T, index: number): boolean;
}

/**
 * An ordered list in the inspector: each item with its fields, moved up or down, removed; one more
 * added, its first text field focused with its text selected, so the user types its name at once.
 */
export function ListEditor<T>({
  noun,
  items,
  itemKey,
  itemLabel,
  renderItem,
  onAdd,
  onRemove,
  onMove,
  isRemovable = () => true,
}: ListEditorProps<T>) {
  const list = useRef<HTMLOListElement>(null);
  const focusNewItem = useFocusOnAddedItem(list, items.length);
  return (
    <div className="list-editor">
      <ol className="list-editor__items" ref={list}>
        {items.map((item, index) => {
          const label = itemLabel(item, index);
          return (
            <li key={itemKey(item, index)} className="list-editor__item">
              <div className="list-editor__actions">
                <span className="list-editor__title">
                  <UserText text={label} />
                </span>
                <button
                  type="button"
                  className="icon-button"
                  disabled={index === 0}
                  onClick={() => onMove(index, -1)}
                  aria-label={`Move ${noun} ${label} up`}
                  title="Move up"
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  disabled={index === items.length - 1}
                  onClick={() => onMove(index, 1)}
                  aria-label={`Move ${noun} ${label} down`}
                  title="Move down"
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="icon-button icon-button--danger"
                  disabled={!isRemovable(item, index)}
                  onClick={() => onRemove(index)}
                  aria-label={`Remove ${noun} ${label}`}
                  title="Remove"
                >
                  ✕
                </button>
              </div>
              {renderItem(item, index)}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="list-editor__add"
        onClick={() => {
          focusNewItem();
          onAdd();
        }}
      >
        + Add {noun}
      </button>
    </div>
  );
}

/**
 * Once an item the user added is drawn, the first text field of the list's last item takes the
 * focus, its text selected, and what is typed there joins the add's undo step. Returns what to
 * call as the add starts (an add the user is first asked about focuses the item once it comes).
 */
function useFocusOnAddedItem(list: RefObject<HTMLOListElement | null>, count: number): () => void {
  const countBeforeAdd = useRef<number | null>(null);
  useEffect(() => {
    const before = countBeforeAdd.current;
    if (before === null || count === before) return;
    countBeforeAdd.current = null;
    if (count < before) return;
    const field = list.current?.lastElementChild?.querySelector<HTMLInputElement | HTMLTextAreaElement>(
      'input:not([type]), input[type="text"], textarea',
    );
    // A field that took the focus itself (a new port's name) has done all this already.
    if (!field || field === document.activeElement) return;
    field.focus();
    field.select();
    // The name typed there is part of the add: one undo takes the named item away, not just its name.
    if (field.dataset.field) useDocumentStore.getState().continueLastStep(field.dataset.field);
  }, [list, count]);
  return () => {
    countBeforeAdd.current = count;
  };
}
