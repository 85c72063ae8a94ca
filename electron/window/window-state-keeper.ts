import { z } from 'zod';
import { writeFileAtomically } from '../files/atomic-write';
import type { FileSystem } from '../files/file-system';
import { MAIN_WINDOW_SIZE } from '../window-options';
import {
  type Bounds,
  type DisplayArea,
  displayLayoutKey,
  placementOnDisplays,
  type WindowPlacement,
} from './window-placement';

export type { Bounds };

/** The part of Electron's screen the keeper reads. */
export interface ScreenLike {
  getAllDisplays(): DisplayArea[];
  getPrimaryDisplay(): DisplayArea;
}

/** The part of a BrowserWindow the keeper reads: its restored bounds, whether maximized, and when it closes. */
export interface TrackedWindow {
  getNormalBounds(): Bounds;
  isMaximized(): boolean;
  on(event: 'close', listener: () => void): void;
}

/** Display layouts the file keeps, most recently used first. */
const LAYOUTS_KEPT = 10;

const boundsSchema = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().positive(),
  height: z.number().positive(),
});
const savedPlacementSchema = z.object({ layout: z.string(), bounds: boundsSchema, isMaximized: z.boolean() });
type SavedPlacement = z.infer<typeof savedPlacementSchema>;
const storeSchema = z.array(savedPlacementSchema);

/** Remembers the main window's size, position and maximized state across launches, per display layout. */
export interface WindowStateKeeper {
  /** Reads the file; a missing or malformed one is no placement, never an error. */
  load(): Promise<void>;
  /** Where to open the window on the displays connected now. */
  placement(): WindowPlacement;
  /** Saves the window's placement when it closes. */
  track(window: TrackedWindow): void;
  /** Resolves once every placement saved so far is on the disk (or failed to be). */
  saved(): Promise<void>;
}

export function createWindowStateKeeper({
  fs,
  storePath,
  screen,
}: {
  fs: FileSystem;
  storePath: string;
  screen: ScreenLike;
}): WindowStateKeeper {
  let placements: SavedPlacement[] = [];
  let writing: Promise<void> = Promise.resolve();

  const save = (placement: SavedPlacement) => {
    placements = [placement, ...placements.filter(({ layout }) => layout !== placement.layout)].slice(0, LAYOUTS_KEPT);
    const text = `${JSON.stringify(placements, null, 2)}\n`;
    // A placement that cannot be written is only a window opening at the default next time.
    writing = writing.then(() => writeFileAtomically(fs, storePath, text)).catch(() => undefined);
  };

  return {
    async load() {
      const text = await fs.readText(storePath).catch(() => '');
      placements = parseSavedPlacements(text);
    },
    placement() {
      const displays = screen.getAllDisplays();
      const layout = displayLayoutKey(displays);
      // This layout's own place, else the last one used under any layout, if it is on these displays.
      const saved = placements.find((placement) => placement.layout === layout) ?? placements[0];
      return placementOnDisplays(saved, displays, screen.getPrimaryDisplay(), MAIN_WINDOW_SIZE);
    },
    track(window) {
      window.on('close', () =>
        save({
          layout: displayLayoutKey(screen.getAllDisplays()),
          bounds: window.getNormalBounds(),
          isMaximized: window.isMaximized(),
        }),
      );
    },
    saved: () => writing,
  };
}

function parseSavedPlacements(text: string): SavedPlacement[] {
  try {
    const parsed = storeSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
