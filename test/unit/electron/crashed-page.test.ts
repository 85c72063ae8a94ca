import { describe, expect, it } from 'vitest';
import { crashedPageBox } from '../../../electron/dialogs/message-boxes';
import { recoverFromPageGone } from '../../../electron/window/crashed-page';

function aWindow(answer: 'reload' | 'close') {
  const happened: string[] = [];
  const actions = {
    ask: async () => {
      happened.push('told the user');
      return answer;
    },
    reload: () => happened.push('reloaded the page'),
    closeWindow: () => happened.push('closed the window'),
  };
  return { actions, happened };
}

describe('a page whose process died', () => {
  it('tells the user and reloads the page, which offers the autosaved changes back, instead of staying blank', async () => {
    const { actions, happened } = aWindow('reload');

    await recoverFromPageGone('crashed', actions);

    expect(happened).toEqual(['told the user', 'reloaded the page']);
  });

  it('closes the window when the user chooses so', async () => {
    const { actions, happened } = aWindow('close');

    await recoverFromPageGone('oom', actions);

    expect(happened).toEqual(['told the user', 'closed the window']);
  });

  it('does nothing when the page just closed', async () => {
    const { actions, happened } = aWindow('reload');

    await recoverFromPageGone('clean-exit', actions);

    expect(happened).toEqual([]);
  });

  it('asks in main’s own words, Reload first and by default', () => {
    const box = crashedPageBox();

    expect(box.options.buttons).toEqual(['Reload', 'Close Window']);
    expect(box.options.defaultId).toBe(0);
    expect([box.answerFor(0), box.answerFor(1), box.answerFor(7)]).toEqual(['reload', 'close', 'close']);
  });

  it('says how old the autosaved copy may be as autosave keeps it: up to five seconds while typing went on', () => {
    // The renderer's autosave writes a second after the last change, and at least every five seconds (autosaver.ts).
    expect(crashedPageBox().options.detail).toBe(
      'Reload it to go on: unsaved changes were autosaved a second after your last change (every five seconds while you kept on typing), and the start screen offers them back.',
    );
  });
});
