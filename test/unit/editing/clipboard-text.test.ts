import { describe, expect, it } from 'vitest';
import {
  fragmentFromText,
  fragmentToText,
  looksLikeElements,
  pasteRefusal,
  pasteText,
} from '../../../shared/editing/clipboard-text';
import { copyFragment } from '../../../shared/editing/mesh-fragment';
import { emptyMesh } from '../../../shared/model';
import { paymentsRiskFinance, salesPipeline } from './editing-fixtures';

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

  it('says what text edited by hand holds wrong in the words opening a file uses, never zod’s own', () => {
    const json = JSON.parse(fragmentToText(copyFragment(salesPipeline(), new Set(['orders']))));
    json.products[0].kind = 'big';
    json.products[0].colour = 'red';

    const read = fragmentFromText(JSON.stringify(json));

    expect(!read.ok && read.errors.map((error) => `${error.path}: ${error.message}`)).toEqual([
      "products[0].kind: must be 'source-aligned', 'aggregate' or 'consumer-aligned', not 'big'",
      'products[0].colour: unknown field',
    ]);
  });

  it('refuses a copied contract whose ODCS text edited by hand no longer reads, at its line, as opening a file does', () => {
    const json = JSON.parse(fragmentToText(copyFragment(salesPipeline(), new Set(['orders']))));
    json.contracts[0].odcs = json.contracts[0].odcs.replace(/^kind: .*$/m, 'kind: [');

    const result = pasteText(emptyMesh('other', 'Other'), JSON.stringify(json), 'beside-originals');

    expect(result).toMatchObject({
      ok: false,
      errors: [{ path: 'contracts[0].odcs', message: expect.stringMatching(/^\d+:\d+ /) }],
    });
  });

  it('reads a copied contract from its ODCS text, which wins over the fields copied beside it', () => {
    const json = JSON.parse(fragmentToText(copyFragment(salesPipeline(), new Set(['orders']))));
    json.contracts[0].version = '9.9.9';

    const read = fragmentFromText(JSON.stringify(json));

    expect(read.ok && read.value.contracts[0]?.version).toBe('1.0.0');
  });

  it('refuses elements whose references do not resolve, naming the element and port at fault', () => {
    const json = JSON.parse(fragmentToText(copyFragment(salesPipeline(), new Set(['orders']))));
    json.contracts = [];
    const result = pasteText(emptyMesh('other', 'Other'), JSON.stringify(json), 'beside-originals');
    expect(result).toMatchObject({
      ok: false,
      errors: [{ path: "product 'Orders', output port 'out'", message: "no contract 'orders-contract'" }],
    });
  });

  it('refuses crafted text naming the elements at fault, never indices of the design or “undefined”, briefly', () => {
    const json = JSON.parse(
      fragmentToText(copyFragment(paymentsRiskFinance(), new Set(['card-transactions', 'revenue-ledger']))),
    );
    json.products[0].outputPorts[0].contractId = 'ghost-contract';
    json.links.push(
      { id: 'from-nowhere', from: { nodeId: 'ghost', portId: 'out' }, to: { nodeId: 'revenue-ledger', portId: 'in' } },
      { id: 'to-nowhere', from: { nodeId: 'card-transactions', portId: 'out' }, to: { nodeId: 'ghost', portId: 'in' } },
    );
    const result = pasteText(salesPipeline(), JSON.stringify(json), 'beside-originals');
    if (result.ok) throw new Error('the crafted text was pasted');
    const refusal = pasteRefusal(result.errors);
    expect(refusal.text).toBe('Nothing was pasted: the copied elements have 3 problems.');
    expect(refusal.details).toEqual([
      "product 'Card Transactions', output port 'out': no contract 'ghost-contract'",
      "link 'from-nowhere': no port or topic 'out' on 'ghost'",
      'and 1 more',
    ]);
  });

  it('says a single problem as one', () => {
    expect(pasteRefusal([{ path: 'products', message: 'expected array' }])).toEqual({
      text: 'Nothing was pasted: the copied elements have 1 problem.',
      details: ['products: expected array'],
    });
  });

  it('refuses copied elements whose names hold a control character, saying where and which, as it refuses an empty name', () => {
    const json = JSON.parse(fragmentToText(copyFragment(salesPipeline(), new Set(['sales']))));
    json.domains[0].name = 'Sa\tles';
    json.products[0].outputPorts[0].name = 'out\u0007';
    json.systems[0].messaging.topics[0].name = 'shop\nitems';
    const result = fragmentFromText(JSON.stringify(json));
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { path: 'domains[0].name', message: 'a name cannot hold a control character (U+0009)' },
        { path: 'products[0].outputPorts[0].name', message: 'a name cannot hold a control character (U+0007)' },
        { path: 'systems[0].messaging.topics[0].name', message: 'a name cannot hold a control character (U+000A)' },
      ],
    });
    expect(pasteText(emptyMesh('other', 'Other'), JSON.stringify(json), { at: { x: 0, y: 0 } }).ok).toBe(false);
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
