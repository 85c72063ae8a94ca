import { describe, expect, it, vi } from 'vitest';
import { createSavesInProgress } from '../../../electron/files/saves-in-progress';
import { type CloseGuard, createCloseGuard } from '../../../electron/window/close-guard';
import { aDesktop, THE_APP } from './fakes/a-desktop';
import { InMemoryFileSystem } from './fakes/in-memory-file-system';

const ORDERS = '/home/ada/orders.mesh.json';

/** Main as a quit finds it with a design unsaved: the handlers, the close guard, and a save dialog the user has open. */
async function aDesktopWithASaveDialogOpen() {
  const happened: string[] = [];
  let closeGuard: CloseGuard | undefined;
  const savesInProgress = createSavesInProgress(() => closeGuard?.savesSettled());
  const { fs, dialog, invokeAs } = aDesktop({}, new InMemoryFileSystem(), {}, undefined, undefined, savesInProgress);
  closeGuard = createCloseGuard({
    askRenderer: () => happened.push('asked the page about unsaved changes'),
    // What the disk holds at the moment the window would go.
    closeWindow: () => happened.push(`closed the window with ${fs.files.get(ORDERS) ?? 'nothing'} on the disk`),
    quitApp: () => happened.push('quit'),
    confirmLeavingPage: () => true,
    isSaving: () => savesInProgress.isAnyInProgress(),
  });
  closeGuard.reportUnsavedChanges(true);
  dialog.holdNextSaveDialog();
  const saving = invokeAs(THE_APP, 'file:save', { file: null, suggestedName: 'orders', text: 'saved' });
  await vi.waitFor(() => expect(dialog.suggestedSaveNames).toEqual(['orders.mesh.json']));
  return { guard: closeGuard, dialog, saving, happened };
}

describe('quitting while a save dialog is open', () => {
  it('holds the close, asking nothing, until the user has chosen and the save is on the disk', async () => {
    const desktop = await aDesktopWithASaveDialogOpen();

    desktop.guard.quitRequested();
    expect(desktop.guard.shouldPreventClose()).toBe(true);
    expect(desktop.happened).toEqual([]);

    desktop.dialog.answerSaveDialog(ORDERS);
    await desktop.saving;
    expect(desktop.happened).toEqual(['closed the window with saved on the disk']);

    desktop.guard.reportUnsavedChanges(false);
    expect(desktop.guard.shouldPreventClose()).toBe(false);
    desktop.guard.closed();
    expect(desktop.happened.at(-1)).toBe('quit');
  });

  it('goes on closing once the dialog is cancelled, and then asks about the changes still unsaved', async () => {
    const desktop = await aDesktopWithASaveDialogOpen();

    desktop.guard.quitRequested();
    desktop.guard.shouldPreventClose();
    desktop.dialog.answerSaveDialog(null);
    await desktop.saving;
    expect(desktop.happened).toEqual(['closed the window with nothing on the disk']);

    expect(desktop.guard.shouldPreventClose()).toBe(true);
    expect(desktop.happened.at(-1)).toBe('asked the page about unsaved changes');
  });

  it('holds a close even of a design with nothing unsaved (Save As… of a saved design)', async () => {
    const desktop = await aDesktopWithASaveDialogOpen();
    desktop.guard.reportUnsavedChanges(false);

    expect(desktop.guard.shouldPreventClose()).toBe(true);
    desktop.dialog.answerSaveDialog(ORDERS);
    await desktop.saving;
    expect(desktop.happened).toEqual(['closed the window with saved on the disk']);
  });
});
