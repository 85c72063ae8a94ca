// @vitest-environment jsdom
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runAsMenuItem } from '../../../renderer/commands/use-commands';
import { editContract } from '../../../renderer/contracts/contract-actions';
import { contractTextOf } from '../../../renderer/contracts/contract-drafts';
import {
  type ContractTextModels,
  createContractTextModels,
} from '../../../renderer/contracts/monaco/contract-text-models';
import { contractIdOfUri } from '../../../renderer/contracts/monaco/contract-uri';
import type { MonacoApi } from '../../../renderer/contracts/monaco/load-monaco';
import { undoesTypingLeftInModel, undoStepsDesignHistory } from '../../../renderer/editing/editor-undo-history';
import { changeMesh, currentMesh, useDocumentStore } from '../../../renderer/store/document-store';
import { aMesh } from '../../builders/mesh-builder';
import { FakeHost } from '../app/fake-host';
import { openDocument } from '../store/store-fixture';

// jsdom has neither CSS.escape (these class names need no escaping) nor matchMedia, which Monaco's editor calls.
globalThis.CSS ??= { escape: (value: string) => value } as typeof CSS;
window.matchMedia ??= (query: string) =>
  ({ matches: false, media: query, addEventListener() {}, removeEventListener() {} }) as unknown as MediaQueryList;

const ID = 'orders-v1';

let monaco: MonacoApi;
let textModels: ContractTextModels;
let disposables: Monaco.IDisposable[];
let host: FakeHost;

/** A code editor on the page holding the focus, as the user left it before choosing from the Edit menu. */
function focusedEditor(model: Monaco.editor.ITextModel | null): Monaco.editor.IStandaloneCodeEditor {
  const container = document.createElement('div');
  document.body.append(container);
  const editor = monaco.editor.create(container, { model });
  disposables.push(editor);
  container.querySelector('textarea')?.focus();
  return editor;
}

/** The contract's YAML editor, with the focus in it. */
function focusedContractEditor(): Monaco.editor.IStandaloneCodeEditor {
  const editor = focusedEditor(textModels.open(ID) ?? null);
  disposables.push(
    undoStepsDesignHistory(editor, (_edit, model) => {
      const id = contractIdOfUri(model.uri);
      return id === undefined || textModels.undoesOwnTyping(id);
    }),
  );
  return editor;
}

describe('Undo and Redo from the Edit menu in a code editor', () => {
  beforeAll(async () => {
    monaco = await import('monaco-editor/editor/editor.api');
  });

  beforeEach(() => {
    openDocument(aMesh().withDomain('sales').withProduct('orders', 'sales').withContract(ID).build());
    textModels = createContractTextModels(monaco);
    disposables = [];
    host = new FakeHost();
  });

  afterEach(() => {
    for (const disposable of disposables) disposable.dispose();
    textModels.dispose();
    document.body.replaceChildren();
  });

  it('step through the design’s history in the contract editor, as its keys do, so a Form edit undone there can be redone', () => {
    editContract(ID, [{ op: 'set', path: ['description', 'purpose'], value: 'New' }]);
    const afterForm = contractTextOf(ID);
    useDocumentStore.getState().undo();
    const beforeForm = contractTextOf(ID);
    focusedContractEditor();

    runAsMenuItem('edit.redo', host);
    expect(contractTextOf(ID)).toBe(afterForm);

    runAsMenuItem('edit.undo', host);
    expect(contractTextOf(ID)).toBe(beforeForm);
    expect(useDocumentStore.getState().future).toHaveLength(1);
    expect(host.textEdits).toEqual([]);
  });

  it('take the same steps as the editor’s keys', () => {
    const beforeForm = contractTextOf(ID);
    editContract(ID, [{ op: 'set', path: ['description', 'purpose'], value: 'New' }]);
    const afterForm = contractTextOf(ID);
    focusedContractEditor();
    const press = (key: string) =>
      document.activeElement?.dispatchEvent(
        new KeyboardEvent('keydown', { key, code: `Key${key.toUpperCase()}`, ctrlKey: true, bubbles: true }),
      );

    press('z');
    expect(contractTextOf(ID)).toBe(beforeForm);
    runAsMenuItem('edit.redo', host);
    expect(contractTextOf(ID)).toBe(afterForm);
    runAsMenuItem('edit.undo', host);
    expect(contractTextOf(ID)).toBe(beforeForm);
    press('y');
    expect(contractTextOf(ID)).toBe(afterForm);
    expect(host.textEdits).toEqual([]);
  });

  it('leave typing the design never held to the contract editor’s own undo', () => {
    const editor = focusedContractEditor();
    const model = editor.getModel();
    if (!model) throw new Error(`no text model for '${ID}'`);
    model.pushEditOperations(
      [],
      [{ range: model.getFullModelRange(), text: `${model.getValue()}\nschema: [` }],
      () => null,
    );

    runAsMenuItem('edit.undo', host);
    expect(host.textEdits).toEqual(['undo']);
  });

  it('step through the design’s history in an editor whose typing waits for Apply (a scenario) once it has none left to take back', () => {
    const scenarios = currentMesh()?.scenarios.length;
    changeMesh((mesh) => ({ ...mesh, name: 'Renamed' }));
    const text = monaco.editor.createModel('{}', 'json');
    disposables.push(text);
    const editor = focusedEditor(text);
    disposables.push(undoStepsDesignHistory(editor, undoesTypingLeftInModel));
    text.pushEditOperations([], [{ range: text.getFullModelRange(), text: '{ "seed": 1 }' }], () => null);

    runAsMenuItem('edit.undo', host);
    expect(host.textEdits).toEqual(['undo']);
    text.undo();
    runAsMenuItem('edit.undo', host);
    expect(currentMesh()?.name).not.toBe('Renamed');
    runAsMenuItem('edit.redo', host);
    expect(host.textEdits).toEqual(['undo', 'redo']);
    text.redo();
    text.setValue('{}');
    runAsMenuItem('edit.redo', host);
    expect(currentMesh()?.name).toBe('Renamed');
    expect(currentMesh()?.scenarios).toHaveLength(scenarios ?? 0);
  });

  it('stay the editor’s own in a code editor that edits no design (the SQL console)', () => {
    const query = monaco.editor.createModel('SELECT 1', 'sql');
    disposables.push(query);
    focusedEditor(query);

    runAsMenuItem('edit.undo', host);
    runAsMenuItem('edit.redo', host);
    expect(host.textEdits).toEqual(['undo', 'redo']);
  });
});
