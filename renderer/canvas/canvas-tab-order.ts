/**
 * Tab on the canvas: nodes first, in reading order (see `readingOrder`), then links in the
 * order they were made. React Flow draws every link before any node in the page, so the
 * browser's own order would visit all the links first.
 */

import { type ReactFlowInstance, useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { readingOrder } from '../../shared/editing/reading-order';
import { canvasElement } from './canvas-element-focus';

/** The canvas's nodes and links the focus can reach, in Tab order. */
function tabOrder(flow: ReactFlowInstance): HTMLElement[] {
  const placed = flow.getNodes().map(({ id, parentId }) => {
    const { x, y } = flow.getInternalNode(id)?.internals.positionAbsolute ?? { x: 0, y: 0 };
    return { id, parentId, x, y };
  });
  const elements = [
    ...readingOrder(placed).map((id) => canvasElement('node', id)),
    ...flow.getEdges().map(({ id }) => canvasElement('link', id)),
  ];
  return elements.filter((element): element is HTMLElement => element !== null && element.tabIndex >= 0);
}

function inPageOrder(elements: readonly HTMLElement[]): HTMLElement[] {
  return [...elements].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

function isPlainTab(event: KeyboardEvent): boolean {
  return event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey;
}

/**
 * Moves Tab and Shift+Tab through the canvas in its Tab order. From its last element (first,
 * going back) the focus is set on the canvas element last (first) in the page and the browser's
 * Tab goes on from there, out of the canvas; coming in, the focus goes to the first node (the
 * last link, going back) wherever in the canvas the browser put it.
 */
export function useCanvasTabOrder(): void {
  const flow = useReactFlow();
  useEffect(() => {
    let entering: 'forward' | 'back' | undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isPlainTab(event) || event.defaultPrevented) return;
      // A Tab elsewhere on the page (a form, the toolbar) need not order every node of the canvas.
      const isOnCanvasElement = document.activeElement?.matches('.react-flow__node, .react-flow__edge') === true;
      const order = isOnCanvasElement ? tabOrder(flow) : [];
      const at = order.indexOf(document.activeElement as HTMLElement);
      if (at < 0) {
        entering = event.shiftKey ? 'back' : 'forward';
        // The focus moves in this key's default action, after every listener has run.
        setTimeout(() => {
          entering = undefined;
        });
        return;
      }
      const next = order[at + (event.shiftKey ? -1 : 1)];
      if (next) {
        event.preventDefault();
        next.focus({ preventScroll: true });
        return;
      }
      const page = inPageOrder(order);
      (event.shiftKey ? page[0] : page.at(-1))?.focus({ preventScroll: true });
    };
    const onFocusIn = (event: FocusEvent) => {
      if (!entering) return;
      const order = tabOrder(flow);
      if (!order.includes(event.target as HTMLElement)) return;
      const first = entering === 'forward' ? order[0] : order.at(-1);
      entering = undefined;
      if (first !== event.target) first?.focus({ preventScroll: true });
    };
    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('focusin', onFocusIn, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('focusin', onFocusIn, true);
    };
  }, [flow]);
}
