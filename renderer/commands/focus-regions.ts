import { focusCanvasSelection } from '../canvas/canvas-element-focus';

/** What can take the focus by Tab; `focusFirst` keeps those that are shown, enabled and not tabindex=-1. */
const TABBABLE = 'button, [href], input, select, textarea, [tabindex]';

const focusFirstTabbable = (region: HTMLElement) => focusFirst(region, TABBABLE);

/**
 * Where Monaco takes the typing, its cursor kept: in Chromium an EditContext div, elsewhere a
 * textarea.
 */
const MONACO_TEXT = '.monaco-editor :is(.native-edit-context, textarea.inputarea)';

/**
 * The page's regions F6 goes round, in screen order (as VS Code's parts), each with what takes
 * the focus on arriving there; a region not shown, or with nothing to focus, is passed over.
 */
const REGIONS: ReadonlyArray<{ selector: string; focus: (region: HTMLElement) => boolean }> = [
  { selector: '.toolbar', focus: (region) => focusFirst(region, 'button:enabled') },
  { selector: '.simulation-bar', focus: focusFirstTabbable },
  { selector: '.palette', focus: focusFirstTabbable },
  { selector: '.mesh-canvas', focus: focusCanvasSelection },
  {
    selector: '.contract-panel',
    focus: (region) => focusFirst(region, MONACO_TEXT) || focusFirstTabbable(region),
  },
  {
    selector: '.side-panel',
    focus: (region) =>
      focusFirst(region, '.side-panel__content :is(input, select, textarea)') || focusFirstTabbable(region),
  },
  { selector: '.status-bar', focus: focusFirstTabbable },
];

function focusFirst(region: HTMLElement, selector: string): boolean {
  const first = [...region.querySelectorAll<HTMLElement>(selector)].find(
    (element) => element.tabIndex >= 0 && !element.matches(':disabled') && element.checkVisibility(),
  );
  first?.focus();
  return first !== undefined && document.activeElement === first;
}

/**
 * F6: the focus goes to the next region shown (toolbar, simulation bar, palette, canvas, contract
 * editor, side panel's first field, status bar, and round), as in desktop apps, instead of Tab
 * through every node, link and control on the way.
 */
export function focusNextRegion(focused: Element | null): void {
  const regions = REGIONS.map((region) => ({
    ...region,
    element: document.querySelector<HTMLElement>(region.selector),
  }));
  const holding = regions.filter(({ element }) => element?.contains(focused));
  // The innermost region holding the focus: the contract editor can sit in the side panel's tab.
  const innermost = holding.find(({ element }) => holding.every((other) => other.element?.contains(element)));
  const at = innermost ? regions.indexOf(innermost) : -1;
  // From outside every region (<body>), the canvas is next.
  const from = at < 0 ? REGIONS.findIndex(({ selector }) => selector === '.mesh-canvas') - 1 : at;
  for (let step = 1; step <= regions.length; step++) {
    const next = regions[(from + step) % regions.length];
    // A region around the one left (the side panel around its contract tab) is no next region.
    if (next?.element && !next.element.contains(focused) && next.focus(next.element)) return;
  }
}
