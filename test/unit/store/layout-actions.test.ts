import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { useDocumentStore } from '../../../renderer/store/document-store';
import {
  alignNodes,
  announceLayout,
  applyLayout,
  distributeNodes,
  moveNodes,
  moveToDomain,
  notesCarriedBy,
  nudgeNodes,
  resizeDomain,
  settleDroppedNodes,
  toggleLock,
} from '../../../renderer/store/layout-actions';
import { rememberNodeSizes } from '../../../renderer/store/node-sizes';
import { useNoticeStore } from '../../../renderer/store/notice-store';
import { withLockToggled } from '../../../shared/editing/locks';
import { DEFAULT_NODE_SIZE, MIN_DOMAIN_SIZE } from '../../../shared/editing/node-placement';
import type { Mesh } from '../../../shared/model';
import { threeProducts, withNotesAt } from '../editing/editing-fixtures';
import { ecommerceSample } from '../simulation/builders';
import { documentNow, expectOneUndoableStep, openDocument, twoStackedDomains, undoSteps } from './store-fixture';

describe('layout actions', () => {
  beforeEach(() => openDocument(twoStackedDomains('orders', 'sales')));
  const layoutOf = (id: string) => documentNow().layout.nodes[id];

  it('records a drag, however many moves it makes, as one step', () => {
    const store = useDocumentStore.getState();
    store.beginGesture();
    for (let x = 41; x <= 140; x++) moveNodes(new Map([['orders', { x, y: 60 }]]));
    store.endGesture();
    expect(layoutOf('orders')).toEqual({ x: 140, y: 60 });
    expect(undoSteps()).toBe(1);
    useDocumentStore.getState().undo();
    expect(layoutOf('orders')).toEqual({ x: 40, y: 60 });
  });

  it('carries the notes lying wholly on a dragged domain, in the same step; a note only partly over it stays', () => {
    openDocument(
      withNotesAt(twoStackedDomains('orders', 'sales'), {
        'on-sales': { text: 'Allergen labels', x: 300, y: 100, width: 200, height: 100 },
        'half-over-sales': { text: 'Workshop', x: 500, y: 100, width: 200, height: 100 },
      }),
    );
    const store = useDocumentStore.getState();
    store.beginGesture();
    const carried = notesCarriedBy(['sales']);
    for (let x = 1; x <= 50; x++) moveNodes(new Map([['sales', { x, y: 2 * x }]]), carried);
    store.endGesture();

    expect(layoutOf('on-sales')).toEqual({ x: 350, y: 200, width: 200, height: 100 });
    expect(layoutOf('half-over-sales')).toEqual({ x: 500, y: 100, width: 200, height: 100 });
    expect(undoSteps()).toBe(1);
    useDocumentStore.getState().undo();
    expect(layoutOf('on-sales')).toEqual({ x: 300, y: 100, width: 200, height: 100 });
  });

  it('says what Lock did, and Undo names it', () => {
    toggleLock(['orders']);
    expect(useNoticeStore.getState().notice?.text).toBe('Locked 1 element');
    useDocumentStore.getState().undo();
    expect(useNoticeStore.getState().notice?.text).toBe('Undone: Locked 1 element');
    useDocumentStore.getState().redo();
    toggleLock(['orders']);
    expect(useNoticeStore.getState().notice?.text).toBe('Unlocked 1 element');
  });

  it('keeps a domain’s size when it is moved', () => {
    moveNodes(new Map([['sales', { x: 10, y: 20 }]]));
    expect(layoutOf('sales')).toEqual({ x: 10, y: 20, width: 600, height: 300 });
  });

  it('resizes a domain', () => {
    expectOneUndoableStep(() => resizeDomain('sales', { x: 0, y: 0, width: 800, height: 350 }));
    expect(layoutOf('sales')).toEqual({ x: 0, y: 0, width: 800, height: 350 });
  });

  it('never stores a domain smaller than the smallest domain size, whatever the edit asks for', () => {
    applyLayout({ support: { x: 0, y: 400, width: 0, height: 0 } });
    expect(layoutOf('support')).toEqual({ x: 0, y: 400, ...MIN_DOMAIN_SIZE });
  });

  it('nudges the selection; repeated nudges make one step', () => {
    nudgeNodes(['orders'], { x: 1, y: 0 });
    nudgeNodes(['orders'], { x: 0, y: 10 });
    expect(layoutOf('orders')).toEqual({ x: 41, y: 70 });
    expect(undoSteps()).toBe(1);
  });

  it('stops a domain nudged towards another at its border, and lets it go on sideways', () => {
    for (let step = 0; step < 15; step++) nudgeNodes(['sales'], { x: 0, y: 10 });
    expect(layoutOf('sales')).toEqual({ x: 0, y: 100, width: 600, height: 300 });
    nudgeNodes(['sales'], { x: 10, y: 0 });
    expect(layoutOf('sales')).toEqual({ x: 10, y: 100, width: 600, height: 300 });
    expect(layoutOf('support')).toEqual({ x: 0, y: 400, width: 600, height: 300 });
    for (let step = 0; step < 15; step++) nudgeNodes(['support'], { x: 0, y: -10 });
    expect(layoutOf('support')).toEqual({ x: 0, y: 400, width: 600, height: 300 });
  });

  it('carries the notes lying wholly on a nudged domain in the same undo step; a note partly over it stays', () => {
    openDocument(
      withNotesAt(twoStackedDomains('orders', 'sales'), {
        'on-sales': { text: 'Allergen labels', x: 300, y: 100, width: 200, height: 100 },
        'half-over-sales': { text: 'Workshop', x: 500, y: 100, width: 200, height: 100 },
        'selected-too': { text: 'Owners', x: 100, y: 180, width: 160, height: 80 },
      }),
    );
    nudgeNodes(['sales', 'selected-too'], { x: 10, y: 0 });
    nudgeNodes(['sales', 'selected-too'], { x: 0, y: 1 });

    expect(layoutOf('on-sales')).toEqual({ x: 310, y: 101, width: 200, height: 100 });
    expect(layoutOf('selected-too')).toEqual({ x: 110, y: 181, width: 160, height: 80 });
    expect(layoutOf('half-over-sales')).toEqual({ x: 500, y: 100, width: 200, height: 100 });
    expect(undoSteps()).toBe(1);
    useDocumentStore.getState().undo();
    expect(layoutOf('on-sales')).toEqual({ x: 300, y: 100, width: 200, height: 100 });
  });

  it('leaves a child alone when its domain is nudged with it', () => {
    nudgeNodes(['sales', 'orders'], { x: 5, y: 5 });
    expect(layoutOf('sales')).toMatchObject({ x: 5, y: 5 });
    expect(layoutOf('orders')).toEqual({ x: 40, y: 60 });
  });

  it('moves a product dropped over another domain into it, where it was dropped', () => {
    const { after } = expectOneUndoableStep(() =>
      settleDroppedNodes([{ id: 'orders', x: 100, y: 450, width: 200, height: 100 }], { x: 200, y: 500 }),
    );
    expect(after.products[0]?.domainId).toBe('support');
    expect(after.layout.nodes.orders).toEqual({ x: 100, y: 50 });
  });

  it('slides a domain dropped over another to the nearest place clear of it, its product and notes along', () => {
    openDocument(
      withNotesAt(twoStackedDomains('orders', 'sales'), {
        'on-sales': { text: 'Allergen labels', x: 300, y: 100, width: 200, height: 100 },
      }),
    );
    const store = useDocumentStore.getState();
    store.beginGesture();
    const carried = notesCarriedBy(['sales']);
    moveNodes(new Map([['sales', { x: 0, y: 300 }]]), carried);
    settleDroppedNodes([], { x: 20, y: 310 }, ['sales']);
    store.endGesture();
    // Clear of support (at y 400) by the spacing automatic moves keep: the nearer way is back up.
    expect(layoutOf('sales')).toEqual({ x: 0, y: 60, width: 600, height: 300 });
    expect(layoutOf('support')).toEqual({ x: 0, y: 400, width: 600, height: 300 });
    expect(layoutOf('orders')).toEqual({ x: 40, y: 60 });
    expect(layoutOf('on-sales')).toEqual({ x: 300, y: 160, width: 200, height: 100 });
    expect(undoSteps()).toBe(1);
  });

  it('leaves a domain dropped on free space exactly where it was dropped, however near a neighbour', () => {
    const store = useDocumentStore.getState();
    store.beginGesture();
    moveNodes(new Map([['sales', { x: 0, y: 90 }]]));
    settleDroppedNodes([], { x: 20, y: 100 }, ['sales']);
    store.endGesture();
    expect(layoutOf('sales')).toEqual({ x: 0, y: 90, width: 600, height: 300 });
  });

  it('sends a product dropped outside every domain back where the drag started, and says why', () => {
    const store = useDocumentStore.getState();
    store.beginGesture();
    moveNodes(new Map([['orders', { x: 700, y: 100 }]]));
    settleDroppedNodes([{ id: 'orders', x: 700, y: 100, width: 200, height: 100 }], { x: 800, y: 150 });
    store.endGesture();
    expect(documentNow().products[0]?.domainId).toBe('sales');
    expect(layoutOf('orders')).toEqual({ x: 40, y: 60 });
    expect(useNoticeStore.getState().notice?.text).toBe(
      "orders went back: every product and system belongs to a domain. Drop it inside a domain's box.",
    );
  });

  it('replaces why a drop went back with what the next drop that lands did', async () => {
    const store = useDocumentStore.getState();
    store.beginGesture();
    moveNodes(new Map([['orders', { x: 700, y: 100 }]]));
    settleDroppedNodes([{ id: 'orders', x: 700, y: 100, width: 200, height: 100 }], { x: 800, y: 150 });
    store.endGesture();
    // The drag that led to it is over.
    await new Promise((resolve) => setTimeout(resolve, 0));
    settleDroppedNodes([{ id: 'orders', x: 100, y: 450, width: 200, height: 100 }], { x: 200, y: 500 });
    expect(documentNow().products[0]?.domainId).toBe('support');
    expect(useNoticeStore.getState().notice?.text).toBe('Moved orders to support');
  });

  it('says a drop into another domain moved the product, with Undo for the drag', () => {
    const store = useDocumentStore.getState();
    store.beginGesture();
    moveNodes(new Map([['orders', { x: 100, y: 450 }]]));
    settleDroppedNodes([{ id: 'orders', x: 100, y: 450, width: 200, height: 100 }], { x: 200, y: 500 });
    const notice = useNoticeStore.getState().notice;
    expect(notice?.text).toBe('Moved orders to support');
    notice?.actions?.find((action) => action.label === 'Undo')?.run();
    expect(documentNow().products[0]?.domainId).toBe('sales');
    expect(layoutOf('orders')).toEqual({ x: 40, y: 60 });
  });

  it('records no step for a drag that was refused and went back: Ctrl+Z then undoes the edit before it', () => {
    nudgeNodes(['orders'], { x: 0, y: 10 });
    const nudged = documentNow();
    const store = useDocumentStore.getState();
    store.beginGesture();
    moveNodes(new Map([['orders', { x: 700, y: 100 }]]));
    settleDroppedNodes([{ id: 'orders', x: 700, y: 100, width: 200, height: 100 }], { x: 800, y: 150 });
    store.endGesture();
    expect(documentNow()).toEqual(nudged);
    expect(undoSteps()).toBe(1);
    useDocumentStore.getState().undo();
    expect(layoutOf('orders')).toEqual({ x: 40, y: 60 });
  });

  it('moves a product into another domain from the inspector, to a free place there', () => {
    const { after } = expectOneUndoableStep(() => moveToDomain(['orders'], 'support'));
    expect(after.products[0]?.domainId).toBe('support');
    expect(after.layout.nodes.orders).toEqual({ x: 32, y: 56 });
  });

  it("moves a product's contract along, naming its new domain, in the same step", () => {
    openDocument(ecommerceSample());
    const contractDomain = (mesh: Mesh) => mesh.contracts.find((contract) => contract.id === 'customer')?.domain;
    const { before, after } = expectOneUndoableStep(() => moveToDomain(['customers'], 'shipping-domain'));
    expect(contractDomain(after)).toBe('shipping');
    expect(contractDomain(before)).toBe('customers');
  });

  it('applies a computed layout as one step', () => {
    expectOneUndoableStep(() =>
      applyLayout({ sales: { x: 0, y: 0, width: 500, height: 250 }, orders: { x: 20, y: 40 } }),
    );
    expect(layoutOf('orders')).toEqual({ x: 20, y: 40 });
  });

  it('records nothing when a computed layout is the one already there', () => {
    applyLayout({ orders: { x: 40, y: 60 }, sales: { x: 0, y: 0, width: 600, height: 300 } });
    expect(undoSteps()).toBe(0);
  });
});

