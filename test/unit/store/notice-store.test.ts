import { beforeEach, describe, expect, it } from 'vitest';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { announceEdit, keepsErrorInView, noticesToldMark, useNoticeStore } from '../../../renderer/store/notice-store';
import { useSelectionStore } from '../../../renderer/store/selection-store';
import { noteUserInput } from '../../../renderer/store/user-input';
import { aMesh, aTruncatingScenario } from '../../builders/mesh-builder';
import { openDocument } from './store-fixture';

const notices = () => useNoticeStore.getState();

describe('the status bar notice', () => {
  beforeEach(() => {
    openDocument(aMesh().build());
    notices().show({ tone: 'info', text: 'Opened sample “E-commerce”' });
  });

  it('goes when another design replaces the one it was about, and stays listed', () => {
    useDocumentStore.getState().open(aMesh().build(), null);
    expect(notices().notice).toBeNull();
    expect(notices().history[0]?.text).toBe('Opened sample “E-commerce”');
  });

  it('goes when the design is closed', () => {
    useDocumentStore.getState().close();
    expect(notices().notice).toBeNull();
  });

  it('stays while the same design is edited', () => {
    useDocumentStore.getState().change((mesh) => ({ ...mesh, name: 'Renamed' }));
    expect(notices().notice?.text).toBe('Opened sample “E-commerce”');
  });
});

describe('a notice that comes late (a layout of the design opened, done in the background)', () => {
  beforeEach(() => openDocument(aMesh().build()));

  it('is only listed when another was told since what it tells of began', () => {
    const began = noticesToldMark();
    notices().show({ tone: 'info', text: 'Deleted orders' });
    notices().show(
      { tone: 'info', text: 'Opened orders.mesh.json: 4 elements placed on a grid' },
      { unlessToldSince: began },
    );

    expect(notices().notice?.text).toBe('Deleted orders');
    expect(notices().history[0]?.text).toBe('Opened orders.mesh.json: 4 elements placed on a grid');
  });

  it('shows when nothing was told since', () => {
    const began = noticesToldMark();
    notices().show(
      { tone: 'info', text: 'Opened orders.mesh.json: 4 elements placed on a grid' },
      { unlessToldSince: began },
    );

    expect(notices().notice?.text).toBe('Opened orders.mesh.json: 4 elements placed on a grid');
  });
});

describe('an error in view (a save that failed)', () => {
  const saveFailed = { tone: 'error', text: 'Could not save orders.mesh.json: the disk is full' } as const;

  beforeEach(() => openDocument(aMesh().build()));

  it('stays in view when a later info is told before the user presses anything; the info is listed', () => {
    notices().show(saveFailed);
    notices().show({ tone: 'info', text: 'Opened orders.mesh.json: 4 elements laid out by data flow' });

    expect(notices().notice?.text).toBe(saveFailed.text);
    expect(
      notices()
        .history.slice(0, 2)
        .map((listed) => listed.text),
    ).toEqual(['Opened orders.mesh.json: 4 elements laid out by data flow', saveFailed.text]);
  });

  it('stays in view under an info with buttons or a momentary hint too', () => {
    notices().show(saveFailed);
    notices().show({ tone: 'info', text: 'Laid out', actions: [{ label: 'Undo', run: () => {} }] });
    notices().show({ tone: 'info', text: 'Select a product first', isMomentary: true });

    expect(notices().notice?.text).toBe(saveFailed.text);
  });

  it('gives way to a later error', () => {
    notices().show(saveFailed);
    notices().show({ tone: 'error', text: 'Could not export: the folder is gone' });

    expect(notices().notice?.text).toBe('Could not export: the folder is gone');
  });

  it('gives way to an info told once the user has pressed a key or a pointer after it (a save tried again)', () => {
    notices().show(saveFailed);
    noteUserInput();
    notices().show({ tone: 'info', text: 'Saved orders.mesh.json' });

    expect(notices().notice?.text).toBe('Saved orders.mesh.json');
  });

  it('counts only what the user pressed after it showed, not the press that led to it', () => {
    noteUserInput();
    notices().show(saveFailed);
    notices().show({ tone: 'info', text: 'Opened orders.mesh.json' });

    expect(notices().notice?.text).toBe(saveFailed.text);
  });

  it('gives way to news that what it said is over (autosave works again), before the user presses anything', () => {
    notices().show({ tone: 'error', text: 'Autosave failed: QuotaExceededError.', subject: 'autosave' });
    notices().show({ tone: 'info', text: 'Opened orders.mesh.json', subject: 'file' });
    expect(notices().notice?.text).toBe('Autosave failed: QuotaExceededError.');

    notices().show({ tone: 'info', text: 'Autosave works again.', subject: 'autosave' });

    expect(notices().notice?.text).toBe('Autosave works again.');
  });

  it('goes when dismissed, and the next info shows', () => {
    notices().show(saveFailed);
    notices().dismiss();
    notices().show({ tone: 'info', text: 'Opened orders.mesh.json' });

    expect(notices().notice?.text).toBe('Opened orders.mesh.json');
  });
});

