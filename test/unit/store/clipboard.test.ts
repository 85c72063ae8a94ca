import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import {
  type ClipboardReader,
  copySelection,
  cutSelection,
  duplicateSelection,
  type OtherTextImport,
  pasteClipboard,
  pasteClipboardText,
  setSystemClipboard,
} from '../../../renderer/store/clipboard';
import { deleteSelection } from '../../../renderer/store/delete-elements';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { rememberNodeSizes } from '../../../renderer/store/node-sizes';
import { useNoticeStore } from '../../../renderer/store/notice-store';
import { selectOnly, useSelectionStore } from '../../../renderer/store/selection-store';
import { overlaps } from '../../../shared/editing/geometry';
import type { PastePlacement } from '../../../shared/editing/mesh-fragment';
import { DEFAULT_NODE_SIZE } from '../../../shared/editing/node-placement';
import { emptyMesh } from '../../../shared/model';
import { salesPipeline as pipeline } from '../editing/editing-fixtures';
import { documentNow, openDocument, undoSteps } from './store-fixture';

/** The operating system's clipboard, shared by every window: here, a variable. */
function fakeClipboard() {
  const clipboard = {
    text: '',
    writeText: async (text: string) => {
      clipboard.text = text;
    },
  };
  return clipboard;
}

/** A host whose reading of the clipboard is refused with `error`. */
const refusingReader = (kind: ClipboardReader['kind'], error: Error): ClipboardReader => ({
  kind,
  readClipboardText: () => Promise.reject(error),
});

const pointInAnalytics = { at: { x: 860, y: 260 } };
const importsNothing: OtherTextImport = () => false;

