// Monaco's editor contributions register themselves when imported and export nothing the app uses.
declare module 'monaco-editor/editor/browser/coreCommands';
declare module 'monaco-editor/editor/contrib/*';
declare module 'monaco-editor/editor/common/standaloneStrings';
declare module 'monaco-editor/editor/common/services/treeViewsDndService';
declare module 'monaco-editor/features/find/register';
