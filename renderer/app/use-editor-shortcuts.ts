import { useEffect } from 'react';
import { useUiStore } from '../store/ui-store';
import { shortcutFor } from './shortcuts';

export const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform);

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** A code editor (Monaco) has its own keys, undo included; its text area is not an input element. */
function isInCodeEditor(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.monaco-editor') !== null;
}

/** The editor's keyboard shortcuts (see shortcuts.ts); an open dialog keeps the keyboard to itself. */
export function useEditorShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || useUiStore.getState().dialog !== null || isInCodeEditor(event.target)) return;
      const shortcut = shortcutFor(event, IS_MAC);
      if (!shortcut?.run || (isTypingTarget(event.target) && !shortcut.inFields)) return;
      event.preventDefault();
      // A field's typing step ends before undo, so undo takes back the whole edit and no more.
      if (document.activeElement instanceof HTMLElement && isTypingTarget(document.activeElement)) {
        document.activeElement.blur();
      }
      shortcut.run(event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
