import { describe, expect, it } from 'vitest';
import { fragmentFromText, fragmentToText, looksLikeElements, pasteText } from '../../../shared/editing/clipboard-text';
import { copyFragment } from '../../../shared/editing/mesh-fragment';
import { emptyMesh } from '../../../shared/model';
import { salesPipeline } from './editing-fixtures';

describe('copied elements as clipboard text', () => {
  it('round-trips through JSON text another window or a text editor can hold', () => {
    const fragment = copyFragment(salesPipeline(), new Set(['shop', 'orders']));
    const text = fragmentToText(fragment);
    expect(looksLikeElements(text)).toBe(true);
    expect(JSON.parse(text)).toMatchObject({ format: 'data-mesh-designer/elements', version: 1 });
    expect(fragmentFromText(text)).toEqual({ ok: true, value: fragment });
  });

  it('pastes into another design, recreating what it needs', () => {
    const text = fragmentToText(copyFragment(salesPipeline(), new Set(['orders'])));
    const pasted = pasteText(emptyMesh('other', 'Other'), text, { at: { x: 0, y: 0 } });
    expect(pasted.ok && pasted.value.mesh.products.map((product) => product.name)).toEqual(['Orders']);
  });

  it('says where text edited by hand is wrong, and pastes nothing', () => {
    const json = JSON.parse(fragmentToText(copyFragment(salesPipeline(), new Set(['orders']))));
    json.products[0].name = '';
    expect(fragmentFromText(JSON.stringify(json))).toMatchObject({
      ok: false,
      errors: expect.arrayContaining([expect.objectContaining({ path: 'products[0].name' })]),
    });
    expect(fragmentFromText('{ not json')).toMatchObject({ ok: false, errors: [{ path: '(clipboard)' }] });
  });

  it('refuses elements whose references do not resolve, with the place in the document', () => {
    const json = JSON.parse(fragmentToText(copyFragment(salesPipeline(), new Set(['orders']))));
    json.contracts = [];
    const result = pasteText(emptyMesh('other', 'Other'), JSON.stringify(json), 'beside-originals');
    expect(result).toMatchObject({
      ok: false,
      errors: expect.arrayContaining([expect.objectContaining({ path: 'products[0].outputPorts[0].contractId' })]),
    });
  });

  it('refuses a position no canvas can draw, with where it is', () => {
    const json = JSON.parse(fragmentToText(copyFragment(salesPipeline(), new Set(['sales']))));
    json.layout.orders.x = 1e300;
    expect(fragmentFromText(JSON.stringify(json))).toMatchObject({
      ok: false,
      errors: [expect.objectContaining({ path: 'layout.orders.x' })],
    });
  });

  it('does not mistake other text for copied elements', () => {
    expect(looksLikeElements('hello')).toBe(false);
  });
});
