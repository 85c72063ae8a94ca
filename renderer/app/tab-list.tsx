import type { KeyboardEvent, ReactNode } from 'react';

export interface TabListProps<Id extends string> {
  tabs: readonly { id: Id; title: ReactNode }[];
  activeId: Id;
  onSelect(id: Id): void;
  /** The element ids of a tab and of the panel it shows (aria-controls). */
  tabElementId(id: Id): string;
  panelElementId(id: Id): string;
  /** The row's accessible name, where the panel around it does not already say what the tabs choose. */
  label?: string;
  /** The BEM block its classes are named after (`<block>__tabs`, `<block>__tab`). */
  classBlock?: string;
}

/** Where Left, Right, Home and End go from the tab at `index` of `count`, round at either end. */
function tabIndexAfterKey(key: string, index: number, count: number): number | undefined {
  if (key === 'ArrowRight') return (index + 1) % count;
  if (key === 'ArrowLeft') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}

/**
 * The key handler of a row of tabs drawn its own way (the open contracts'): Left, Right, Home
 * and End show the tab they reach and move the focus onto it.
 */
export function moveBetweenTabs<Id extends string>(
  ids: readonly Id[],
  activeId: Id,
  onSelect: (id: Id) => void,
  tabElementId: (id: Id) => string,
): (event: KeyboardEvent<HTMLElement>) => void {
  return (event) => {
    const next = ids[tabIndexAfterKey(event.key, ids.indexOf(activeId), ids.length) ?? -1];
    if (next === undefined) return;
    event.preventDefault();
    onSelect(next);
    document.getElementById(tabElementId(next))?.focus();
  };
}

/**
 * A row of tabs as the WAI-ARIA tabs pattern has it: one Tab stop (the shown tab's), the arrow
 * keys, Home and End moving the focus between tabs and showing each as they go.
 */
export function TabList<Id extends string>({
  tabs,
  activeId,
  onSelect,
  tabElementId,
  panelElementId,
  label,
  classBlock = 'side-panel',
}: TabListProps<Id>) {
  const onKeyDown = moveBetweenTabs(
    tabs.map((tab) => tab.id),
    activeId,
    onSelect,
    tabElementId,
  );
  return (
    <div className={`${classBlock}__tabs`} role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={tabElementId(tab.id)}
          tabIndex={tab.id === activeId ? 0 : -1}
          aria-selected={tab.id === activeId}
          aria-controls={panelElementId(tab.id)}
          className={`${classBlock}__tab`}
          onClick={() => onSelect(tab.id)}
        >
          {tab.title}
        </button>
      ))}
    </div>
  );
}
