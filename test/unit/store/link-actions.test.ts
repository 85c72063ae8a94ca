import { beforeEach, describe, expect, it } from 'vitest';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { connect, connectToNewInputPort, reconnect, sayLinkRefused } from '../../../renderer/store/link-actions';
import { useNoticeStore } from '../../../renderer/store/notice-store';
import { selectOnly, useSelectionStore } from '../../../renderer/store/selection-store';
import { aMesh, aPort } from '../../builders/mesh-builder';
import { documentNow, expectOneUndoableStep, openDocument, undoSteps } from './store-fixture';

const end = (nodeId: string, portId: string) => ({ nodeId, portId });

describe('link actions', () => {
  beforeEach(() =>
    openDocument(
      aMesh()
        .withDomain('sales')
        .withProduct('orders', 'sales', { inputPorts: [aPort('in', 'input')], outputPorts: [aPort('out', 'output')] })
        .withProduct('revenue', 'sales', {
          inputPorts: [aPort('in', 'input'), aPort('other', 'input')],
          outputPorts: [aPort('out', 'output')],
        })
        .build(),
    ),
  );

  it('links an output port to an input port and selects the link', () => {
    expectOneUndoableStep(() => expect(connect(end('orders', 'out'), end('revenue', 'in')).ok).toBe(true));
    expect(documentNow().links).toEqual([
      { id: 'orders-to-revenue', from: end('orders', 'out'), to: end('revenue', 'in') },
    ]);
    expect([...useSelectionStore.getState().linkIds]).toEqual(['orders-to-revenue']);
  });

  it('says in the status line what it linked, in place of what the line said before', () => {
    useNoticeStore.getState().show({ tone: 'info', text: 'Undone: Edited product “orders”' });

    connect(end('orders', 'out'), end('revenue', 'in'));

    expect(useNoticeStore.getState().notice?.text).toBe('Linked orders · out to revenue · in');
    expect(useNoticeStore.getState().notice?.actions?.map((action) => action.label)).toEqual(['Undo']);
  });

  it('says where it moved a link to', () => {
    connect(end('orders', 'out'), end('revenue', 'in'));

    reconnect('orders-to-revenue', end('orders', 'out'), end('revenue', 'other'));

    expect(useNoticeStore.getState().notice?.text).toBe('Relinked orders · out to revenue · other');
  });

  it('says so when the link closes a loop, naming the products round it', () => {
    connect(end('orders', 'out'), end('revenue', 'in'));

    connect(end('revenue', 'out'), end('orders', 'in'));

    expect(useNoticeStore.getState().notice?.text).toBe(
      'Linked revenue · out to orders · in — this closes a loop: revenue → orders → revenue',
    );
  });

  it('stores a link dragged from the input end the way data flows', () => {
    connect(end('revenue', 'in'), end('orders', 'out'));
    expect(documentNow().links[0]).toMatchObject({ from: end('orders', 'out'), to: end('revenue', 'in') });
  });

  it('gives a second link between the same products its own id', () => {
    connect(end('orders', 'out'), end('revenue', 'in'));
    connect(end('orders', 'out'), end('revenue', 'other'));
    expect(documentNow().links.map((link) => link.id)).toEqual(['orders-to-revenue', 'orders-to-revenue-2']);
  });

  it('refuses a link the rules forbid, says why, and changes nothing', () => {
    expect(connect(end('orders', 'in'), end('revenue', 'in'))).toEqual({
      ok: false,
      reason: 'Both ends are input ports: link an output port or topic to an input port.',
    });
    expect(documentNow().links).toEqual([]);
    expect(undoSteps()).toBe(0);
  });

  it('links to an input port it adds to a product whose inputs are all fed, port and link one undo step', () => {
    connect(end('orders', 'out'), end('revenue', 'in'));
    connect(end('orders', 'out'), end('revenue', 'other'));

    expectOneUndoableStep(() => expect(connectToNewInputPort(end('orders', 'out'), 'revenue').ok).toBe(true));

    const revenue = documentNow().products.find((product) => product.id === 'revenue');
    expect(revenue?.inputPorts.map((port) => port.name)).toEqual(['in', 'other', 'input']);
    expect(documentNow().links.at(-1)).toMatchObject({ from: end('orders', 'out'), to: end('revenue', 'input') });
    expect([...useSelectionStore.getState().linkIds]).toEqual([documentNow().links.at(-1)?.id]);
    expect(useNoticeStore.getState().notice?.text).toContain('Linked orders · out to revenue · input');
  });

  it('adds no input port where the rules refuse the link to it', () => {
    expect(connectToNewInputPort(end('revenue', 'out'), 'revenue')).toEqual({
      ok: false,
      reason: 'A product cannot feed its own input port.',
    });
    expect(documentNow().products.find((product) => product.id === 'revenue')?.inputPorts).toHaveLength(2);
    expect(undoSteps()).toBe(0);
  });

  it('re-routes a link to another input port', () => {
    connect(end('orders', 'out'), end('revenue', 'in'));
    expectOneUndoableStep(() =>
      expect(reconnect('orders-to-revenue', end('orders', 'out'), end('revenue', 'other')).ok).toBe(true),
    );
    expect(documentNow().links).toEqual([
      { id: 'orders-to-revenue', from: end('orders', 'out'), to: end('revenue', 'other') },
    ]);
  });

  it('names a link moved to other products after its new ends, so a new link between the old ones is not numbered', () => {
    connect(end('orders', 'out'), end('revenue', 'in'));

    reconnect('orders-to-revenue', end('revenue', 'out'), end('orders', 'in'));
    connect(end('orders', 'out'), end('revenue', 'in'));

    expect(documentNow().links.map((link) => link.id)).toEqual(['revenue-to-orders', 'orders-to-revenue']);
  });

  it('keeps a moved link selected under its new id, and Undo brings back the link and its selection as they were', () => {
    connect(end('orders', 'out'), end('revenue', 'in'));
    const before = documentNow();

    reconnect('orders-to-revenue', end('revenue', 'out'), end('orders', 'in'));
    expect([...useSelectionStore.getState().linkIds]).toEqual(['revenue-to-orders']);
    useDocumentStore.getState().undo();

    expect(documentNow()).toBe(before);
    expect([...useSelectionStore.getState().linkIds]).toEqual(['orders-to-revenue']);
  });

  it('leaves a moved link unselected when it was not selected', () => {
    connect(end('orders', 'out'), end('revenue', 'in'));
    selectOnly(['orders']);

    reconnect('orders-to-revenue', end('revenue', 'out'), end('orders', 'in'));

    expect([...useSelectionStore.getState().nodeIds]).toEqual(['orders']);
    expect([...useSelectionStore.getState().linkIds]).toEqual([]);
  });

  it('refuses to re-route a link onto a forbidden end', () => {
    connect(end('orders', 'out'), end('revenue', 'in'));
    expect(reconnect('orders-to-revenue', end('orders', 'out'), end('orders', 'in')).ok).toBe(false);
    expect(documentNow().links[0]?.to).toEqual(end('revenue', 'in'));
  });

  it('says why a link was refused until the user moves on (a selection change), like any refusal', async () => {
    const check = connect(end('orders', 'in'), end('revenue', 'in'));
    if (check.ok) throw new Error('the link should have been refused');

    sayLinkRefused(check.reason);
    expect(useNoticeStore.getState().notice?.text).toBe(`Link refused: ${check.reason}`);
    // The task after the drop or click that led to it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    selectOnly(['orders']);

    expect(useNoticeStore.getState().notice).toBeNull();
  });
});
