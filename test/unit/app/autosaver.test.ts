import { describe, expect, it } from 'vitest';
import { createAutosaver } from '../../../renderer/app/autosaver';
import type { AutosaveSlot } from '../../../renderer/host/host';
import { aManualClock } from './manual-clock';

const slot = (key: string, text: string): AutosaveSlot => ({ key, name: key, savedAt: '', text });

function anAutosaver(options: { failWith?: () => string | null } = {}) {
  const { clock, advance } = aManualClock();
  const written: string[] = [];
  const removed: string[] = [];
  const reports: string[] = [];
  const autosaver = createAutosaver({
    write: async (value) => {
      const failure = options.failWith?.();
      if (failure) throw new Error(failure);
      written.push(`${value.key}: ${value.text}`);
    },
    remove: async (key) => void removed.push(key),
    onFailure: (reason) => reports.push(`failed: ${reason}`),
    onRecovery: () => reports.push('works again'),
    delayMs: 1000,
    maxWaitMs: 5000,
    timers: clock,
  });
  return { autosaver, advance, written, removed, reports };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('the autosaver', () => {
  it('writes a copy a moment after the last change, reading the document as it is then', async () => {
    const { autosaver, advance, written } = anAutosaver();
    let text = 'v1';
    autosaver.schedule('a', () => slot('a', text));
    text = 'v2';

    advance(999);
    await settled();
    expect(written).toEqual([]);
    advance(1);
    await settled();

    expect(written).toEqual(['a: v2']);
  });

  it('writes at the latest after the maximum wait, however long the typing goes on', async () => {
    const { autosaver, advance, written } = anAutosaver();

    // A keystroke every half second: the quiet second never comes.
    for (let keystroke = 0; keystroke < 12; keystroke++) {
      autosaver.schedule('a', () => slot('a', `v${keystroke}`));
      advance(500);
      await settled();
    }
    expect(written).toEqual(['a: v9']);

    advance(500);
    await settled();
    expect(written).toEqual(['a: v9', 'a: v11']);
  });

  it('writes what is pending at once on flush, and resolves after the write', async () => {
    const { autosaver, written } = anAutosaver();
    autosaver.schedule('a', () => slot('a', 'v1'));

    await autosaver.flush();

    expect(written).toEqual(['a: v1']);
  });

  it('writes nothing when the document was saved before the copy was due', async () => {
    const { autosaver, advance, written } = anAutosaver();
    autosaver.schedule('a', () => null);

    advance(1000);
    await autosaver.flush();

    expect(written).toEqual([]);
  });

  it('drops the pending copy and the slot of a saved or discarded document, after any write in flight', async () => {
    const { autosaver, advance, written, removed } = anAutosaver();
    autosaver.schedule('a', () => slot('a', 'v1'));
    advance(1000);
    autosaver.schedule('a', () => slot('a', 'v2'));

    await autosaver.discard('a');
    advance(1000);
    await autosaver.flush();

    expect(written).toEqual(['a: v1']);
    expect(removed).toEqual(['a']);
  });

  it('writes another document’s pending copy before starting on the next', async () => {
    const { autosaver, written } = anAutosaver();
    autosaver.schedule('a', () => slot('a', 'unsaved a'));
    autosaver.schedule('b', () => slot('b', 'unsaved b'));

    await autosaver.flush();

    expect(written).toEqual(['a: unsaved a', 'b: unsaved b']);
  });

  it('reports a failed write once, and again only after it works', async () => {
    let failure: string | null = 'QuotaExceededError';
    const { autosaver, reports } = anAutosaver({ failWith: () => failure });

    for (const text of ['v1', 'v2']) {
      autosaver.schedule('a', () => slot('a', text));
      await autosaver.flush();
    }
    failure = null;
    autosaver.schedule('a', () => slot('a', 'v3'));
    await autosaver.flush();

    expect(reports).toEqual(['failed: QuotaExceededError', 'works again']);
  });

  it('reports a document that cannot be written at all (too deep, too large)', async () => {
    const { autosaver, reports } = anAutosaver();
    autosaver.schedule('a', () => {
      throw new Error('contracts[0].extensions: nested more than 256 levels deep');
    });

    await autosaver.flush();

    expect(reports).toEqual(['failed: contracts[0].extensions: nested more than 256 levels deep']);
  });

  it('keeps the slot a restored copy came from until the copy of its own is written', async () => {
    const { autosaver, advance, written, removed } = anAutosaver();
    autosaver.carryOn('new', 'restored');
    autosaver.schedule('new', () => slot('new', 'v1'));
    await settled();
    expect(removed).toEqual([]);

    advance(1000);
    await settled();
    expect(written).toEqual(['new: v1']);
    expect(removed).toEqual(['restored']);
  });

  it('keeps the slot a restored copy came from while its own copy fails to be written', async () => {
    const { autosaver, advance, removed } = anAutosaver({ failWith: () => 'the storage is full' });
    autosaver.carryOn('new', 'restored');
    autosaver.schedule('new', () => slot('new', 'v1'));
    advance(1000);
    await settled();

    expect(removed).toEqual([]);
  });

  it('drops the slot a restored copy came from with its own, when its work is saved or discarded', async () => {
    const { autosaver, removed } = anAutosaver();
    autosaver.carryOn('new', 'restored');

    await autosaver.discard('new');

    expect(removed).toEqual(['new', 'restored']);
  });
});
