// @vitest-environment jsdom
import type { Edge } from '@xyflow/react';
import type { MouseEvent } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLinkHover } from '../../../renderer/canvas/link-hover';

let frames: Array<() => void> = [];
/** The areas under the pointer, whatever the point; and where it was asked. */
let areasUnderPointer: Element[] = [];
const askedAt: Array<[number, number]> = [];

beforeEach(() => {
  frames = [];
  askedAt.length = 0;
  vi.stubGlobal('requestAnimationFrame', (run: () => void) => frames.push(run));
  vi.stubGlobal('cancelAnimationFrame', (frame: number) => {
    frames[frame - 1] = () => {};
  });
  document.elementsFromPoint = (x: number, y: number) => {
    askedAt.push([x, y]);
    return areasUnderPointer;
  };
});

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

/** The next animation frame is drawn. */
function drawFrame() {
  const due = frames;
  frames = [];
  for (const run of due) run();
}

/** A link's click area, as React Flow draws it; `measuring` counts each time its line is measured. */
function clickAreaOf(linkId: string, measuring: () => null) {
  const link = document.createElementNS('http://www.w3.org/2000/svg', 'g');
  link.setAttribute('class', 'react-flow__edge');
  link.setAttribute('data-id', linkId);
  const area = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  area.setAttribute('class', 'react-flow__edge-interaction');
  Object.assign(area, { getScreenCTM: measuring });
  link.append(area);
  document.body.append(link);
  return area;
}

function pointerAt(x: number, y: number) {
  return { nativeEvent: new window.MouseEvent('mousemove', { clientX: x, clientY: y }) } as MouseEvent;
}

const edge = (id: string) => ({ id }) as Edge;

describe('the link hover', () => {
  it('works out the hovered link once a frame, for where the pointer went last', () => {
    areasUnderPointer = [clickAreaOf('l1', () => null)];
    const show = vi.fn();
    const hover = createLinkHover(show);
    hover.move(pointerAt(10, 10), edge('l1'));
    hover.move(pointerAt(12, 10), edge('l1'));
    hover.move(pointerAt(14, 11), edge('l1'));
    expect(show).not.toHaveBeenCalled();
    drawFrame();
    expect(askedAt).toEqual([[14, 11]]);
    expect(show.mock.calls).toEqual([['l1']]);
  });

  it('shows no link once the pointer leaves, though a move before it waited for a frame', () => {
    areasUnderPointer = [clickAreaOf('l1', () => null)];
    const show = vi.fn();
    const hover = createLinkHover(show);
    hover.move(pointerAt(10, 10), edge('l1'));
    hover.leave();
    drawFrame();
    expect(show.mock.calls).toEqual([[null]]);
  });

  it('measures overlapping links again only once the pointer has moved a pixel or the areas under it changed', () => {
    const measuring = vi.fn(() => null);
    const [first, second, third] = [
      clickAreaOf('l1', measuring),
      clickAreaOf('l2', measuring),
      clickAreaOf('l3', measuring),
    ];
    areasUnderPointer = [first as Element, second as Element];
    const hover = createLinkHover(vi.fn());
    const measuresAfterMoveTo = (x: number, y: number) => {
      measuring.mockClear();
      hover.move(pointerAt(x, y), edge('l1'));
      drawFrame();
      return measuring.mock.calls.length;
    };
    expect(measuresAfterMoveTo(100, 100)).toBe(2);
    expect(measuresAfterMoveTo(100.5, 100.5)).toBe(0);
    expect(measuresAfterMoveTo(100.5, 101.2)).toBe(2);
    areasUnderPointer = [first as Element, third as Element];
    expect(measuresAfterMoveTo(100.5, 101.2)).toBe(2);
  });
});
