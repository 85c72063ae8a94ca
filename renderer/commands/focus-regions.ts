import { canvasElement, focusCanvas, focusNode } from '../canvas/canvas-element-focus';
import { currentSelection } from '../store/selection-store';

/** The page's regions F6 goes round, in order, each with what takes the focus on arriving there. */
const REGIONS: ReadonlyArray<{ selector: string; focus: (region: HTMLElement) => boolean }> = [
  { selector: '.mesh-canvas', focus: focusCanvasSelection },
  {
    selector: '.side-panel',
    focus: (region) => focusFirst(region, '.side-panel__content :is(input, select, textarea)'),
  },
  { selector: '.toolbar', focus: (region) => focusFirst(region, 'button:enabled') },
];

function focusFirst(region: HTMLElement, selector: string): boolean {
  const first = [...region.querySelectorAll<HTMLElement>(selector)].find(
    (element) => element.tabIndex >= 0 && !element.matches(':disabled') && element.checkVisibility(),
  );
  first?.focus();
  return first !== undefined && document.activeElement === first;
}

/** On the canvas, the focus goes to the selected node, else the selected link, else the canvas itself. */
function focusCanvasSelection(): boolean {
  const { nodeIds, linkIds } = currentSelection();
  const [nodeId] = nodeIds;
  const [linkId] = linkIds;
  const link = linkId ? canvasElement('link', linkId) : null;
  if (nodeId) focusNode(nodeId);
  else if (link) link.focus({ preventScroll: true });
  else focusCanvas();
  return document.activeElement !== document.body;
}

/**
 * F6: the focus goes to the next region (canvas → side panel's first field → toolbar → canvas),
 * as in desktop apps, instead of Tab through every node, link and control on the way.
 */
export function focusNextRegion(focused: Element | null): void {
  const regions = REGIONS.map((region) => ({
    ...region,
    element: document.querySelector<HTMLElement>(region.selector),
  }));
  const at = regions.findIndex(({ element }) => element?.contains(focused));
  // From outside every region (<body>), the first region is next.
  const from = at < 0 ? regions.length - 1 : at;
  for (let step = 1; step <= regions.length; step++) {
    const next = regions[(from + step) % regions.length];
    if (next?.element && next.focus(next.element)) return;
  }
}
