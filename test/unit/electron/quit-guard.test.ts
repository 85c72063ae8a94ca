import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQuitGuard, QUIT_WAIT_FOR_WRITES_MS } from '../../../electron/app/quit-guard';
import { createPendingWrites } from '../../../electron/files/pending-writes';
import { aDesktop, THE_APP } from './fakes/a-desktop';
import { InMemoryFileSystem } from './fakes/in-memory-file-system';

const ORDERS = '/home/ada/orders.mesh.json';
const CONTRACT = '/home/ada/orders.odcs.yaml';

/** A disk whose writes of whole files wait until the test lets them through; from then on, none waits. */
class SlowDisk extends InMemoryFileSystem {
  private readonly held: (() => void)[] = [];
  private isHolding = true;
  override async writeTextDurably(path: string, text: string | Uint8Array, mode?: number): Promise<void> {
    if (this.isHolding) await new Promise<void>((resolve) => this.held.push(resolve));
    return super.writeTextDurably(path, text, mode);
  }
  get heldWrites(): number {
    return this.held.length;
  }
  letWritesThrough(): void {
    this.isHolding = false;
    for (const release of this.held.splice(0)) release();
  }
}

/** The desktop's main process as the quit finds it: a slow disk, the IPC handlers, and the quit guard. */
function aQuittingDesktop(answers: Parameters<typeof aDesktop>[0] = {}) {
  const fs = new SlowDisk();
  const pendingWrites = createPendingWrites();
  const { invokeAs } = aDesktop(answers, fs, {}, undefined, pendingWrites);
  const quits: string[] = [];
  const toldUnfinished: string[][] = [];
  const guard = createQuitGuard({
    windowStateSaved: async () => undefined,
    pendingWrites,
    tellUnfinished: async (paths) => void toldUnfinished.push(paths),
    // What the disk holds at the moment the process would end.
    quitApp: () => void quits.push(fs.files.get(ORDERS) ?? fs.files.get(CONTRACT) ?? '(nothing)'),
  });
  const whenWriteHeld = () => vi.waitFor(() => expect(fs.heldWrites).toBe(1));
  return { fs, invokeAs, guard, quits, toldUnfinished, whenWriteHeld };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('quitting while a save is being written', () => {
  it('waits for a design’s save to reach the disk before the app quits', async () => {
    const desktop = aQuittingDesktop({ savePath: ORDERS });
    const saving = desktop.invokeAs(THE_APP, 'file:save', { file: null, suggestedName: 'orders', text: 'saved' });
    await desktop.whenWriteHeld();

    expect(desktop.guard.shouldPreventQuit()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(desktop.quits).toEqual([]);

    desktop.fs.letWritesThrough();
    await saving;
    await vi.waitFor(() => expect(desktop.quits).toEqual(['saved']));
    expect(desktop.guard.shouldPreventQuit()).toBe(false);
    expect(desktop.toldUnfinished).toEqual([]);
  });

  it('waits for a contract’s save to its own file too', async () => {
    const desktop = aQuittingDesktop({ contractSavePath: CONTRACT });
    const saving = desktop.invokeAs(THE_APP, 'contracts:save', {
      file: null,
      suggestedName: 'orders',
      text: 'kind: DataContract',
    });
    await desktop.whenWriteHeld();

    desktop.guard.shouldPreventQuit();
    desktop.fs.letWritesThrough();
    await saving;
    await vi.waitFor(() => expect(desktop.quits).toEqual(['kind: DataContract']));
  });

  it('quits at once when nothing is being written', async () => {
    const desktop = aQuittingDesktop();
    expect(desktop.guard.shouldPreventQuit()).toBe(true);
    await vi.waitFor(() => expect(desktop.quits).toEqual(['(nothing)']));
    expect(desktop.toldUnfinished).toEqual([]);
  });

  it('gives up on a write that does not finish in time, and says which file may not be saved', async () => {
    const desktop = aQuittingDesktop({ savePath: ORDERS });
    void desktop.invokeAs(THE_APP, 'file:save', { file: null, suggestedName: 'orders', text: 'saved' });
    await desktop.whenWriteHeld();
    vi.useFakeTimers();

    desktop.guard.shouldPreventQuit();
    await vi.advanceTimersByTimeAsync(QUIT_WAIT_FOR_WRITES_MS - 1);
    expect(desktop.quits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);

    expect(desktop.toldUnfinished).toEqual([[ORDERS]]);
    expect(desktop.quits).toEqual(['(nothing)']);
  });

  it('asks Electron to hold the quit only once while it waits', () => {
    const desktop = aQuittingDesktop();
    const settled = vi.fn(() => new Promise<string[]>(() => {}));
    const guard = createQuitGuard({
      windowStateSaved: async () => undefined,
      pendingWrites: { settled },
      tellUnfinished: async () => undefined,
      quitApp: () => undefined,
    });
    expect([guard.shouldPreventQuit(), guard.shouldPreventQuit()]).toEqual([true, true]);
    expect(settled).toHaveBeenCalledTimes(1);
    expect(desktop.quits).toEqual([]);
  });
});
