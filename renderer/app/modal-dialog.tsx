import { type ReactNode, useEffect, useRef } from 'react';
import { type Dialog, useUiStore } from '../store/ui-store';
import { useFocusReturn } from './use-focus-return';

interface ModalDialogProps {
  dialog: Exclude<Dialog, null>;
  title: string;
  children: ReactNode;
  className?: string;
}

/** One of the UI store's dialogs, as a native modal <dialog> that a click outside closes too. */
export function ModalDialog({ dialog, title, children, className }: ModalDialogProps) {
  return (
    <NativeModalDialog
      label={title}
      testId={`dialog-${dialog}`}
      className={className}
      onDismiss={() => useUiStore.getState().openDialog(null)}
      isDismissedByOutsideClick
    >
      {children}
    </NativeModalDialog>
  );
}

interface NativeModalDialogProps {
  label: string;
  testId: string;
  className?: string;
  /** Closes it in the app's state, which unmounts it: Escape, and the browser closing it, call this. */
  onDismiss: () => void;
  isDismissedByOutsideClick?: boolean;
  children: ReactNode;
}

/**
 * A native modal <dialog>, open while it is mounted: focus stays inside, Escape closes it, and the focus goes back
 * where it was, caret and all.
 */
export function NativeModalDialog({
  label,
  testId,
  className,
  onDismiss,
  isDismissedByOutsideClick = false,
  children,
}: NativeModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useFocusReturn(true);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keys' way to close it, Escape, is useModalDialogKeys's, for every modal dialog.
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-label={label}
      data-testid={testId}
      // Escape closes it in the app's state at once, not by the browser's close: its close event comes a
      // task later, and keys pressed meanwhile (Ctrl+E) were taken for the closed dialog's.
      onCancel={(event) => {
        event.preventDefault();
        onDismiss();
      }}
      onClose={onDismiss}
      onClick={(event) => isDismissedByOutsideClick && event.target === ref.current && onDismiss()}
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
