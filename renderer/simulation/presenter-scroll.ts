/**
 * Keys that reach what a stage shows below the presenter panel's fold (its body scrolls, under its pinned title), for a facilitator at a
 * keyboard or a clicker (which sends Page Down and Page Up): ↓ ↑ scroll a few lines; Page Down
 * and Page Up scroll most of a panel, and once the stage is read to its end (or its top) go on
 * to the next stage (or back), as a clicker's two buttons are expected to. Space stays run/pause.
 */
/** The element id of the presenter's scrolling stage body, for the keys to find what they scroll. */
export const PRESENTER_PANEL_ID = 'presenter-panel';

export type PresenterMove = { scrollBy: number } | { stage: 1 | -1 };

const LINE_SHARE = 0.25;
const PAGE_SHARE = 0.85;

export function presenterMove(
  key: string,
  panel: { scrollTop: number; clientHeight: number; scrollHeight: number },
): PresenterMove | null {
  const isAtTop = panel.scrollTop <= 0;
  const isAtEnd = panel.scrollTop + panel.clientHeight >= panel.scrollHeight - 1;
  switch (key) {
    case 'ArrowDown':
      return { scrollBy: Math.round(panel.clientHeight * LINE_SHARE) };
    case 'ArrowUp':
      return { scrollBy: -Math.round(panel.clientHeight * LINE_SHARE) };
    case 'PageDown':
      return isAtEnd ? { stage: 1 } : { scrollBy: Math.round(panel.clientHeight * PAGE_SHARE) };
    case 'PageUp':
      return isAtTop ? { stage: -1 } : { scrollBy: -Math.round(panel.clientHeight * PAGE_SHARE) };
    default:
      return null;
  }
}
