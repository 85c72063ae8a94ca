/** A rectangle in screen coordinates, as Electron gives a window's or a display's. */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the main window opens, and whether maximized (then `bounds` is where it restores to). */
export interface WindowPlacement {
  bounds: Bounds;
  isMaximized: boolean;
}

export interface DisplayArea {
  /** The whole display: what names a layout. */
  bounds: Bounds;
  /** The display less task bars and docks: where a window may be. */
  workArea: Bounds;
}

/** How much of a window must be on a display for the user to see it and grab it. */
const MIN_VISIBLE_PX = 64;

/** Names the arrangement of displays (a laptop alone, docked to a monitor…), whatever their order. */
export function displayLayoutKey(displays: readonly DisplayArea[]): string {
  return displays
    .map(({ bounds }) => `${bounds.x},${bounds.y},${bounds.width}x${bounds.height}`)
    .sort()
    .join(' ');
}

/** The saved placement where enough of it is on some display; else `size` centred on the primary display's work area. */
export function placementOnDisplays(
  saved: WindowPlacement | undefined,
  displays: readonly DisplayArea[],
  primary: DisplayArea,
  size: { width: number; height: number },
): WindowPlacement {
  if (saved && displays.some((display) => isVisibleOn(saved.bounds, display.workArea)))
    return { bounds: saved.bounds, isMaximized: saved.isMaximized };
  return { bounds: centredIn(primary.workArea, size), isMaximized: false };
}

function isVisibleOn(window: Bounds, area: Bounds): boolean {
  const overlapWidth = Math.min(window.x + window.width, area.x + area.width) - Math.max(window.x, area.x);
  const overlapHeight = Math.min(window.y + window.height, area.y + area.height) - Math.max(window.y, area.y);
  return overlapWidth >= MIN_VISIBLE_PX && overlapHeight >= MIN_VISIBLE_PX;
}

function centredIn(area: Bounds, size: { width: number; height: number }): Bounds {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}