describe('which notice keeps the status bar', () => {
  const error = { tone: 'error', text: 'failed' } as const;
  const info = { tone: 'info', text: 'done' } as const;

  it.each([
    ['an error, against a later info, the user not having acted', error, info, false, true],
    ['an error, against a later info, the user having acted', error, info, true, false],
    ['an error, against a later error', error, error, false, false],
    ['an info, against a later info', info, info, false, false],
    ['nothing, against an info', null, info, false, false],
  ])('%s', (_case, shown, next, hasUserActed, isKept) => {
    expect(keepsErrorInView(shown, next, hasUserActed)).toBe(isKept);
  });
});

describe('the notice of an edit', () => {
  beforeEach(() => openDocument(aMesh().build()));

  it('gives way to what Undo did when that edit is undone', () => {
    useDocumentStore.getState().change((mesh) => ({ ...mesh, name: 'Renamed' }));
    announceEdit('Deleted orders and its contract Order');
    useDocumentStore.getState().undo();
    expect(notices().notice?.text).toBe('Undone: Deleted orders and its contract Order');
    expect(notices().notice?.actions).toBeUndefined();
  });

  it('gives way to what Undo did when its own Undo button (which dismisses it) undid the edit', () => {
    useDocumentStore.getState().change((mesh) => ({ ...mesh, name: 'Renamed' }));
    announceEdit('Deleted orders');
    notices().dismiss();
    useDocumentStore.getState().undo();
    expect(notices().notice?.text).toBe('Undone: Deleted orders');
  });

  it('tells of the edit again as redone, with its Undo, when it is redone', () => {
    useDocumentStore.getState().change((mesh) => ({ ...mesh, name: 'Renamed' }));
    announceEdit('Deleted orders');
    useDocumentStore.getState().undo();
    useDocumentStore.getState().redo();
    expect(notices().notice?.text).toBe('Redone: Deleted orders');
    expect(notices().notice?.actions?.map((action) => action.label)).toEqual(['Undo']);
  });

  it('names each of several told edits as Undo takes them back one after another, and Redo brings them back', () => {
    const linkNamed = (name: string) => {
      useDocumentStore.getState().change((mesh) => ({ ...mesh, name }));
      announceEdit(`Linked ${name}`);
    };
    linkNamed('first');
    linkNamed('second');
    useDocumentStore.getState().undo();
    expect(notices().notice?.text).toBe('Undone: Linked second');
    useDocumentStore.getState().undo();
    expect(notices().notice?.text).toBe('Undone: Linked first');
    useDocumentStore.getState().redo();
    expect(notices().notice?.text).toBe('Redone: Linked first');
    useDocumentStore.getState().undo();
    expect(notices().notice?.text).toBe('Undone: Linked first');
  });

  it('gives way to what Undo did even when a later notice showed after it', () => {
    useDocumentStore.getState().change((mesh) => ({ ...mesh, name: 'Renamed' }));
    announceEdit('Deleted orders');
    notices().show({ tone: 'info', text: 'Saved' });
    useDocumentStore.getState().undo();
    expect(notices().notice?.text).toBe('Undone: Deleted orders');
  });
});

