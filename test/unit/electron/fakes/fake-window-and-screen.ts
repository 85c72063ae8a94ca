import type { Bounds, ScreenLike, TrackedWindow } from '../../../../electron/window/window-state-keeper';

/** A BrowserWindow that only knows where it is, whether it is maximized, and its 'close' listeners. */
export class FakeBrowserWindow implements TrackedWindow {
  private readonly closeListeners: (() => void)[] = [];

  constructor(
    private normalBounds: Bounds,
    private maximized = false,
  ) {}

  getNormalBounds(): Bounds {
    return this.normalBounds;
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  on(_event: 'close', listener: () => void): void {
    this.closeListeners.push(listener);
  }

  /** The user moved or resized it (restored, not maximized). */
  placeAt(bounds: Bounds): this {
    this.normalBounds = bounds;
    this.maximized = false;
    return this;
  }

  maximize(): this {
    this.maximized = true;
    return this;
  }

  close(): void {
    for (const listener of this.closeListeners) listener();
  }
}

/** Electron's screen with the given displays, the first one primary; each work area is its display less a 40 px bar. */
export function aScreen(...displayBounds: Bounds[]): ScreenLike {
  const displays = displayBounds.map((bounds) => ({ bounds, workArea: { ...bounds, height: bounds.height - 40 } }));
  return {
    getAllDisplays: () => displays,
    getPrimaryDisplay: () => displays[0] as (typeof displays)[number],
  };
}
