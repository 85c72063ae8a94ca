import type * as Monaco from 'monaco-editor/editor/editor.api';
import { checkContractYaml, type LocatedFinding } from '../../../shared/contracts';
import { isWholeDocument } from '../../../shared/model/problem';
import { selectUndoStep, useDocumentStore } from '../../store/document-store';
import { applyContractText } from '../contract-actions';
import { contractTextOf, useContractDrafts } from '../contract-drafts';
import { designClassificationLevels } from '../design-classification-levels';
import { registerPendingContractEdits } from '../pending-contract-edits';
import { changedRange } from './changed-range';
import { contractUri } from './contract-uri';
import type { MonacoApi } from './load-monaco';
import { monacoRange } from './monaco-range';

/** A pause in typing this long applies the text to the document: one undo step per pause. */
export const APPLY_DELAY_MS = 400;
/**
 * Typing that goes on without such a pause is applied at least this often all the same: until it
 * is, it is in no autosaved copy (a crash would lose it) and the window shows no unsaved change.
 */
export const APPLY_WHILE_TYPING_MS = 2000;
const MARKER_OWNER = 'odcs';

interface ContractTextModel {
  model: Monaco.editor.ITextModel;
  /** The text the stores last held for this contract, to tell their changes from our own typing. */
  lastStoreText: string | undefined;
  isReplacingText: boolean;
  /** The document's undo step the stores' last text came in, while nothing was typed since (see rewrite). */
  rewrittenStep: ReturnType<typeof selectUndoStep> | undefined;
  /** The document's undo step typing made when it turned a draft with problems into valid text. */
  draftRepairStep: ReturnType<typeof selectUndoStep> | undefined;
  /** Set while typing waits for its pause to be applied. */
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Set from the first key typed since the text was last applied: applies it even if no pause comes. */
  deadline: ReturnType<typeof setTimeout> | undefined;
  dispose(): void;
}

/**
 * Keeps one Monaco text model per open contract in step with its text in the stores (the
 * draft, or the document's), both ways: a pause in typing applies the text through the one
 * validated entry (invalid text becomes the draft); any other change of the stored text
 * (the form, undo, an import) replaces the editor's, as an edit its own undo can revert.
 * Typing is never dropped: closing a model, or `applyPending` (the editor lost the focus, a
 * command runs), applies it before its pause ends.
 */
const hasDraft = (id: string) => id in useContractDrafts.getState().textById;

export function createContractTextModels(monaco: MonacoApi) {
  const models = new Map<string, ContractTextModel>();

  const markerSeverities = {
    error: monaco.MarkerSeverity.Error,
    warning: monaco.MarkerSeverity.Warning,
    info: monaco.MarkerSeverity.Info,
  };
  const severityOf = (finding: LocatedFinding) => markerSeverities[finding.severity];

  function mark(id: string, entry: ContractTextModel): void {
    monaco.editor.setModelMarkers(
      entry.model,
      MARKER_OWNER,
      checkContractYaml(entry.model.getValue(), id, designClassificationLevels()).map((finding) => ({
        severity: severityOf(finding),
        message: isWholeDocument(finding.path) ? finding.message : `${finding.message} (${finding.path})`,
        ...(finding.ruleId && { code: finding.ruleId }),
        ...monacoRange(finding),
      })),
    );
  }

  function apply(id: string, entry: ContractTextModel): void {
    const wasDraft = hasDraft(id);
    applyContractText(id, entry.model.getValue());
    if (wasDraft && !hasDraft(id)) entry.draftRepairStep = selectUndoStep(useDocumentStore.getState());
    mark(id, entry);
  }

  /**
   * Whether Undo in the editor takes back its own typing rather than a step of the design: text
   * never in the design (a draft with problems), or the step that typing over such a draft made,
   * whose undo in the design would take back the draft's typing with it.
   */
  function undoesOwnTyping(id: string): boolean {
    const entry = models.get(id);
    if (!entry) return false;
    applyPending(id, entry);
    return hasDraft(id) || entry.draftRepairStep === selectUndoStep(useDocumentStore.getState());
  }

  /** Applies the typing waiting for its pause now; nothing (no empty undo step) when none waits. */
  function applyPending(id: string, entry: ContractTextModel): void {
    if (entry.timer === undefined) return;
    cancelPending(entry);
    apply(id, entry);
  }

  function cancelPending(entry: ContractTextModel): void {
    clearTimeout(entry.timer);
    clearTimeout(entry.deadline);
    entry.timer = undefined;
    entry.deadline = undefined;
  }

  function applyAllPending(): void {
    for (const [id, entry] of models) applyPending(id, entry);
  }

  /**
   * Puts the stores' text in the editor as one step of its own undo per step of the document's:
   * the form's keystrokes in one field join the edit of the first, and neither what was typed
   * before nor what is typed after joins them.
   */
  function rewrite(id: string, entry: ContractTextModel, text: string): void {
    if (entry.model.getValue() === text) return;
    const step = selectUndoStep(useDocumentStore.getState());
    if (step === entry.rewrittenStep) entry.model.popStackElement();
    else entry.model.pushStackElement();
    entry.isReplacingText = true;
    entry.model.pushEditOperations([], [changedRange(entry.model, text)], () => null);
    entry.isReplacingText = false;
    entry.model.pushStackElement();
    entry.rewrittenStep = step;
    mark(id, entry);
  }

  function open(id: string): Monaco.editor.ITextModel | undefined {
    const existing = models.get(id);
    if (existing) return existing.model;
    const text = contractTextOf(id);
    if (text === undefined) return undefined;
    const model = monaco.editor.createModel(text, 'yaml', contractUri(monaco, id));
    const entry: ContractTextModel = {
      model,
      lastStoreText: text,
      isReplacingText: false,
      rewrittenStep: undefined,
      draftRepairStep: undefined,
      timer: undefined,
      deadline: undefined,
      dispose: () => {
        applyPending(id, entry);
        changes.dispose();
        model.dispose();
      },
    };
    const changes = model.onDidChangeContent(() => {
      if (entry.isReplacingText) return;
      entry.rewrittenStep = undefined;
      clearTimeout(entry.timer);
      entry.timer = setTimeout(() => applyPending(id, entry), APPLY_DELAY_MS);
      entry.deadline ??= setTimeout(() => applyPending(id, entry), APPLY_WHILE_TYPING_MS);
    });
    models.set(id, entry);
    mark(id, entry);
    return model;
  }

  function close(id: string): void {
    models.get(id)?.dispose();
    models.delete(id);
  }

  function follow(): void {
    for (const [id, entry] of models) {
      const text = contractTextOf(id);
      if (text === undefined || text === entry.lastStoreText) continue;
      entry.lastStoreText = text;
      if (text === entry.model.getValue()) continue;
      cancelPending(entry);
      rewrite(id, entry, text);
    }
  }

  const unsubscribeDocument = useDocumentStore.subscribe((state, previous) => {
    if (state.mesh !== previous.mesh) follow();
  });
  const unsubscribeDrafts = useContractDrafts.subscribe(follow);
  const unregisterPending = registerPendingContractEdits(applyAllPending);

  return {
    open,
    close,
    /** The text being typed, applied now rather than after its pause (the editor lost the focus). */
    applyPending: applyAllPending,
    undoesOwnTyping,
    dispose() {
      unregisterPending();
      unsubscribeDocument();
      unsubscribeDrafts();
      for (const id of [...models.keys()]) close(id);
    },
  };
}

export type ContractTextModels = ReturnType<typeof createContractTextModels>;
