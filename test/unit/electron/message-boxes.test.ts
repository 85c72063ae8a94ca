import { describe, expect, it } from 'vitest';
import {
  exportIntoFolderBox,
  leavePageBox,
  openLinkBox,
  replaceChangedFileBox,
  replaceFileBox,
  saveDeletedFileBox,
  saveInNewFormatBox,
  unfinishedWritesBox,
  unsavedChangesBox,
} from '../../../electron/dialogs/message-boxes';

describe('native message boxes', () => {
  it('ask Save / Don’t Save / Cancel in main’s own words, naming the document', () => {
    const box = unsavedChangesBox('orders.mesh.json');

    expect(box.options.message).toBe('Do you want to save the changes you made to “orders.mesh.json”?');
    expect(box.options.buttons).toEqual(['Save', 'Don’t Save', 'Cancel']);
    expect([0, 1, 2, 7].map(box.answerFor)).toEqual(['save', 'discard', 'cancel', 'cancel']);
    expect(box.options.cancelId).toBe(2);
  });

  it('show the full address of a link before it opens, and default to Cancel', () => {
    const box = openLinkBox('https://example.com/a?b=c');

    expect(box.options.detail).toBe('https://example.com/a?b=c');
    expect(box.options.defaultId).toBe(box.options.cancelId);
    expect([box.answerFor(0), box.answerFor(1)]).toEqual([true, false]);
  });

  it('ask before replacing a file, defaulting to Cancel', () => {
    const box = replaceFileBox('/home/ada/orders.mesh.json', 'orders.mesh.json');

    expect(box.options.message).toBe('Replace orders.mesh.json?');
    expect(box.answerFor(box.options.defaultId ?? 0)).toBe(false);
  });

  it('ask before an export writes into a folder that is there, defaulting to Cancel', () => {
    const box = exportIntoFolderBox('/home/ada/shop-export');

    expect(box.options.message).toBe('The folder /home/ada/shop-export already exists. Export into it?');
    expect([box.answerFor(0), box.answerFor(box.options.defaultId ?? 0)]).toEqual([true, false]);
  });

  it('ask before a save replaces another program’s version of the file, defaulting to Cancel', () => {
    const box = replaceChangedFileBox('/home/ada/orders.mesh.json', 'orders.mesh.json', 'design');

    expect(box.options.message).toBe(
      'orders.mesh.json was changed by another program. Replace that version with yours?',
    );
    expect(box.options.defaultId).toBe(box.options.cancelId);
    expect([box.answerFor(0), box.answerFor(1)]).toEqual([true, false]);
  });

  it('names Reload for a changed design, and Reload contract for a changed contract file', () => {
    const design = replaceChangedFileBox('/home/ada/orders.mesh.json', 'orders.mesh.json', 'design');
    const contract = replaceChangedFileBox('/home/ada/orders.odcs.yaml', 'orders.odcs.yaml', 'contract');

    expect(design.options.detail).toMatch(/Cancel keeps them, and Reload shows them\.$/);
    expect(contract.options.detail).toMatch(/Cancel keeps them, and Reload contract shows them\.$/);
  });

  it('ask before a save writes again a file another program deleted: Save / Save As… / Cancel, defaulting to Cancel', () => {
    const box = saveDeletedFileBox('/home/ada/orders.mesh.json', 'orders.mesh.json');

    expect(box.options.message).toBe(
      'orders.mesh.json was deleted or moved by another program (for example a git checkout). Save it there again?',
    );
    expect(box.options.buttons).toEqual(['Save', 'Save As…', 'Cancel']);
    expect(box.options.defaultId).toBe(box.options.cancelId);
    expect([0, 1, 2, 7].map(box.answerFor)).toEqual(['save', 'save-as', 'cancel', 'cancel']);
  });

  it('ask before the first save over a file an older version wrote: Save in the New Format / Save as a Copy… / Cancel, defaulting to Cancel', () => {
    const box = saveInNewFormatBox('orders.mesh.json', 1);

    expect(box.options.message).toBe(
      'orders.mesh.json was written by an older version (format 1). Save it in format 2?',
    );
    expect(box.options.detail).toMatch(/^Older versions cannot open format 2/);
    expect(box.options.buttons).toEqual(['Save in the New Format', 'Save as a Copy…', 'Cancel']);
    expect(box.options.defaultId).toBe(box.options.cancelId);
    expect([0, 1, 2, 7].map(box.answerFor)).toEqual(['save', 'save-as', 'cancel', 'cancel']);
  });

  it('ask before a window closes with work the page held back, defaulting to Cancel', () => {
    const box = leavePageBox();

    expect(box.options.defaultId).toBe(box.options.cancelId);
    expect([box.answerFor(0), box.answerFor(1)]).toEqual([true, false]);
  });

  it('name every file a quit stopped waiting for, and how long it waited', () => {
    const box = unfinishedWritesBox(['/home/ada/orders.mesh.json', '/home/ada/orders.odcs.yaml'], 10);

    expect(box.options.message).toBe('Some saves may not have finished.');
    expect(box.options.detail).toContain('After 10 seconds');
    expect(box.options.detail).toContain('/home/ada/orders.mesh.json\n/home/ada/orders.odcs.yaml');
  });
});
