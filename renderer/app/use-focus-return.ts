import { useLayoutEffect } from 'react';

/**
 * While a dialog (or presenter mode) is open, remembers what had the focus before it (the control that opened it) and
 * gives the focus back there when it closes: unmounting an open <dialog> would leave it on <body>.
 */
export function useFocusReturn(isOpen: boolean): void {
  // A layout effect: it must see the focus before showModal (in an effect) moves it into the dialog.
  useLayoutEffect(() => {
    if (!isOpen) return;
    const opener = document.activeElement;
    const caret = caretOf(opener);
    return () => {
      // After the commit that removes the dialog: while a modal is open, the page behind it is inert.
      queueMicrotask(() => {
        if (!(opener instanceof HTMLElement) || !opener.isConnected || opener === document.body) return;
        opener.focus();
        // The browser's own return from a closed <dialog> puts a text field's caret at its start.
        if (caret) (opener as HTMLInputElement).setSelectionRange(caret.start, caret.end, caret.direction);
      });
    };
  }, [isOpen]);
}

/** Where the caret (or the selection) of a text field is; null for other controls and fields without one (a number). */
function caretOf(element: Element | null) {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) return null;
  const { selectionStart: start, selectionEnd: end, selectionDirection } = element;
  if (start === null || end === null) return null;
  return { start, end, direction: selectionDirection ?? undefined };
}
