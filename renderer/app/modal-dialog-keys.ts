import { useEffect } from 'react';
import { topModalDialog } from '../commands/focus';

const FOCUSABLE = 'button, a[href], input, select, textarea, summary, [tabindex]';

function tabStops(dialog: HTMLDialogElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => element.tabIndex >= 0 && !element.matches(':disabled') && element.checkVisibility(),
  );
}

/** Tab past a modal dialog's last control (Shift+Tab past its first) comes round inside it, never to the page's <body>. */
function keepTabInside(event: KeyboardEvent, dialog: HTMLDialogElement): void {
  const stops = tabStops(dialog);
  const [first, last] = event.shiftKey ? [stops.at(-1), stops[0]] : [stops[0], stops.at(-1)];
  const focused = document.activeElement;
  if (!first || (dialog.contains(focused) && focused !== last)) return;
  event.preventDefault();
  first.focus();
}

/** Escape asks the dialog to close as its own Escape would, so one that answers Cancel on it still does. */
function cancel(dialog: HTMLDialogElement): void {
  if (dialog.dispatchEvent(new Event('cancel', { cancelable: true }))) dialog.close();
}

/**
 * Tab and Escape for whichever modal dialog is open, wherever the focus is: a native modal dialog
 * lets Tab leave it for the browser's own controls, and hears Escape only from inside.
 */
export function useModalDialogKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const dialog = event.defaultPrevented ? null : topModalDialog();
      if (!dialog) return;
      if (event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey) keepTabInside(event, dialog);
      else if (event.key === 'Escape') {
        event.preventDefault();
        cancel(dialog);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
