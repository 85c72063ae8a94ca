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
    return () => {
      // After the commit that removes the dialog: while a modal is open, the page behind it is inert.
      queueMicrotask(() => {
        if (opener instanceof HTMLElement && opener.isConnected && opener !== document.body) opener.focus();
      });
    };
  }, [isOpen]);
}
