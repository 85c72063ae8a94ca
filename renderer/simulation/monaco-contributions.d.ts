/** Monaco's editor contributions ship without types: they are imported for their side effect only. */
declare module 'monaco-editor/editor/contrib/suggest/browser/suggestController' {}
