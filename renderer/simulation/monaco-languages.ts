import { loadMonaco, type MonacoApi } from '../contracts/monaco/load-monaco';

let sql: Promise<MonacoApi> | undefined;
let json: Promise<MonacoApi> | undefined;

/** Monaco with SQL highlighting, for the SQL console; loaded on first use like the contract editor. */
export function loadMonacoSql(): Promise<MonacoApi> {
  sql ??= (async () => {
    const monaco = await loadMonaco();
    await import('monaco-editor/languages/definitions/sql/register');
    return monaco;
  })();
  return sql;
}

/** Monaco with its JSON language service (schema validation and completion in a worker of its own). */
export async function loadMonacoJson(): Promise<{
  monaco: MonacoApi;
  setSchema(uri: string, fileMatch: string, schema: object): void;
}> {
  json ??= (async () => {
    const [monaco, { default: JsonWorker }] = await Promise.all([
      loadMonaco(),
      import('monaco-editor/languages/features/json/json.worker?worker'),
    ]);
    const editorWorkers = self.MonacoEnvironment;
    self.MonacoEnvironment = {
      getWorker: (workerId: string, label: string) =>
        label === 'json' ? new JsonWorker() : (editorWorkers?.getWorker?.(workerId, label) as Worker),
    };
    // The editor core comes without these: completion and hovers are what the schema offers.
    await Promise.all([
      import('monaco-editor/editor/contrib/suggest/browser/suggestController'),
      import('monaco-editor/features/hover/register'),
      import('monaco-editor/languages/features/json/register'),
    ]);
    return monaco;
  })();
  const loaded = await json;
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
