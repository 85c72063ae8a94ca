/**
 * What follows when the page's process dies (`render-process-gone`): a blank window helps no one,
 * so the user is told and the page reloaded, where the start screen offers the autosaved changes
 * back; or the window closes, when they choose so.
 */
export interface CrashedPageActions {
  /** Asks, in a native box, whether to reload the page or close the window. */
  ask(): Promise<'reload' | 'close'>;
  reload(): void;
  closeWindow(): void;
}

/** `reason` as Electron gives it; a clean exit is the page closing, not a crash. */
export async function recoverFromPageGone(reason: string, actions: CrashedPageActions): Promise<void> {
  if (reason === 'clean-exit') return;
  if ((await actions.ask()) === 'reload') actions.reload();
  else actions.closeWindow();
}