describe('the notice after Auto-layout', () => {
  beforeEach(() => openDocument(twoStackedDomains('orders', 'sales')));

  it('says how many elements it laid out, with Undo, in place of what the line said before', () => {
    useNoticeStore.getState().show({ tone: 'info', text: 'Undone: Edited product “orders”' });
    const before = documentNow();

    applyLayout({ orders: { x: 80, y: 60 }, support: { x: 0, y: 500, width: 600, height: 300 } });
    announceLayout(before);

    expect(useNoticeStore.getState().notice?.text).toBe('Laid out 2 elements');
    expect(useNoticeStore.getState().notice?.actions?.map((action) => action.label)).toEqual(['Undo']);
  });

  it('says it moved nothing, with no Undo that would take back an earlier edit, when all was in place', () => {
    const before = documentNow();

    announceLayout(before);

    expect(useNoticeStore.getState().notice?.text).toBe('Auto-layout moved nothing: the design is laid out already.');
    expect(useNoticeStore.getState().notice?.actions).toBeUndefined();
  });

  it('says the design is read-only, not laid out already, when Simulate refused its moves', () => {
    const before = documentNow();
    useDocumentStore.getState().setReadOnly(true);
    onTestFinished(() => useDocumentStore.getState().setReadOnly(false));

    applyLayout({ orders: { x: 80, y: 60 } });
    announceLayout(before);

    expect(documentNow()).toBe(before);
    expect(useNoticeStore.getState().notice?.text).toBe(
      'Auto-layout moved nothing: the design is read-only while simulating. Go back to Design to lay it out.',
    );
  });
});

