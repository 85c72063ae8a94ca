// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { focusNodeWhenDrawn } from '../../../renderer/canvas/canvas-element-focus';
import { selectOnly } from '../../../renderer/store/selection-store';

// jsdom has no CSS.escape; these ids need no escaping.
globalThis.CSS ??= { escape: (value: string) => value } as typeof CSS;

function drawNode(id: string): HTMLElement {
  const node = document.createElement('div');
  node.className = 'react-flow__node';
  node.dataset.id = id;
  node.tabIndex = 0;
  document.body.append(node);
  return node;
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

describe('moving the focus to a node once the canvas draws it', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('focuses the node as soon as it is drawn', async () => {
    selectOnly(['water-quality']);
    const waiting = focusNodeWhenDrawn('water-quality');
    await frame();
    const node = drawNode('water-quality');
    await waiting;

    expect(document.activeElement).toBe(node);
  });

  it('leaves the focus where the user put it meanwhile: the name field of the next element added', async () => {
    selectOnly(['water-quality']);
    const waiting = focusNodeWhenDrawn('water-quality');
    await frame();
    const nextName = document.createElement('input');
    document.body.append(nextName);
    nextName.focus();
    selectOnly(['field-operations']);
    drawNode('water-quality');
    await waiting;

    expect(document.activeElement).toBe(nextName);
  });
});
