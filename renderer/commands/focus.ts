import { nextFrame } from '../app/next-frame';
import { focusCanvasSelection } from '../canvas/canvas-element-focus';
import type { FocusPlace } from './command-routing';

/** Where the keyboard focus is decides which keys belong to the app and which to the text being typed. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** A code editor (Monaco) has its own keys, undo included; its text area is not an input element. */
export function isInCodeEditor(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.monaco-editor') !== null;
}

export function focusPlace(target: EventTarget | null): FocusPlace {
  if (isInCodeEditor(target)) return 'code';
  if (isTypingTarget(target)) return 'field';
  if (isOnCanvasOrNowhere(target)) return 'canvas';
  // Presenter mode, holding the focus, is the run's controls in full screen: B steps back there as on the bar.
  return target instanceof Element && target.closest('.simulation-bar, .presenter') !== null ? 'run-controls' : 'panel';
}

/** The canvas, or no control at all (<body>, the window): where the canvas's one-key shortcuts act. */
function isOnCanvasOrNowhere(target: EventTarget | null): boolean {
  if (!(target instanceof Element) || target === document.body || target === document.documentElement) return true;
  return target.closest('.mesh-canvas') !== null;
}

/**
 * Ends the typing step of a focused field, so what follows (undo, save) sees the whole edit; the
 * field left, if any, to give the focus back to once the command is done.
 */
export function leaveTextField(): HTMLElement | null {
  const field = document.activeElement;
  if (!(field instanceof HTMLElement) || !isTypingTarget(field)) return null;
  field.blur();
  return field;
}

/**
 * Gives the focus back to the field a command was run from, where the command put it nowhere (a
 * save, an undo): left on <body>, the next key (Backspace) would act on the canvas's selection. A
 * command that moved the focus keeps it there, and a dialog it opened gives it back to the field
 * when it closes. A field the command took away (an undo of the element's adding) leaves the focus
 * to the canvas's selection, once drawn.
 */
export async function returnToFieldLeft(field: HTMLElement | null): Promise<void> {
  if (!field) return;
  if (field.isConnected && document.activeElement === document.body) field.focus({ preventScroll: true });
  await nextFrame();
  if (document.activeElement === document.body) focusCanvasSelection();
}

/** A focused control (a button, a link, a tab) takes Enter and Space itself. */
export function isControlFocused(): boolean {
  const focused = document.activeElement;
  return (
    focused instanceof Element &&
    focused.closest('button, a[href], select, summary, [role="button"], [role="menuitem"], [role="tab"]') !== null
  );
}

/** The modal dialog keys belong to while one is open: the one holding the focus, else the last opened. */
export function topModalDialog(): HTMLDialogElement | null {
  const open = [...document.querySelectorAll<HTMLDialogElement>('dialog:modal')];
  return open.find((dialog) => dialog.contains(document.activeElement)) ?? open.at(-1) ?? null;
}