describe('the notice after aligning and distributing', () => {
  beforeEach(() => {
    openDocument(threeProducts());
    useNoticeStore.getState().show({ tone: 'info', text: 'Laid out 31 elements' });
  });

  it('says how many top edges it aligned, with Undo, in place of what the line said before', () => {
    alignNodes(['a', 'b', 'c'], 'top');

    expect(useNoticeStore.getState().notice?.text).toBe('Aligned 3 top edges');
    useNoticeStore
      .getState()
      .notice?.actions?.find((action) => action.label === 'Undo')
      ?.run();
    expect(documentNow()).toEqual(threeProducts());
  });

  it('says how many it distributed, and which way', () => {
    distributeNodes(['a', 'b', 'c'], 'horizontal');

    expect(useNoticeStore.getState().notice?.text).toBe('Distributed 3 horizontally');
    expect(useNoticeStore.getState().notice?.actions?.map((action) => action.label)).toEqual(['Undo']);
  });

  it('says a locked node held the spacing when it left nothing to move, rather than that it was even already', () => {
    openDocument(withLockToggled(threeProducts(), ['b']));

    distributeNodes(['a', 'b', 'c'], 'horizontal');

    expect(documentNow().layout.nodes.b).toEqual({ x: 300, y: 90, locked: true });
    expect(useNoticeStore.getState().notice?.text).toBe(
      'The 3 are spaced evenly horizontally as far as the locked one allows.',
    );
  });

  it('says nothing was distributed, with no Undo, where the nodes overlap along the axis and cannot be spaced evenly', () => {
    const column = threeProducts();
    for (const [index, id] of ['a', 'b', 'c'].entries()) column.layout.nodes[id] = { x: 300, y: 20 + index * 100 };
    openDocument(column);
    rememberNodeSizes(
      new Map([
        ['a', { width: 160, height: 50 }],
        ['b', { width: 100, height: 50 }],
        ['c', { width: 220, height: 50 }],
      ]),
    );
    onTestFinished(() => rememberNodeSizes(new Map(['a', 'b', 'c'].map((id) => [id, DEFAULT_NODE_SIZE]))));

    distributeNodes(['a', 'b', 'c'], 'horizontal');

    expect(documentNow()).toEqual(column);
    expect(useNoticeStore.getState().notice?.text).toBe(
      'Nothing was distributed: the 3 overlap horizontally, so they cannot be spaced evenly.',
    );
    expect(useNoticeStore.getState().notice?.actions).toBeUndefined();
  });

  it('says there was nothing to align, with no Undo, when the edges lined up already', () => {
    alignNodes(['a', 'b', 'c'], 'top');
    alignNodes(['a', 'b', 'c'], 'top');

    expect(useNoticeStore.getState().notice?.text).toBe('The 3 top edges are aligned already.');
    expect(useNoticeStore.getState().notice?.actions).toBeUndefined();
  });
});
