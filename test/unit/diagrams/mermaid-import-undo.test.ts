// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { importMermaidText } from '../../../renderer/diagrams/import-mermaid-text';
import { useDocumentStore } from '../../../renderer/store/document-store';
import { useNoticeStore } from '../../../renderer/store/notice-store';
import { aMesh } from '../../builders/mesh-builder';
import { openDocument } from '../store/store-fixture';

const DISPATCH = [
  'flowchart LR',
  '  subgraph dispatch["Courier Dispatch"]',
  '    assignments[Courier Assignments] --> eta[Delivery ETA]',
  '  end',
  '  linkStyle 0 stroke:#d9480f',
].join('\n');

const notice = () => useNoticeStore.getState().notice;

describe('a Mermaid flowchart imported into the open design', () => {
  beforeEach(() => openDocument(aMesh().withDomain('orders', { name: 'Orders' }).build()));

  it('is named by its own words when undone and redone, its Undo offered again', () => {
    expect(importMermaidText(DISPATCH, 'add')).toBe(true);
    const imported = 'Imported 1 domain, 2 data products and 1 link from Mermaid; 1 line skipped.';
    expect(notice()?.text).toBe(imported);
    expect(notice()?.details).toEqual([expect.stringMatching(/^line 5: /)]);
    expect(notice()?.actions?.map((action) => action.label)).toEqual(['Undo']);

    useDocumentStore.getState().undo();
    expect(notice()?.text).toBe(`Undone: ${imported}`);
    useDocumentStore.getState().redo();
    expect(notice()?.text).toBe(`Redone: ${imported}`);
    expect(notice()?.actions?.map((action) => action.label)).toEqual(['Undo']);
  });
});