describe('the notice of an edit, after a later edit (the QA’s pools: a link’s notice naming a renamed topic)', () => {
  const rename = (name: string, coalesceKey?: string) =>
    useDocumentStore.getState().change((mesh) => ({ ...mesh, name }), coalesceKey ? { coalesceKey } : {});

  beforeEach(() => {
    openDocument(aMesh().build());
    rename('Linked');
    announceEdit('Linked booking-service · booking_service.public.items to Lane Bookings · input');
  });

  it('goes at the next edit, and stays listed', () => {
    rename('Table renamed');
    expect(notices().notice).toBeNull();
    expect(notices().history[0]?.text).toContain('Linked booking-service');
  });

  it('goes at an edit made in a gesture (a drag)', () => {
    useDocumentStore.getState().beginGesture();
    rename('Dragged');
    useDocumentStore.getState().endGesture();
    expect(notices().notice).toBeNull();
  });

  it('stays while typing joins the step it tells of', () => {
    useDocumentStore.getState().continueLastStep('name');
    rename('Linked 2', 'name');
    rename('Linked 23', 'name');
    expect(notices().notice?.text).toContain('Linked booking-service');
  });

  it('gives way at the next edit after Undo told of it too', () => {
    useDocumentStore.getState().undo();
    expect(notices().notice?.text).toContain('Undone: Linked booking-service');
    rename('Another');
    expect(notices().notice).toBeNull();
  });
});

describe('undoing and redoing an edit no notice told of (the QA’s zoo: New scenario after a paste)', () => {
  beforeEach(() => {
    openDocument(aMesh().build());
    useDocumentStore.getState().change((mesh) => ({ ...mesh, name: 'Pasted' }));
    announceEdit('Pasted Visitor Flows 2');
    useDocumentStore.getState().undo();
    useDocumentStore
      .getState()
      .change((mesh) => ({ ...mesh, scenarios: [...mesh.scenarios, aTruncatingScenario('shop')] }));
  });

  it('says what Undo undid, in place of the earlier undo’s notice', () => {
    useDocumentStore.getState().undo();
    expect(notices().notice?.text).toBe('Undone: New scenario “Purge”');
  });

  it('says what Redo redid', () => {
    useDocumentStore.getState().undo();
    useDocumentStore.getState().redo();
    expect(notices().notice?.text).toBe('Redone: New scenario “Purge”');
  });
});

describe('a momentary notice (a hint or refusal about what the user just tried)', () => {
  const refusal = { tone: 'error', text: 'Kept the name ‘input 3’: taken', isMomentary: true } as const;
  /** The task after the one that showed it: the key or click that led to it is over. */
  const afterTheGesture = () => new Promise((resolve) => setTimeout(resolve, 0));

  beforeEach(() => {
    openDocument(aMesh().withDomain('sales').build());
    useSelectionStore.getState().clear();
  });

  it('goes at the next edit', async () => {
    notices().show(refusal);
    await afterTheGesture();
    useDocumentStore.getState().change((mesh) => ({ ...mesh, name: 'Renamed' }));
    expect(notices().notice).toBeNull();
    expect(notices().history[0]?.text).toBe(refusal.text);
  });

  it('goes when the selection changes, and not when it is selected again as it was', async () => {
    notices().show(refusal);
    await afterTheGesture();
    useSelectionStore.getState().select({});
    expect(notices().notice?.text).toBe(refusal.text);
    useSelectionStore.getState().select({ nodeIds: new Set(['sales']) });
    expect(notices().notice).toBeNull();
  });

  it('goes when the mode switches (Simulate makes the design read-only)', async () => {
    notices().show(refusal);
    await afterTheGesture();
    useDocumentStore.getState().setReadOnly(true);
    expect(notices().notice).toBeNull();
    useDocumentStore.getState().setReadOnly(false);
  });

  it('stays through the change that came with it (the field it refused going back to its name)', () => {
    notices().show(refusal);
    useDocumentStore.getState().change((mesh) => ({ ...mesh, name: 'Renamed' }));
    expect(notices().notice?.text).toBe(refusal.text);
  });

  it('leaves a notice that is not momentary in place, and one shown after it', async () => {
    notices().show({ tone: 'info', text: 'Undone: Deleted orders' });
    await afterTheGesture();
    useDocumentStore.getState().change((mesh) => ({ ...mesh, name: 'Renamed' }));
    expect(notices().notice?.text).toBe('Undone: Deleted orders');

    notices().show(refusal);
    // The Delete key that deleted it.
    noteUserInput();
    notices().show({ tone: 'info', text: 'Deleted orders' });
    await afterTheGesture();
    useSelectionStore.getState().select({ nodeIds: new Set(['sales']) });
    expect(notices().notice?.text).toBe('Deleted orders');
  });
});
