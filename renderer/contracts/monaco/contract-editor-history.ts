import type * as Monaco from 'monaco-editor/editor/editor.api';
import type { CommandId } from '../../../shared/commands/command-table';
import { commandForKeyPress, type TextEdit, textEditOf } from '../../commands/command-routing';
import { registerOwnTextEdits } from '../../commands/own-text-edits';
import { PLATFORM } from '../../commands/platform';
import { useDocumentStore } from '../../store/document-store';
import type { ContractTextModels } from './contract-text-models';
import { contractIdOfUri } from './contract-uri';

/**
 * Undo and Redo in a contract's YAML editor, from its keys, the Edit menu or the command palette,
 * step through the design's history, as the toolbar's buttons do: one history, whose redo survives
 * any mix of the two. The editor's own undo would put older text back as a new edit of the design,
 * which empties the design's redo.
 * What was typed is applied first, so it is the step Undo takes back; typing the design never
 * held (a draft with problems) is the editor's own to take back.
 */
export function undoStepsDesignHistory(
  editor: Monaco.editor.IStandaloneCodeEditor,
  textModels: ContractTextModels,
): Monaco.IDisposable {
  /** Steps the design's history for Undo or Redo; false leaves the edit to the editor. */
  const stepsDesignHistory = (edit: TextEdit): boolean => {
    if (edit !== 'undo' && edit !== 'redo') return false;
    const uri = editor.getModel()?.uri;
    const id = uri && contractIdOfUri(uri);
    if (id === undefined || textModels.undoesOwnTyping(id)) return false;
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
