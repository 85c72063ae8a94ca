// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { focusNextRegion } from '../../../renderer/commands/focus-regions';
import { selectOnly, useSelectionStore } from '../../../renderer/store/selection-store';

// jsdom has no CSS.escape; these ids need no escaping.
globalThis.CSS ??= { escape: (value: string) => value } as typeof CSS;

/** A palette with one button, and a canvas drawing the nodes `drawnNodeIds`. */
function drawPaletteAndCanvas(drawnNodeIds: string[]): { paletteButton: HTMLElement; canvas: HTMLElement } {
  const palette = document.createElement('div');
  palette.className = 'palette';
  const paletteButton = document.createElement('button');
  palette.append(paletteButton);
  const canvas = document.createElement('div');
  canvas.className = 'mesh-canvas';
  canvas.tabIndex = 0;
  for (const id of drawnNodeIds) {
    const node = document.createElement('div');
    node.className = 'react-flow__node';
    node.dataset.id = id;
    node.tabIndex = 0;
    canvas.append(node);
  }
  document.body.append(palette, canvas);
  return { paletteButton, canvas };
}

describe('F6 from the palette to the canvas', () => {
  afterEach(() => {
    document.body.replaceChildren();
    useSelectionStore.getState().clear();
  });

  it('lands on the selected node', () => {
    const { paletteButton } = drawPaletteAndCanvas(['courses']);
    selectOnly(['courses']);
    paletteButton.focus();
    focusNextRegion(paletteButton);
    expect((document.activeElement as HTMLElement).dataset.id).toBe('courses');
  });

  it('lands on the canvas itself when the selected node is not drawn, instead of staying on the palette', () => {
    const { paletteButton, canvas } = drawPaletteAndCanvas(['courses']);
    selectOnly(['ghost']);
    paletteButton.focus();
    focusNextRegion(paletteButton);
    expect(document.activeElement).toBe(canvas);
  });
});
