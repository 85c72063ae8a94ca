import type * as Monaco from 'monaco-editor/editor/editor.api';
import { commandForKeyPress } from '../../commands/command-routing';
import { PLATFORM } from '../../commands/platform';
import { useDocumentStore } from '../../store/document-store';
import type { ContractTextModels } from './contract-text-models';
import { contractIdOfUri } from './contract-uri';

/**
 * Undo and Redo's keys in a contract's YAML editor step through the design's history, as the
 * toolbar's buttons do: one history, whose redo survives any mix of the two. The editor's own undo
 * would put older text back as a new edit of the design, which empties the design's redo.
 * What was typed is applied first, so it is the step Undo takes back; typing the design never
 * held (a draft with problems) is the editor's own to take back.
 */
export function undoKeysStepDesignHistory(
  editor: Monaco.editor.IStandaloneCodeEditor,
  textModels: ContractTextModels,
): Monaco.IDisposable {
  return editor.onKeyDown((event) => {
    const command = commandForKeyPress(event.browserEvent, PLATFORM)?.id;
    if (command !== 'edit.undo' && command !== 'edit.redo') return;
    const uri = editor.getModel()?.uri;
    const id = uri && contractIdOfUri(uri);
    if (id === undefined || textModels.undoesOwnTyping(id)) return;
    event.preventDefault();
    event.stopPropagation();
    const history = useDocumentStore.getState();
    if (command === 'edit.undo') history.undo();
    else history.redo();
  });
}
