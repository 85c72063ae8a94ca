import type { ReactNode } from 'react';
import { UserText } from '../app/user-text';

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

/** An ordered list in the inspector: each item with its fields, moved up or down, removed; one more added. */
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
  return (
    <div className="list-editor">
      <ol className="list-editor__items">
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
      <button type="button" className="list-editor__add" onClick={onAdd}>
        + Add {noun}
      </button>
    </div>
  );
}
