import { loadMonaco, type MonacoApi } from '../contracts/monaco/load-monaco';

let loading: Promise<MonacoApi> | undefined;

/** Monaco (loaded on first use, as for contracts) with highlighting for every kind of exported file. */
export function loadPreviewMonaco(): Promise<MonacoApi> {
  loading ??= (async () => {
    const [monaco] = await Promise.all([
      loadMonaco(),
      import('monaco-editor/languages/definitions/pgsql/register'),
      import('monaco-editor/languages/definitions/markdown/register'),
      import('monaco-editor/languages/definitions/javascript/register'),
    ]);
    return monaco;
  })();
  return loading;
}

const LANGUAGES: [RegExp, string][] = [
  [/\.ya?ml$/, 'yaml'],
  [/\.sql$/, 'pgsql'],
  [/\.md$/, 'markdown'],
  // JSON reads well with JavaScript's highlighting; the JSON language service would bring a worker.
  [/\.json$/, 'javascript'],
];

export function previewLanguage(path: string): string {
  return LANGUAGES.find(([pattern]) => pattern.test(path))?.[1] ?? 'plaintext';
}
