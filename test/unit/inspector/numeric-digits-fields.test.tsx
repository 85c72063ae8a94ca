// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { selectOnly } from '../../../renderer/store/selection-store';
import type { Column } from '../../../shared/model';
import { aMesh } from '../../builders/mesh-builder';
import { openDocument } from '../store/store-fixture';
import { drawnInspector } from './drawn-inspector';

let drawn: Awaited<ReturnType<typeof drawnInspector>> | undefined;

async function inspectorWithColumn(column: Column): Promise<HTMLElement> {
  const mesh = aMesh().withDomain('d').withSystem('calib', 'd').build();
  const table = mesh.systems[0]?.database.tables[0];
  table?.columns.push(column);
  openDocument(mesh);
  selectOnly(['calib']);
  drawn = await drawnInspector();
  return drawn.container;
}

function fieldLabelled(container: HTMLElement, text: string): HTMLInputElement | undefined {
  const label = [...container.querySelectorAll('label')].find((candidate) => candidate.textContent === text);
  return (document.getElementById(label?.htmlFor ?? '') as HTMLInputElement | null) ?? undefined;
}

function typeInto(field: HTMLInputElement | undefined, text: string): void {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    if (!field) return;
    setValue?.call(field, text);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new Event('blur'));
  });
}

const offsetColumn = () => useDocumentStore.getState().mesh?.systems[0]?.database.tables[0]?.columns.at(-1);

describe("a numeric column's precision and scale in the system inspector", () => {
  afterEach(() => {
    drawn?.remove();
    drawn = undefined;
  });

  it('sets the precision and the scale, each undone in one step', async () => {
    const container = await inspectorWithColumn({ name: 'offset_c', type: 'numeric', nullable: false });
    typeInto(fieldLabelled(container, 'Precision'), '10');
    act(() => useDocumentStore.getState().endTyping());
    typeInto(fieldLabelled(container, 'Scale'), '2');
    act(() => useDocumentStore.getState().endTyping());
    expect(offsetColumn()).toMatchObject({ precision: 10, scale: 2 });
    act(() => useDocumentStore.getState().undo());
    expect(offsetColumn()).toMatchObject({ precision: 10 });
    expect(offsetColumn()).not.toHaveProperty('scale');
    act(() => useDocumentStore.getState().undo());
    expect(offsetColumn()).not.toHaveProperty('precision');
  });

  it('leaves the precision out when its field is emptied', async () => {
    const container = await inspectorWithColumn({ name: 'offset_c', type: 'numeric', nullable: false, precision: 10 });
    typeInto(fieldLabelled(container, 'Precision'), '');
    expect(offsetColumn()).not.toHaveProperty('precision');
  });

  it('offers no precision on a column of another type', async () => {
    expect(
      fieldLabelled(await inspectorWithColumn({ name: 'r', type: 'real', nullable: true }), 'Precision'),
    ).toBeUndefined();
  });
});
