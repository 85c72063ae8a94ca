import type * as Monaco from 'monaco-editor/editor/editor.api';
import { importAgain } from '../../app/import-again';
import { loadOnce } from '../../app/load-once';

export type MonacoApi = typeof Monaco;
type YamlDefinition = typeof import('monaco-editor/languages/definitions/yaml/yaml');

/**
 * Loads Monaco on first use, from the app's own bundle (no CDN): the editor core, YAML
 * highlighting, the contributions a contract editor needs and the app's settings. None of it
 * weighs on the canvas's first paint: this module is only imported when an editor opens. A load
 * that failed (a chunk did not come) is forgotten, and the next editor that opens loads again.
 */
export const loadMonaco: () => Promise<MonacoApi> = loadOnce(async () => {
  const [
    monaco,
    { default: EditorWorker },
    yaml,
    { applyMonacoSettings },
    { closeSuggestionsWhenCodeActionMenuOpens },
  ] = await Promise.all([
    importAgain(() => import('monaco-editor/editor/editor.api')),
    importAgain(() => import('monaco-editor/editor/editor.worker?worker')),
    importAgain(() => import('monaco-editor/languages/definitions/yaml/yaml')),
    importAgain(() => import('./monaco-settings')),
    importAgain(() => import('./code-action-menu-closes-suggestions')),
    importAgain(() => import('./editor-contributions')),
  ]);
  registerYaml(monaco, yaml);
  applyMonacoSettings();
  closeSuggestionsWhenCodeActionMenuOpens(monaco);
  self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
  return monaco;
});

/**
 * YAML with the definition already loaded, where Monaco's own `yaml/register` would load it when
 * the first model asks: a failure there is thrown on the page, out of the editor's sight.
 */
function registerYaml(monaco: MonacoApi, yaml: YamlDefinition): void {
  if (monaco.languages.getLanguages().some((language) => language.id === 'yaml')) return;
  monaco.languages.register({ id: 'yaml', extensions: ['.yaml', '.yml'], aliases: ['YAML', 'yaml'] });
  monaco.languages.setLanguageConfiguration('yaml', { ...yaml.conf, onEnterRules: yamlEnterRules(monaco) });
  monaco.languages.setMonarchTokensProvider('yaml', yaml.language);
}

/**
 * New lines in YAML start where the next key goes: under a list item's first key (`- name: id`)
 * rather than under its dash, one level deeper after a key whose value follows on the next lines.
 */
function yamlEnterRules(monaco: MonacoApi): Monaco.languages.OnEnterRule[] {
  const { IndentAction } = monaco.languages;
  return [
    {
      beforeText: /^\s*-\s+[^\s#-][^:#]*:\s*([|>][-+0-9]*)?\s*(#.*)?$/,
      action: { indentAction: IndentAction.Indent, appendText: '  ' },
    },
    { beforeText: /^\s*-\s+[^\s#-][^:#]*:\s+\S/, action: { indentAction: IndentAction.None, appendText: '  ' } },
    { beforeText: /:\s*([|>][-+0-9]*)?\s*(#.*)?$/, action: { indentAction: IndentAction.Indent } },
  ];
}
