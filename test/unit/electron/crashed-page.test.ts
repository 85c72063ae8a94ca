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
});
