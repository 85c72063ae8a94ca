import { describe, expect, it } from 'vitest';
import { createCloseGuard } from '../../../electron/window/close-guard';

function aWindow({ userLeaves = false } = {}) {
  const happened: string[] = [];
  const guard = createCloseGuard({
    isSaving: () => false,
    askRenderer: () => happened.push('asked the page'),
    closeWindow: () => happened.push('closed the window'),
    quitApp: () => happened.push('quit'),
    confirmLeavingPage: () => {
      happened.push('asked the user');
      return userLeaves;
    },
  });
  return { guard, happened };
}

describe('closing the window', () => {
  it('closes at once when nothing is unsaved', () => {
    const { guard, happened } = aWindow();

    expect(guard.shouldPreventClose()).toBe(false);
    expect(happened).toEqual([]);
  });

  it('holds the close and asks the page while there are unsaved changes', () => {
    const { guard, happened } = aWindow();
    guard.reportUnsavedChanges(true);

    expect(guard.shouldPreventClose()).toBe(true);
    expect(happened).toEqual(['asked the page']);
  });

  it('asks once however often the close button is clicked while the question is open', () => {
    const { guard, happened } = aWindow();
    guard.reportUnsavedChanges(true);

    guard.shouldPreventClose();
    guard.shouldPreventClose();

    expect(happened).toEqual(['asked the page']);
  });

  it('closes after the page settled the changes (Save or Don’t Save), and lets that close through', () => {
    const { guard, happened } = aWindow();
    guard.reportUnsavedChanges(true);
    guard.shouldPreventClose();

    guard.answer(true);

    expect(happened).toEqual(['asked the page', 'closed the window']);
    expect(guard.shouldPreventClose()).toBe(false);
  });

  it('stays open on Cancel, and a quit that asked is called off', () => {
    const { guard, happened } = aWindow();
    guard.reportUnsavedChanges(true);
    guard.quitRequested();
    guard.shouldPreventClose();

    guard.answer(false);
    guard.closed();

    expect(happened).toEqual(['asked the page']);
  });

  it('goes on quitting once the window closed after Save or Don’t Save', () => {
    const { guard, happened } = aWindow();
    guard.reportUnsavedChanges(true);
    guard.quitRequested();
    guard.shouldPreventClose();
    guard.answer(true);

    guard.closed();

    expect(happened).toEqual(['asked the page', 'closed the window', 'quit']);
  });

  it('ignores an answer nobody asked for', () => {
    const { guard, happened } = aWindow();

    guard.answer(true);

    expect(happened).toEqual([]);
  });

  it('lets the window close when the page crashed and cannot answer', () => {
    const { guard } = aWindow();
    guard.reportUnsavedChanges(true);
    guard.shouldPreventClose();

    guard.rendererGone();

    expect(guard.shouldPreventClose()).toBe(false);
  });
});

describe('closing again later', () => {
  it('asks again in a window opened after the first one closed (macOS keeps the app running)', () => {
    const { guard, happened } = aWindow();
    guard.reportUnsavedChanges(true);
    guard.shouldPreventClose();
    guard.answer(true);
    guard.closed();

    guard.reportUnsavedChanges(true);

    expect(guard.shouldPreventClose()).toBe(true);
    expect(happened).toEqual(['asked the page', 'closed the window', 'asked the page']);
  });

  it('asks again once a page that hung responds again', () => {
    const { guard, happened } = aWindow();
    guard.reportUnsavedChanges(true);
    guard.rendererGone();

    guard.rendererBack();

    expect(guard.shouldPreventClose()).toBe(true);
    expect(happened).toEqual(['asked the page']);
  });
});

describe('a close the page held back itself (its beforeunload guard)', () => {
  it('asks the user instead of doing nothing, and closes when they choose to leave', () => {
    const { guard, happened } = aWindow({ userLeaves: true });
    guard.quitRequested();

    expect(guard.shouldLeaveHeldPage()).toBe(true);
    guard.closed();

    expect(happened).toEqual(['asked the user', 'quit']);
  });

  it('stays open when the user chooses to stay, and a quit is called off', () => {
    const { guard, happened } = aWindow({ userLeaves: false });
    guard.quitRequested();

    expect(guard.shouldLeaveHeldPage()).toBe(false);
    guard.closed();

    expect(happened).toEqual(['asked the user']);
  });
});
