import type * as Monaco from 'monaco-editor/editor/editor.api';
import { CODE_VIEW_OPTIONS } from './code-view-options';
import type { MonacoApi } from './load-monaco';

/** What every code editor of the app shares: a code view's options, its widgets free to overflow it. */
const SHARED_OPTIONS: Monaco.editor.IStandaloneEditorConstructionOptions = {
  ...CODE_VIEW_OPTIONS,
  fixedOverflowWidgets: true,
};

/**
 * Fixed overflow widgets make Monaco host its context menu's shadow root in the editor's container,
 * outside `.monaco-editor`: only a `.monaco-component` there is given the theme's colours to inherit.
 */
const THEMED_MONACO_HOST = 'monaco-component';

export interface EditorWithModels {
  editor: Monaco.editor.IStandaloneCodeEditor;
  dispose(): void;
}

/**
 * An editor and the models it shows, disposed together: the editor first, because a model disposed
 * under a live editor fails what the editor still has pending (a completion: "Model is disposed!").
 */
export function createEditorWithModels(
  monaco: MonacoApi,
  container: HTMLElement,
  options: Monaco.editor.IStandaloneEditorConstructionOptions,
  models: Monaco.IDisposable,
): EditorWithModels {
  container.classList.add(THEMED_MONACO_HOST);
  const editor = monaco.editor.create(container, { ...SHARED_OPTIONS, ...options });
  return {
    editor,
    dispose: () => {
      editor.dispose();
      container.classList.remove(THEMED_MONACO_HOST);
      models.dispose();
    },
  };
}
