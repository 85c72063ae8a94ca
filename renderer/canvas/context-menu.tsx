import { type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { type CommandId, commandById } from '../../shared/commands/command-table';
import { shownChord } from '../commands/command-hints';
import { isCommandEnabled, runCommand } from '../commands/run-command';
import { useHost } from '../host/host-context';
import { useDocumentStore } from '../store/document-store';
import { useSelectionStore } from '../store/selection-store';
import { type ContextMenuTarget, useUiStore } from '../store/ui-store';
import { focusBackFrom } from './canvas-element-focus';
import { contextMenuCommands } from './context-menu-items';
import { menuPlacement } from './menu-placement';

const close = () => useUiStore.getState().openContextMenu(null);

/** The right-click menu: the commands that apply where the user clicked, with their shortcuts. */
export function ContextMenu({ target }: { target: ContextMenuTarget }) {
  const host = useHost();
  const menu = useRef<HTMLDivElement>(null);
  const mesh = useDocumentStore((state) => state.mesh);
  const selectedCount = useSelectionStore((state) => state.nodeIds.size);
  const [position, setPosition] = useState(target.screen);
  // Where the focus goes back to as the menu closes from the keyboard, as a native menu gives it back.
  const focusedBefore = useRef<Element | null>(null);
  useLayoutEffect(() => {
    const box = menu.current?.getBoundingClientRect();
    if (!box) return;
    setPosition(
      menuPlacement(target.screen, box, { width: document.documentElement.clientWidth, height: window.innerHeight }),
    );
  }, [target.screen]);
  useEffect(() => {
    focusedBefore.current = document.activeElement;
    menu.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) close();
    };
    window.addEventListener('pointerdown', onPointerDown, true);
    return () => window.removeEventListener('pointerdown', onPointerDown, true);
  }, []);
  if (!mesh) return null;
  const groups = contextMenuCommands(target.on, mesh, selectedCount);
  const closeGivingFocusBack = () => {
    close();
    focusBackFrom(focusedBefore.current);
  };
  const run = (id: CommandId) => {
    // Given back first, so a command that moves the focus itself (Rename, Connect…) has the last word.
    closeGivingFocusBack();
    runCommand(id, { host, at: target.canvas });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') closeGivingFocusBack();
    else if (event.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (event.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <div
      ref={menu}
      className="context-menu"
      role="menu"
      aria-label="Actions"
      style={{ left: position.x, top: position.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
      data-testid="context-menu"
    >
      {groups.map((group) => (
        <div key={group.join()} className="context-menu__group">
          {group.map((id) => {
            const chord = shownChord(id);
            return (
              <button
                key={id}
                type="button"
                role="menuitem"
                className="context-menu__item"
                disabled={!isCommandEnabled(id)}
                onClick={() => run(id)}
              >
                <span>{commandById(id).label}</span>
                {/* Named by its label alone, as a native menu item is; the keys are drawn beside it. */}
                {chord && (
                  <span aria-hidden="true">
                    <kbd>{chord}</kbd>
                  </span>
                )}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