describe('clipboard commands', () => {
  let system: ReturnType<typeof fakeClipboard>;
  /** Paste from a menu, the browser's host reading the system clipboard. */
  const paste = (placement: PastePlacement, importOther = importsNothing) =>
    pasteClipboard(placement, { kind: 'browser', readClipboardText: async () => system.text }, importOther);
  beforeEach(() => {
    openDocument(pipeline());
    system = fakeClipboard();
    setSystemClipboard(system);
  });

  it('copies the selection to the system clipboard as JSON text', async () => {
    selectOnly(['orders']);
    await copySelection();
    expect(JSON.parse(system.text)).toMatchObject({
      format: 'data-mesh-designer/elements',
      products: [{ id: 'orders' }],
    });
  });

  it('says what it copied, counted: a domain with what it holds, or the products and systems', async () => {
    selectOnly(['sales']);
    await copySelection();
    expect(useNoticeStore.getState().notice?.text).toBe('Copied 1 domain with 1 product and 1 system');
    selectOnly(['orders', 'revenue']);
    await copySelection();
    expect(useNoticeStore.getState().notice?.text).toBe('Copied 2 products');
  });

  it('says there is nothing to copy when nothing is selected, and copies nothing', async () => {
    useSelectionStore.getState().clear();
    await copySelection();
    expect(useNoticeStore.getState().notice?.text).toBe('Nothing selected to copy');
    expect(system.text).toBe('');
  });

  it('pastes at the pointer, as one undoable step, and selects the copy', async () => {
    selectOnly(['orders']);
    await copySelection();
    await paste(pointInAnalytics);
    expect(undoSteps()).toBe(1);
    expect([...useSelectionStore.getState().nodeIds]).toEqual(['analytics-orders']);
    expect(documentNow().products.find((product) => product.id === 'analytics-orders')?.domainId).toBe('analytics');
  });

  it('writes whole pixels where it pastes and where the domain grows, however zoomed the pointer was', async () => {
    const measuredAtZoom = { width: 280.04, height: 150.22 };
    const sizes = (size: typeof measuredAtZoom) =>
      new Map([
        ['orders', size],
        ['analytics-orders', size],
      ]);
    rememberNodeSizes(sizes(measuredAtZoom));
    onTestFinished(() => rememberNodeSizes(sizes(DEFAULT_NODE_SIZE)));
    selectOnly(['orders']);
    await copySelection();
    await paste({ at: { x: 1190.37, y: 414.45 } });
    const numbers = Object.values(documentNow().layout.nodes).flatMap(({ x, y, width, height }) => [
      x,
      y,
      width,
      height,
    ]);
    expect(numbers.filter((value) => value !== undefined && !Number.isInteger(value))).toEqual([]);
  });

  it('pastes what another window copied: the text on the system clipboard', async () => {
    selectOnly(['orders']);
    await copySelection();
    openDocument(emptyMesh('other', 'Other'));
    setSystemClipboard(system);
    await paste(pointInAnalytics);
    expect(documentNow().products.map((product) => product.name)).toEqual(['Orders']);
  });

  it('never stacks a second paste on the first', async () => {
    selectOnly(['orders']);
    await copySelection();
    await paste(pointInAnalytics);
    await paste(pointInAnalytics);
    const box = (id: string) => ({ width: 280, height: 150, ...(documentNow().layout.nodes[id] ?? { x: 0, y: 0 }) });
    expect(overlaps(box('analytics-orders'), box('analytics-orders-2'))).toBe(false);
  });

  it('pastes nothing from text that is not copied elements, and says so', async () => {
    system.text = 'meeting notes';
    await paste(pointInAnalytics);
    expect(undoSteps()).toBe(0);
    expect(useNoticeStore.getState().notice?.text).toContain('Nothing to paste');
  });

  it('takes back an earlier paste\'s "Nothing to paste" once a later paste is taken by the importer', async () => {
    system.text = 'hello aquarium 🐙';
    await paste(pointInAnalytics);
    expect(useNoticeStore.getState().notice?.text).toContain('Nothing to paste');
    system.text = 'create table shark_feedings (id int primary key);';
    await paste(pointInAnalytics, () => true);
    expect(useNoticeStore.getState().notice).toBeNull();
  });

  it('gives text that is not copied elements to the importer, which says what it did', async () => {
    system.text = 'flowchart LR\n  A --> B';
    useNoticeStore.getState().dismiss();
    const taken: string[] = [];
    await paste(pointInAnalytics, (text) => taken.push(text) > 0);
    expect(taken).toEqual(['flowchart LR\n  A --> B']);
    expect(undoSteps()).toBe(0);
    expect(useNoticeStore.getState().notice).toBeNull();
  });

  it('pastes nothing from broken copied elements, listing each located problem', async () => {
    system.text = JSON.stringify({ format: 'data-mesh-designer/elements', version: 1, domains: 'x' });
    await paste(pointInAnalytics);
    expect(undoSteps()).toBe(0);
    expect(useNoticeStore.getState().notice?.details?.some((line) => line.startsWith('domains:'))).toBe(true);
  });

  it('falls back to this window’s copy when the system clipboard cannot be read', async () => {
    setSystemClipboard({ writeText: () => Promise.reject(new Error('denied')) });
    selectOnly(['orders']);
    await copySelection();
    await pasteClipboard(pointInAnalytics, refusingReader('browser', new Error('denied')), importsNothing);
    expect(documentNow().products).toHaveLength(3);
  });

  it('says in the browser that the app was not allowed to read the clipboard, and how to allow it', async () => {
    const refusal = new DOMException('Read permission denied.', 'NotAllowedError');
    await pasteClipboard(pointInAnalytics, refusingReader('browser', refusal), importsNothing);
    expect(undoSteps()).toBe(0);
    const notice = useNoticeStore.getState().notice;
    expect(notice?.text).toBe(
      'Nothing was pasted: the app was not allowed to read the clipboard. Allow this page clipboard access in the browser’s site settings, then paste again.',
    );
    expect(notice?.details).toEqual(['NotAllowedError: Read permission denied.']);
  });

  it('says in the desktop app why the clipboard could not be read, without a browser’s site settings', async () => {
    const refusal = new Error(
      'Refusing to paste: the clipboard holds 70.0 MiB of text, over the 64 MiB a design may have.',
    );
    await pasteClipboard(pointInAnalytics, refusingReader('desktop', refusal), importsNothing);
    expect(undoSteps()).toBe(0);
    const notice = useNoticeStore.getState().notice;
    expect(notice?.text).toBe('Nothing was pasted: the clipboard could not be read.');
    expect(notice?.details).toEqual([refusal.message]);
  });

  it('pastes the text a paste event brought, without reading the clipboard (no permission needed)', async () => {
    selectOnly(['orders']);
    await copySelection();
    openDocument(emptyMesh('other', 'Other'));
    pasteClipboardText(pointInAnalytics, system.text, importsNothing);
    expect(documentNow().products.map((product) => product.name)).toEqual(['Orders']);
    expect(undoSteps()).toBe(1);
  });

  it('pastes this window’s copy when a paste event brought no text', async () => {
    selectOnly(['orders']);
    await copySelection();
    pasteClipboardText(pointInAnalytics, '', importsNothing);
    expect(documentNow().products).toHaveLength(3);
  });

  it('cuts the selection and its links as one undo step, saying what was cut, with Undo', async () => {
    const before = documentNow();
    selectOnly(['orders']);
    await cutSelection();
    expect(documentNow().products.map((product) => product.id)).toEqual(['revenue']);
    expect(documentNow().links).toEqual([]);
    expect(JSON.parse(system.text).products[0].id).toBe('orders');
    const notice = useNoticeStore.getState().notice;
    expect(notice?.text).toBe('Cut Orders, 2 links and its contract orders-contract');
    notice?.actions?.find((action) => action.label === 'Undo')?.run();
    expect(documentNow()).toBe(before);
  });

  it('refuses a cut while simulating as Delete is, leaving the clipboard as it was: a later paste makes copies', async () => {
    selectOnly(['revenue']);
    await copySelection();
    const copied = system.text;
    const opened = documentNow();
    const { refusedEdits } = useDocumentStore.getState();
    selectOnly(['orders']);
    useDocumentStore.getState().setReadOnly(true);
    await cutSelection();
    useDocumentStore.getState().setReadOnly(false);

    expect(documentNow()).toBe(opened);
    expect(useDocumentStore.getState().refusedEdits).toBe(refusedEdits + 1);
    expect(system.text).toBe(copied);
    await paste(pointInAnalytics);
    expect(documentNow().products.map((product) => product.name)).toEqual(['Orders', 'Revenue', 'Revenue 2']);
  });

  it('pastes a cut back into its design as it was, with its links to the rest; a second paste makes copies', async () => {
    const before = documentNow();
    selectOnly(['orders']);
    await cutSelection();
    await paste({ at: { x: 500, y: 150 } });
    expect(documentNow().products.map(({ id, name }) => `${id} ${name}`)).toEqual(['revenue Revenue', 'orders Orders']);
    expect(documentNow().contracts.map((contract) => contract.id)).toEqual(['orders-contract']);
    expect(documentNow().links).toEqual(expect.arrayContaining(before.links));
    expect(documentNow().links).toHaveLength(2);

    await paste({ at: { x: 500, y: 150 } });
    expect(documentNow().products.map((product) => product.name)).toEqual(['Revenue', 'Orders', 'Orders 2']);
    expect(documentNow().links).toHaveLength(2);
  });

  it('puts a cut back with its links again when its first paste was undone', async () => {
    const before = documentNow();
    selectOnly(['orders']);
    await cutSelection();
    await paste({ at: { x: 500, y: 150 } });
    useDocumentStore.getState().undo();

    await paste({ at: { x: 500, y: 150 } });
    expect(documentNow().products.map((product) => product.id)).toEqual(['revenue', 'orders']);
    expect(documentNow().links).toEqual(expect.arrayContaining(before.links));
    expect(documentNow().links).toHaveLength(2);
  });

  it('relinks a pasted cut only to what is still in the design', async () => {
    selectOnly(['orders']);
    await cutSelection();
    selectOnly(['revenue']);
    deleteSelection();
    await paste({ at: { x: 500, y: 150 } });
    expect(documentNow().links.map((link) => link.id)).toEqual(['shop-to-orders']);
  });

  it('pastes a cut as a copy once the cut is undone', async () => {
    selectOnly(['orders']);
    await cutSelection();
    useDocumentStore.getState().undo();
    await paste(pointInAnalytics);
    expect(documentNow().products.map((product) => product.id)).toEqual(['orders', 'revenue', 'analytics-orders']);
    expect(documentNow().links.map((link) => link.id)).toEqual(['shop-to-orders', 'orders-to-revenue']);
  });

  it('cuts: removes the selection, and pastes it back', async () => {
    selectOnly(['revenue']);
    await cutSelection();
    expect(documentNow().products.map((product) => product.id)).toEqual(['orders']);
    await paste(pointInAnalytics);
    expect(documentNow().products.map((product) => product.id)).toEqual(['orders', 'revenue']);
  });

  it("replaces the cut's notice with what the paste put back, its Undo taking back the paste", async () => {
    selectOnly(['orders']);
    duplicateSelection();
    await cutSelection();
    expect(useNoticeStore.getState().notice?.text).toMatch(/^Cut Orders 2 and its contract/);

    await paste(pointInAnalytics);
    const notice = useNoticeStore.getState().notice;
    expect(notice?.text).toMatch(/^Pasted Orders 2 and its contract/);
    notice?.actions?.find((action) => action.label === 'Undo')?.run();

    expect(documentNow().products.map((product) => product.name)).toEqual(['Orders', 'Revenue']);
  });

  it('duplicates the selection beside it without touching the clipboard', async () => {
    selectOnly(['shop', 'orders']);
    duplicateSelection();
    expect(documentNow().links.map((link) => link.id)).toContain('sales-shop-2-to-sales-orders-2');
    expect(system.text).toBe('');
    useDocumentStore.getState().undo();
    expect(documentNow().products).toHaveLength(2);
  });

  it("replaces a deletion's notice with what the duplicate added, its Undo taking back the duplicate", () => {
    selectOnly(['revenue']);
    deleteSelection();
    expect(useNoticeStore.getState().notice?.text).toMatch(/^Deleted Revenue/);

    selectOnly(['orders']);
    duplicateSelection();
    const notice = useNoticeStore.getState().notice;
    expect(notice?.text).toMatch(/^Duplicated Orders 2 and its contract/);
    notice?.actions?.find((action) => action.label === 'Undo')?.run();

    expect(documentNow().products.map((product) => product.name)).toEqual(['Orders']);
  });
});
