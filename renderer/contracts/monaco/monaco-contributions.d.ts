// Monaco's editor contributions register themselves when imported and export nothing the app uses.
declare module 'monaco-editor/editor/browser/coreCommands';
declare module 'monaco-editor/editor/contrib/*';
declare module 'monaco-editor/editor/standalone/browser/quickAccess/*';
declare module 'monaco-editor/editor/standalone/browser/referenceSearch/*';
declare module 'monaco-editor/editor/common/standaloneStrings';
declare module 'monaco-editor/editor/common/services/treeViewsDndService';
declare module 'monaco-editor/features/find/register';

// A language's definition, which Monaco's `register` modules load when a model first asks.
declare module 'monaco-editor/languages/definitions/yaml/yaml' {
  import type { languages } from 'monaco-editor/editor/editor.api';
  export const conf: languages.LanguageConfiguration;
  export const language: languages.IMonarchLanguage;
}
