import { describe, expect, it } from 'vitest';
import { createWindowStateKeeper } from '../../../electron/window/window-state-keeper';
import { aScreen, FakeBrowserWindow } from './fakes/fake-window-and-screen';
import { InMemoryFileSystem } from './fakes/in-memory-file-system';

const STORE_PATH = '/user-data/window-state.json';
const LAPTOP = { x: 0, y: 0, width: 1920, height: 1080 };
const MONITOR_ON_THE_RIGHT = { x: 1920, y: 0, width: 2560, height: 1440 };
const SMALL_LAPTOP = { x: 0, y: 0, width: 1280, height: 800 };

async function aKeeper(screen = aScreen(LAPTOP), fs = new InMemoryFileSystem().withFolder('/user-data')) {
  const keeper = createWindowStateKeeper({ fs, storePath: STORE_PATH, screen });
  await keeper.load();
  return { fs, keeper };
}

/** A launch: the window opens where the keeper says, the user changes it, then closes it. */
async function aLaunch(
  fs: InMemoryFileSystem,
  screen: ReturnType<typeof aScreen>,
  use: (window: FakeBrowserWindow) => void,
) {
  const { keeper } = await aKeeper(screen, fs);
  const placement = keeper.placement();
  const window = new FakeBrowserWindow(placement.bounds, placement.isMaximized);
  keeper.track(window);
  use(window);
  window.close();
  await keeper.saved();
}

describe('the window remembers where it was', () => {
  it('opens at the default size, centred on the primary display, the first time', async () => {
    const { keeper } = await aKeeper();

    expect(keeper.placement()).toEqual({
      bounds: { x: 240, y: 70, width: 1440, height: 900 },
      isMaximized: false,
    });
  });

  it('opens where and as large as it was closed', async () => {
    const fs = new InMemoryFileSystem().withFolder('/user-data');
    await aLaunch(fs, aScreen(LAPTOP), (window) => window.placeAt({ x: 100, y: 50, width: 1200, height: 700 }));

    const { keeper } = await aKeeper(aScreen(LAPTOP), fs);

    expect(keeper.placement()).toEqual({ bounds: { x: 100, y: 50, width: 1200, height: 700 }, isMaximized: false });
  });

  it('opens maximized when it was closed maximized, and restores to the size it had before', async () => {
    const fs = new InMemoryFileSystem().withFolder('/user-data');
    await aLaunch(fs, aScreen(LAPTOP), (window) =>
      window.placeAt({ x: 100, y: 50, width: 1200, height: 700 }).maximize(),
    );

    const { keeper } = await aKeeper(aScreen(LAPTOP), fs);

    expect(keeper.placement()).toEqual({ bounds: { x: 100, y: 50, width: 1200, height: 700 }, isMaximized: true });
  });

  it('falls back to the centred default when the window was on a display that is gone', async () => {
    const fs = new InMemoryFileSystem().withFolder('/user-data');
    await aLaunch(fs, aScreen(LAPTOP, MONITOR_ON_THE_RIGHT), (window) =>
      window.placeAt({ x: 2200, y: 100, width: 1600, height: 1000 }),
    );

    const { keeper } = await aKeeper(aScreen(LAPTOP), fs);

    expect(keeper.placement()).toEqual({ bounds: { x: 240, y: 70, width: 1440, height: 900 }, isMaximized: false });
  });

  it('keeps a default no larger than the work area of a small display', async () => {
    const { keeper } = await aKeeper(aScreen(SMALL_LAPTOP));

    expect(keeper.placement().bounds).toEqual({ x: 0, y: 0, width: 1280, height: 760 });
  });

  it('remembers each display layout on its own: docked and undocked each get their place back', async () => {
    const fs = new InMemoryFileSystem().withFolder('/user-data');
    const docked = aScreen(LAPTOP, MONITOR_ON_THE_RIGHT);
    const undocked = aScreen(LAPTOP);
    await aLaunch(fs, docked, (window) => window.placeAt({ x: 2200, y: 100, width: 1600, height: 1000 }).maximize());
    await aLaunch(fs, undocked, (window) => window.placeAt({ x: 10, y: 20, width: 1000, height: 600 }));

    expect((await aKeeper(docked, fs)).keeper.placement()).toEqual({
      bounds: { x: 2200, y: 100, width: 1600, height: 1000 },
      isMaximized: true,
    });
    expect((await aKeeper(undocked, fs)).keeper.placement()).toEqual({
      bounds: { x: 10, y: 20, width: 1000, height: 600 },
      isMaximized: false,
    });
  });

  it('uses the place it had under another layout when this one has none and that place is on screen', async () => {
    const fs = new InMemoryFileSystem().withFolder('/user-data');
    await aLaunch(fs, aScreen(LAPTOP), (window) => window.placeAt({ x: 10, y: 20, width: 1000, height: 600 }));

    const { keeper } = await aKeeper(aScreen(LAPTOP, MONITOR_ON_THE_RIGHT), fs);

    expect(keeper.placement().bounds).toEqual({ x: 10, y: 20, width: 1000, height: 600 });
  });

  it('writes its file atomically, through a temporary sibling renamed over it', async () => {
    const fs = new InMemoryFileSystem().withFolder('/user-data');
    await aLaunch(fs, aScreen(LAPTOP), (window) => window.placeAt({ x: 10, y: 20, width: 1000, height: 600 }));

    expect(fs.calls.some((call) => call.startsWith('rename') && call.endsWith(STORE_PATH))).toBe(true);
    expect(await fs.listFolder('/user-data')).toEqual(['window-state.json']);
  });

  it('starts at the default when its file is unreadable, malformed or from a hand edit gone wrong', async () => {
    for (const text of ['{', '[]', '[{"layout": "x", "bounds": {"x": "left"}}]', '{"bounds": null}']) {
      const fs = new InMemoryFileSystem().withFolder('/user-data');
      await fs.writeTextDurably(STORE_PATH, text);

      const { keeper } = await aKeeper(aScreen(LAPTOP), fs);

      expect(keeper.placement()).toEqual({ bounds: { x: 240, y: 70, width: 1440, height: 900 }, isMaximized: false });
    }
  });

  it('does not stop the window from closing when the file cannot be written', async () => {
    const fs = new InMemoryFileSystem().withFolder('/user-data').failing('writeTextDurably', 'ENOSPC');

    await expect(
      aLaunch(fs, aScreen(LAPTOP), (window) => window.placeAt({ x: 10, y: 20, width: 1000, height: 600 })),
    ).resolves.toBeUndefined();
  });
});
