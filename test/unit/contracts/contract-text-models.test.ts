// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { editContract } from '../../../renderer/contracts/contract-actions';
import { contractTextOf } from '../../../renderer/contracts/contract-drafts';
import {
  APPLY_DELAY_MS,
  APPLY_WHILE_TYPING_MS,
  type ContractTextModels,
  createContractTextModels,
} from '../../../renderer/contracts/monaco/contract-text-models';
import type { MonacoApi } from '../../../renderer/contracts/monaco/load-monaco';
import { applyPendingContractEdits } from '../../../renderer/contracts/pending-contract-edits';
import { aMesh } from '../../builders/mesh-builder';
import { openDocument, undoSteps } from '../store/store-fixture';

const ID = 'orders-v1';

let monaco: MonacoApi;
let textModels: ContractTextModels;

/** Types a new version number into the contract's text model, as the YAML editor does. */
function typeNewVersion(): string {
  const model = textModels.open(ID);
  if (!model) throw new Error(`no text model for '${ID}'`);
  const typed = model.getValue().replace(/^version: .*$/m, 'version: 1.0.1');
  model.pushEditOperations([], [{ range: model.getFullModelRange(), text: typed }], () => null);
  return typed;
}

describe('the YAML editor’s text models', () => {
  beforeAll(async () => {
    monaco = await import('monaco-editor/editor/editor.api');
  });

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    openDocument(aMesh().withDomain('sales').withProduct('orders', 'sales').withContract(ID).build());
    textModels = createContractTextModels(monaco);
  });

  afterEach(() => {
    textModels.dispose();
    vi.useRealTimers();
  });

  it('applies typing to the design after a pause, as one undo step', () => {
    const typed = typeNewVersion();
    expect(contractTextOf(ID)).not.toBe(typed);
    vi.advanceTimersByTime(APPLY_DELAY_MS);
    expect(contractTextOf(ID)).toBe(typed);
    expect(undoSteps()).toBe(1);
  });

  it('applies typing that goes on without a pause at least every few seconds, so a crash never loses more', () => {
    const model = textModels.open(ID);
    if (!model) throw new Error(`no text model for '${ID}'`);
    const keyIntervalMs = APPLY_DELAY_MS - 100;
    const typeKey = () => {
      const end = model.getFullModelRange().getEndPosition();
      const at = {
        startLineNumber: end.lineNumber,
        startColumn: end.column,
        endLineNumber: end.lineNumber,
        endColumn: end.column,
      };
      model.pushEditOperations([], [{ range: at, text: '#' }], () => null);
      vi.advanceTimersByTime(keyIntervalMs);
    };

    for (let elapsed = 0; elapsed < APPLY_WHILE_TYPING_MS; elapsed += keyIntervalMs) typeKey();
    const appliedWhileTyping = contractTextOf(ID) ?? '';
    for (let elapsed = 0; elapsed < APPLY_WHILE_TYPING_MS; elapsed += keyIntervalMs) typeKey();

    expect(appliedWhileTyping).toMatch(/#{3,}$/);
    expect(contractTextOf(ID)).not.toBe(appliedWhileTyping);
    expect(contractTextOf(ID)?.length).toBeGreaterThan(appliedWhileTyping.length);
  });

  it('applies typing still waiting for its pause when asked, as one undo step, and the pause adds none', () => {
    const typed = typeNewVersion();
    applyPendingContractEdits();
    expect(contractTextOf(ID)).toBe(typed);
    vi.advanceTimersByTime(APPLY_DELAY_MS);
    applyPendingContractEdits();
    expect(undoSteps()).toBe(1);
  });

  it('applies nothing, and adds no undo step, when nothing waits', () => {
    textModels.open(ID);
    applyPendingContractEdits();
    expect(undoSteps()).toBe(0);
  });

  it('applies typing still waiting for its pause when its model closes (its tab closed, its view left)', () => {
    const typed = typeNewVersion();
    textModels.close(ID);
    expect(contractTextOf(ID)).toBe(typed);
    expect(undoSteps()).toBe(1);
  });

  it('takes back a form edit made key by key with one undo of its own, and only that edit', () => {
    const model = textModels.open(ID);
    if (!model) throw new Error(`no text model for '${ID}'`);
    const typed = typeNewVersion();
    vi.advanceTimersByTime(APPLY_DELAY_MS);
    const fieldTyping = { coalesceKey: `contract:${ID}:description.purpose` };
    for (const purpose of ['N', 'Ne', 'New'])
      editContract(ID, [{ op: 'set', path: ['description', 'purpose'], value: purpose }], fieldTyping);
    const afterForm = contractTextOf(ID);
    expect(afterForm).toContain('purpose: "New"');

    model.undo();
    expect(model.getValue()).toBe(typed);
    model.redo();
    expect(model.getValue()).toBe(afterForm);
  });

  it('keeps what is typed after a form edit out of that edit’s undo', () => {
    const model = textModels.open(ID);
    if (!model) throw new Error(`no text model for '${ID}'`);
    editContract(ID, [{ op: 'set', path: ['description', 'purpose'], value: 'New' }]);
    const afterForm = model.getValue();
    typeNewVersion();

    model.undo();
    expect(model.getValue()).toBe(afterForm);
  });

  it('leaves Undo to the design once typing reached it, applying the typing first', () => {
    typeNewVersion();
    expect(textModels.undoesOwnTyping(ID)).toBe(false);
    expect(undoSteps()).toBe(1);
  });

  it('keeps Undo its own for typing the design never held, and for the step that typing made once repaired', () => {
    const model = textModels.open(ID);
    if (!model) throw new Error(`no text model for '${ID}'`);
    const valid = model.getValue();
    const replaceText = (text: string) =>
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
    replaceText(`${valid}\nschema: [`);
    expect(textModels.undoesOwnTyping(ID)).toBe(true);
    replaceText(valid.replace(/^version: .*$/m, 'version: 1.0.1'));
    expect(textModels.undoesOwnTyping(ID)).toBe(true);
    expect(undoSteps()).toBe(1);
    replaceText(model.getValue().replace(/^version: .*$/m, 'version: 1.0.2'));
    expect(textModels.undoesOwnTyping(ID)).toBe(false);
  });

  it('applies typing still waiting for its pause when all models go with the editor', () => {
    const typed = typeNewVersion();
    textModels.dispose();
    expect(contractTextOf(ID)).toBe(typed);
  });
});
