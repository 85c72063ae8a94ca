import type * as Monaco from 'monaco-editor/editor/editor.api';

export type MonacoApi = typeof Monaco;

let loading: Promise<MonacoApi> | undefined;

/**
 * Loads Monaco on first use, from the app's own bundle (no CDN), with only the editor
 * core and YAML highlighting: it must not weigh on the first paint of the canvas.
 */
export function loadMonaco(): Promise<MonacoApi> {
  loading ??= (async () => {
    const [monaco, { default: EditorWorker }] = await Promise.all([
      import('monaco-editor/editor/editor.api'),
      import('monaco-editor/editor/editor.worker?worker'),
      import('monaco-editor/languages/definitions/yaml/register'),
    ]);
    self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
    return monaco;
  })();
  return loading;
}
