import type * as Monaco from 'monaco-editor/editor/editor.api';

/**
 * What every code view of the app shares, editor, diff or read-only preview: it fits its container,
 * with no minimap, in 13 px type, and numbers the line after a final newline as it numbers the others
 * (Monaco's default on Linux draws that number at 1.8:1 contrast, under WCAG AA's 4.5:1).
 */
export const CODE_VIEW_OPTIONS: Monaco.editor.IEditorOptions = {
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 13,
  scrollBeyondLastLine: false,
  renderFinalNewline: 'on',
};
