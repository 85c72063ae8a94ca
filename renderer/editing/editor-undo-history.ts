import type * as Monaco from 'monaco-editor/editor/editor.api';
import type { CommandId } from '../../shared/commands/command-table';
import { commandForKeyPress, type TextEdit, textEditOf } from '../commands/command-routing';
import { registerOwnTextEdits } from '../commands/own-text-edits';
import { PLATFORM } from '../commands/platform';
import { useDocumentStore } from '../store/document-store';

/** An editor's own Undo or Redo. */
export type HistoryEdit = Extract<TextEdit, 'undo' | 'redo'>;

/** Whether the editor's own history takes `edit` on `model` (typing of its own), rather than the design's. */
export type UndoesOwnTyping = (edit: HistoryEdit, model: Monaco.editor.ITextModel) => boolean;

/**
 * Undo and Redo in a code editor that edits the design (a contract's YAML, a scenario), from its
 * keys, the Edit menu or the command palette, step through the design's history, as the toolbar's
 * buttons do, wherever the editor has no typing of its own to take back: one history, whose redo
 * survives any mix of the two.
 */
export function undoStepsDesignHistory(
  editor: Monaco.editor.IStandaloneCodeEditor,
  undoesOwnTyping: UndoesOwnTyping,
): Monaco.IDisposable {
  /** Steps the design's history for Undo or Redo; false leaves the edit to the editor. */
  const stepsDesignHistory = (edit: TextEdit): boolean => {
    if (edit !== 'undo' && edit !== 'redo') return false;
    const model = editor.getModel();
    if (!model || undoesOwnTyping(edit, model)) return false;
    const history = useDocumentStore.getState();
    if (edit === 'undo') history.undo();
    else history.redo();
    return true;
  };
  const keys = editor.onKeyDown((event) => {
    const command = commandForKeyPress(event.browserEvent, PLATFORM);
    const edit = command && textEditOf(command.id as CommandId);
    if (!edit || !stepsDesignHistory(edit)) return;
    event.preventDefault();
    event.stopPropagation();
  });
  const unregisterMenus = registerOwnTextEdits(editor.getContainerDomNode(), stepsDesignHistory);
  return {
    dispose() {
      keys.dispose();
      unregisterMenus();
    },
  };
}

/** Typing is the editor's own until applied (a scenario): its history goes first while it has a step to take. */
export const undoesTypingLeftInModel: UndoesOwnTyping = (edit, model) =>
  edit === 'undo' ? model.canUndo() : model.canRedo();
