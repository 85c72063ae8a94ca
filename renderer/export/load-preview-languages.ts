import { importAgain } from '../app/import-again';
import { loadOnce } from '../app/load-once';
import { loadMonaco, type MonacoApi } from '../contracts/monaco/load-monaco';

/** Monaco (loaded on first use, as for contracts) with highlighting for every kind of exported file. */
export const loadPreviewMonaco: () => Promise<MonacoApi> = loadOnce(async () => {
  const [monaco] = await Promise.all([
    loadMonaco(),
    importAgain(() => import('monaco-editor/languages/definitions/pgsql/register')),
    importAgain(() => import('monaco-editor/languages/definitions/markdown/register')),
    importAgain(() => import('monaco-editor/languages/definitions/javascript/register')),
  ]);
  return monaco;
});

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
