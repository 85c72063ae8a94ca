import type * as Monaco from 'monaco-editor/editor/editor.api';
import { StandaloneServices } from 'monaco-editor/editor/standalone/browser/standaloneServices';
import { IContextKeyService } from 'monaco-editor/platform/contextkey/common/contextkey';

/** Monaco's context key for its menu of code actions (the quick fixes, Ctrl+. or the light bulb). */
const CODE_ACTION_MENU_VISIBLE = 'codeActionMenuVisible';

/**
 * Closes an editor's completion list when its quick-fix menu opens, as VS Code does, so one list is
 * shown and takes the arrow keys. Monaco draws the menu inside the editor, which therefore keeps
 * the focus, and the completion list closes only when the editor loses it.
 */
export function closeSuggestionsWhenCodeActionMenuOpens(monaco: typeof Monaco): void {
  StandaloneServices.withServices(() => {
    const contextKeys = StandaloneServices.get(IContextKeyService);
    return contextKeys.onDidChangeContext((change) => {
      if (!change.affectsSome(new Set([CODE_ACTION_MENU_VISIBLE]))) return;
      if (!contextKeys.getContextKeyValue<boolean>(CODE_ACTION_MENU_VISIBLE)) return;
      for (const editor of monaco.editor.getEditors()) {
        if (editor.hasWidgetFocus()) editor.trigger('code action menu', 'hideSuggestWidget', undefined);
      }
    });
  });
}
