import { describe, expect, it } from 'vitest';
import { menuPlacement } from '../../../renderer/canvas/menu-placement';

const window = { width: 1440, height: 900 };
const menu = { width: 220, height: 230 };

describe('menuPlacement', () => {
  it('opens right of and below the pointer where the menu fits', () => {
    expect(menuPlacement({ x: 100, y: 100 }, menu, window)).toEqual({ x: 100, y: 100 });
  });

  it('opens above the pointer near the bottom of the window, and left of it near the right edge', () => {
    expect(menuPlacement({ x: 800, y: 830 }, menu, window)).toEqual({ x: 800, y: 600 });
    expect(menuPlacement({ x: 1400, y: 100 }, menu, window)).toEqual({ x: 1180, y: 100 });
  });

  it('keeps a menu taller than the room on either side against the window edge, whole where it can be', () => {
    expect(menuPlacement({ x: 100, y: 150 }, menu, { width: 1440, height: 300 })).toEqual({ x: 100, y: 66 });
    expect(menuPlacement({ x: 100, y: 150 }, menu, { width: 1440, height: 200 })).toEqual({ x: 100, y: 4 });
  });
});
