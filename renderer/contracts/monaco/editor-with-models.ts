import type * as Monaco from 'monaco-editor/editor/editor.api';
import type { MonacoApi } from './load-monaco';

/** What every code editor of the app shares: it fits its container, with no minimap, in 13 px type. */
const SHARED_OPTIONS: Monaco.editor.IStandaloneEditorConstructionOptions = {
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 13,
  scrollBeyondLastLine: false,
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
