import { type ReactNode, useEffect, useRef } from 'react';
import { type Dialog, useUiStore } from '../store/ui-store';
import { useFocusReturn } from './use-focus-return';

interface ModalDialogProps {
  dialog: Exclude<Dialog, null>;
  title: string;
  children: ReactNode;
  className?: string;
}

/** A native modal <dialog>: focus stays inside, Escape and a click outside close it, and the focus goes back. */
export function ModalDialog({ dialog, title, children, className }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useFocusReturn(true);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const close = () => useUiStore.getState().openDialog(null);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keys' way to close it, Escape, is useModalDialogKeys's, for every modal dialog.
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-label={title}
      data-testid={`dialog-${dialog}`}
      // Escape closes it in the app's state at once, not by the browser's close: its close event comes a
      // task later, and keys pressed meanwhile (Ctrl+E) were taken for the closed dialog's.
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onClose={close}
      onClick={(event) => event.target === ref.current && close()}
    >
      <div className="modal__body">{children}</div>
    </dialog>
  );
}

/** Renders the dialog only while the UI store says it is open, so each opening starts fresh. */
export function OpenDialog({ dialog, children }: { dialog: Exclude<Dialog, null>; children: ReactNode }) {
  const isOpen = useUiStore((state) => state.dialog === dialog);
  return isOpen ? children : null;
}
