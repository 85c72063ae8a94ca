import { importAgain } from '../app/import-again';
import { loadOnce } from '../app/load-once';
import { loadMonaco, type MonacoApi } from '../contracts/monaco/load-monaco';

/** Monaco with SQL highlighting, for the SQL console; loaded on first use like the contract editor. */
export const loadMonacoSql: () => Promise<MonacoApi> = loadOnce(async () => {
  const monaco = await loadMonaco();
  await importAgain(() => import('monaco-editor/languages/definitions/sql/register'));
  return monaco;
});

const loadMonacoWithJson = loadOnce(async () => {
  const [monaco, { default: JsonWorker }] = await Promise.all([
    loadMonaco(),
    importAgain(() => import('monaco-editor/languages/features/json/json.worker?worker')),
  ]);
  const editorWorkers = self.MonacoEnvironment;
  self.MonacoEnvironment = {
    getWorker: (workerId: string, label: string) =>
      label === 'json' ? new JsonWorker() : (editorWorkers?.getWorker?.(workerId, label) as Worker),
  };
  // The editor core comes without these: completion and hovers are what the schema offers.
  await Promise.all([
    importAgain(() => import('monaco-editor/editor/contrib/suggest/browser/suggestController')),
    importAgain(() => import('monaco-editor/features/hover/register')),
    importAgain(() => import('monaco-editor/languages/features/json/register')),
  ]);
  return monaco;
});

/** Monaco with its JSON language service (schema validation and completion in a worker of its own). */
export async function loadMonacoJson(): Promise<{
  monaco: MonacoApi;
  setSchema(uri: string, fileMatch: string, schema: object): void;
}> {
  const loaded = await loadMonacoWithJson();
  const { jsonDefaults } = await import('monaco-editor/languages/features/json/register');
  return {
    monaco: loaded,
    setSchema(uri, fileMatch, schema) {
      jsonDefaults.setDiagnosticsOptions({
        validate: true,
        allowComments: false,
        schemas: [{ uri, fileMatch: [fileMatch], schema }],
      });
    },
  };
}
