/**
 * Decides whether the window may close. While a save's dialog is open (or its file being
 * written), a close (the close button, Cmd+W, Quit) waits for it, then goes on. While the renderer
 * reports unsaved changes, a close is held and the renderer asked; it settles them (Save /
 * Don't Save / Cancel) and answers. After a "yes" the window closes, and a quit carries on.
 */
export interface CloseGuardActions {
  askRenderer(): void;
  closeWindow(): void;
  quitApp(): void;
  /** Asks the user, synchronously, whether to leave a page that held its unload back; true means leave. */
  confirmLeavingPage(): boolean;
  /** Whether a save main carries out is in progress: its dialog open, or its file being written. */
  isSaving(): boolean;
}

export interface CloseGuard {
  reportUnsavedChanges(isDirty: boolean): void;
  /** The app is quitting: once the window has closed, the quit goes on. */
  quitRequested(): void;
  /** The window's `close` event: true means prevent it (the renderer was asked). */
  shouldPreventClose(): boolean;
  /** The last save in progress settled: a close held for it goes on. */
  savesSettled(): void;
  /** The renderer's answer to a close request. */
  answer(mayClose: boolean): void;
  /**
   * The page held a close back itself (its `beforeunload` guard; Electron's `will-prevent-unload`).
   * Electron would cancel silently, so the user is asked: true means leave (prevent the event).
   */
  shouldLeaveHeldPage(): boolean;
  /** The renderer is gone (crashed, killed, hung): nothing can answer, so nothing is held. */
  rendererGone(): void;
  /** A renderer that hung responds again: it can answer, so closes are held again. */
  rendererBack(): void;
  /** The window's `closed` event: the next window starts afresh. */
  closed(): void;
}

export function createCloseGuard(actions: CloseGuardActions): CloseGuard {
  let isDirty = false;
  let mayClose = false;
  let isAsking = false;
  let isQuitting = false;
  let isRendererGone = false;
  let isHeldForSave = false;
  return {
    reportUnsavedChanges(dirty) {
      isDirty = dirty;
    },
    quitRequested() {
      isQuitting = true;
    },
    shouldPreventClose() {
      if (mayClose || isRendererGone) return false;
      // Closing would take the open save dialog with it, and the save the user then chose.
      if (actions.isSaving()) {
        isHeldForSave = true;
        return true;
      }
      if (!isDirty) return false;
      // A second click on the close button while the question is open asks nothing new.
      if (!isAsking) {
        isAsking = true;
        actions.askRenderer();
      }
      return true;
    },
    savesSettled() {
      if (!isHeldForSave) return;
      isHeldForSave = false;
      actions.closeWindow();
    },
    answer(answer) {
      if (!isAsking) return;
      isAsking = false;
      if (!answer) {
        isQuitting = false;
        return;
      }
      mayClose = true;
      actions.closeWindow();
    },
    shouldLeaveHeldPage() {
      const isLeaving = actions.confirmLeavingPage();
      if (!isLeaving) isQuitting = false;
      return isLeaving;
    },
    rendererGone() {
      isRendererGone = true;
      isAsking = false;
    },
    rendererBack() {
      isRendererGone = false;
    },
    closed() {
      isDirty = false;
      isHeldForSave = false;
      mayClose = false;
      isAsking = false;
      isRendererGone = false;
      if (isQuitting) actions.quitApp();
    },
  };
}
